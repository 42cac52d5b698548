package io.matey.shell.session;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Session lines split as sh splits them (expected words as {@code sh -c 'printf "[%s]" "$@"' x <line>} prints). */
class ShellWordsTest {

    @Test
    void quotesAreRemovedWhereverTheyOpenInAWord() {
        assertThat(ShellWords.split("db status --url='sqlite3:/x/live.db'"))
                .containsExactly("db", "status", "--url=sqlite3:/x/live.db");
        assertThat(ShellWords.split("db status --url=\"sqlite3:/x/a b.db\""))
                .containsExactly("db", "status", "--url=sqlite3:/x/a b.db");
        assertThat(ShellWords.split("db status --url 'sqlite3:/x/live.db'"))
                .containsExactly("db", "status", "--url", "sqlite3:/x/live.db");
        assertThat(ShellWords.split("x a'b'c\"d e\"f")).containsExactly("x", "abcd ef");
    }

    @Test
    void backslashesEscapeAsInSh() {
        assertThat(ShellWords.split("x --url='a\\b'")).containsExactly("x", "--url=a\\b");
        assertThat(ShellWords.split("x --url=\"a\\\"b\\\\c\\d\"")).containsExactly("x", "--url=a\"b\\c\\d");
        assertThat(ShellWords.split("x a\\ b it\\'s")).containsExactly("x", "a b", "it's");
    }

    @Test
    void blanksSeparateWordsAndAnUnclosedQuoteRunsToTheEndOfTheWords() {
        assertThat(ShellWords.split("  schema\tstatus  ")).containsExactly("schema", "status");
        assertThat(ShellWords.split("x '' y")).containsExactly("x", "", "y");
        assertThat(ShellWords.split("x --url='a b")).containsExactly("x", "--url=a b");
    }

    @Test
    void anUnclosedQuoteIsFoundWhereItOpens() {
        assertThat(ShellWords.unclosedQuote("db new \"abc")).isEqualTo(7);
        assertThat(ShellWords.unclosedQuote("x --url='a b")).isEqualTo(8);
        assertThat(ShellWords.unclosedQuote("x \"a\\\"")).as("an escaped closing quote closes nothing").isEqualTo(2);
        assertThat(ShellWords.unclosedQuote("x 'it''s' \"a\" it\\'s")).isEqualTo(-1);
    }
}
