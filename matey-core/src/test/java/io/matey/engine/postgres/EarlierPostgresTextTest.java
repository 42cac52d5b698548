package io.matey.engine.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Which PostgreSQL dump text only an earlier release wrote: an index without ONLY on a table the text partitions, a
 * materialized view WITH NO DATA.
 */
class EarlierPostgresTextTest {

    private static final String PARTITIONED = """
            CREATE TABLE "Sensor data"."Gauges" (
                id integer,
                note text DEFAULT 'PARTITION BY day'
            )
            PARTITION BY LIST (id);

            CREATE TABLE "Sensor data".gauges_1 PARTITION OF "Sensor data"."Gauges"
            FOR VALUES IN (1)
            PARTITION BY LIST (note);

            CREATE TABLE public.plain (
                id integer
            );

            """;

    @Test
    void aDumpThatIndexesItsPartitionedTablesOnOnlyIsNotAnEarlierOne() {
        assertThat(of(PARTITIONED + """
                CREATE INDEX "Gauges_id" ON ONLY "Sensor data"."Gauges" USING btree (id);

                CREATE UNIQUE INDEX gauges_1_id_note_idx ON ONLY "Sensor data".gauges_1 USING btree (id, note);

                ALTER INDEX "Sensor data"."Gauges_id" ATTACH PARTITION "Sensor data".gauges_1_id_idx;

                CREATE INDEX plain_id ON public.plain USING btree (id);

                CREATE INDEX "Gauges_x" ON "Sensor data"."Gauges_x" USING btree (id);
                """)).isEmpty();
    }

    @Test
    void anIndexWithoutOnlyOnAPartitionedTableOrPartitionIsAnEarlierOne() {
        assertThat(of(PARTITIONED + "CREATE INDEX \"Gauges_id\" ON \"Sensor data\".\"Gauges\" USING btree (id);\n"))
                .hasValueSatisfying(words -> assertThat(words).startsWith("a partitioned table's index created without "
                        + "ON ONLY"));
        assertThat(of(PARTITIONED + "CREATE UNIQUE INDEX g ON \"Sensor data\".gauges_1 USING btree (id, note);\n"))
                .isPresent();
    }

    @Test
    void aPartitionedTableWithItsAccessMethodAndOptionsIsRecognised() {
        assertThat(of("""
                CREATE TABLE public.t (
                    id integer
                )
                PARTITION BY RANGE (id)
                USING heap
                WITH (fillfactor='70');

                CREATE INDEX t_id_idx ON public.t USING btree (id);
                """)).isPresent();
    }

    @Test
    void anUnpopulatedViewIsFoundWhereItsLastLineEndsTheText() {
        String view = "CREATE TABLE public.t (\n    id integer\n);\n\nCREATE MATERIALIZED VIEW public.v AS\n"
                + " SELECT t.id\n   FROM public.t\n WITH NO DATA;\n";
        assertThat(of(view)).hasValueSatisfying(words -> assertThat(words).startsWith("that a materialized view is "
                + "not populated"));
        assertThat(of(view.substring(0, view.length() - 1))).isEmpty();
        assertThat(of(view.replace("NO DATA", "NO DATE"))).isEmpty();
    }

    private static Optional<String> of(String text) {
        return new PostgresEngine().earlierDumpText(text.getBytes(StandardCharsets.UTF_8));
    }
}
