package io.matey.engine.postgres;

import static io.matey.engine.postgres.PostgresSchemaDumpTest.dumpOf;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** Cycles between a table and the functions its constraints and generated columns call (docs/architecture.md §5). */
class DumpCyclesTest {

    @Test
    void anExclusionConstraintCallingASqlBodyFunctionOfItsTableFollowsTheFunction() throws SQLException {
        String dump = dumpOf("""
                CREATE TABLE slots (a integer);
                CREATE FUNCTION slot_key(x integer) RETURNS integer LANGUAGE sql IMMUTABLE
                BEGIN ATOMIC SELECT x + 0 * (SELECT count(*) FROM slots)::integer; END;
                ALTER TABLE slots ADD CONSTRAINT slots_one EXCLUDE USING btree (slot_key(a) WITH =);
                """);

        assertThat(dumpOf(dump)).isEqualTo(dump);
        assertThat(dump).contains("CREATE TABLE public.slots (\n    a integer\n);\n",
                "ALTER TABLE public.slots ADD CONSTRAINT slots_one EXCLUDE USING btree (public.slot_key(a) WITH =);\n");
        assertThat(dump.indexOf("CREATE OR REPLACE FUNCTION public.slot_key"))
                .isLessThan(dump.indexOf("ALTER TABLE public.slots ADD CONSTRAINT slots_one"));
    }

    @Test
    void aWholeRowCheckOnAPartitionedTableWithoutPartitionsFollowsItsFunction() throws SQLException {
        // PostgreSQL refuses such a CHECK once the table has partitions, and a partition once it has one
        String dump = dumpOf("""
                CREATE TABLE readings (a integer, b text) PARTITION BY RANGE (a);
                CREATE FUNCTION reading_ok(r readings) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$ SELECT r.b <> '' $$;
                ALTER TABLE readings ADD CONSTRAINT readings_ok CHECK (reading_ok(readings));
                """);

        assertThat(dumpOf(dump)).isEqualTo(dump);
        assertThat(dump).contains(
                "ALTER TABLE public.readings ADD CONSTRAINT readings_ok CHECK (public.reading_ok(readings.*));\n");
    }

    @Test
    void aGeneratedColumnCallingASqlBodyFunctionOfItsTableKeepsItsPlace() throws SQLException {
        String dump = dumpOf("""
                CREATE TABLE items (a integer, b integer);
                CREATE FUNCTION item_total(x integer) RETURNS integer LANGUAGE sql IMMUTABLE
                BEGIN ATOMIC SELECT x + 0 * (SELECT count(*) FROM items)::integer; END;
                ALTER TABLE items ADD COLUMN total integer GENERATED ALWAYS AS (item_total(a)) STORED;
                ALTER TABLE items ADD COLUMN note text;
                """);
        assertThat(dumpOf(dump)).isEqualTo(dump);
        // the column stays between b and note, as a migrated table holds it; the function replaces its stand-in
        assertThat(dump).startsWith("""
                CREATE FUNCTION public.item_total(x integer) RETURNS integer LANGUAGE sql IMMUTABLE \
                AS 'SELECT NULL::integer';

                CREATE TABLE public.items (
                    a integer,
                    b integer,
                    total integer GENERATED ALWAYS AS (public.item_total(a)) STORED,
                    note text
                );

                CREATE OR REPLACE FUNCTION public.item_total(x integer)
                """);
    }
}
