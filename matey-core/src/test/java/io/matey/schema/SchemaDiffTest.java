package io.matey.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SchemaDiffTest {

    private static final String CUSTOMERS = """
            CREATE TABLE public.customers (
                id integer NOT NULL,
                name %s,
                email text
            );

            ALTER TABLE ONLY public.customers
                ADD CONSTRAINT customers_pkey PRIMARY KEY (id);

            ALTER TABLE ONLY public.customers
                ADD CONSTRAINT customers_email_key UNIQUE (email);
            """;

    @Test
    void aStateWithTheSameTablesAndOneChangedColumnIsCloserThanTheEmptyBaseline() {
        String live = """
                CREATE TABLE public.customers (
                    id integer NOT NULL,
                    name varchar(20),
                    email text
                );
                """;
        String first = CUSTOMERS.formatted("text");
        String second = first + "\nCREATE INDEX customers_by_email ON public.customers USING btree (email);\n";
        assertThat(SchemaDiff.distance(live, "")).as("fewer lines apart, which alone chose the baseline")
                .isLessThan(SchemaDiff.distance(live, first));
        assertThat(SchemaDiff.closest(live, List.of("", first, second))).isEqualTo(1);
    }

    @Test
    void anEqualStateIsClosestAndTiesGoToTheFirst() {
        String first = CUSTOMERS.formatted("text");
        assertThat(SchemaDiff.closest(first, List.of("", first + "\nCREATE TABLE public.other (id integer);\n", first)))
                .isEqualTo(2);
        assertThat(SchemaDiff.closest("", List.of("", ""))).isZero();
    }
}
