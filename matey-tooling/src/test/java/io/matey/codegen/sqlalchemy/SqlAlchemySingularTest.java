package io.matey.codegen.sqlalchemy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The English rules behind {@code use_inflect} class names. */
class SqlAlchemySingularTest {

    @Test
    void theLastWordOfATableNameBecomesSingular() {
        assertThat(Singular.of("sales_invoices")).isEqualTo("sales_invoice");
        assertThat(Singular.of("categories")).isEqualTo("category");
        assertThat(Singular.of("addresses")).isEqualTo("address");
        assertThat(Singular.of("boxes")).isEqualTo("box");
        assertThat(Singular.of("branches")).isEqualTo("branch");
        assertThat(Singular.of("people")).isEqualTo("person");
        assertThat(Singular.of("Children")).isEqualTo("Child");
        assertThat(Singular.of("user_accounts")).isEqualTo("user_account");
    }

    @Test
    void wordsThatAreNotPluralKeepTheirName() {
        assertThat(Singular.of("status")).isEqualTo("status");
        assertThat(Singular.of("access")).isEqualTo("access");
        assertThat(Singular.of("analysis")).isEqualTo("analysis");
        assertThat(Singular.of("user")).isEqualTo("user");
        assertThat(Singular.of("series")).isEqualTo("series");
        assertThat(Singular.of("bus")).isEqualTo("bus");
    }
}
