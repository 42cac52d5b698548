package io.matey.engine.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Only the sqlite3 shell's final {@code /* <view>(<columns>) *}{@code /} line is dropped from a view's SQL. */
class ShellViewCommentTest {

    private static final String VIEW = "CREATE VIEW v AS SELECT a, b FROM t";

    @Test
    void dropsTheShellsCommentNamingTheView() {
        assertThat(ShellViewComment.stripped("v", VIEW + "\n/* v(a,b) */")).isEqualTo(VIEW);
        assertThat(ShellViewComment.stripped("v", VIEW + "\r\n/* v(a,b) */")).isEqualTo(VIEW);
    }

    @Test
    void dropsTheCommentOfEveryDumpAndLoadRound() {
        assertThat(ShellViewComment.stripped("v", VIEW + "\n/* v(a,b) */\n/* v(a,b) */")).isEqualTo(VIEW);
    }

    @Test
    void matchesANameTheShellQuoted() {
        String view = "CREATE VIEW \"my \"\"v\"\"\" AS SELECT \"a b\" FROM t";
        assertThat(ShellViewComment.stripped("my \"v\"", view + "\n/* \"my \"\"v\"\"\"(\"a b\") */")).isEqualTo(view);
    }

    @Test
    void keepsAUserCommentInsideTheView() {
        String view = "CREATE VIEW v AS SELECT a, /* v(a) */ b FROM t";
        assertThat(ShellViewComment.stripped("v", view)).isEqualTo(view);
        assertThat(ShellViewComment.stripped("v", view + "\n/* v(a,b) */")).isEqualTo(view);
    }

    @Test
    void keepsACommentNamingAnotherView() {
        assertThat(ShellViewComment.stripped("v", VIEW + "\n/* w(a,b) */")).isEqualTo(VIEW + "\n/* w(a,b) */");
        assertThat(ShellViewComment.stripped("v", VIEW + "\n/* \"v2\"(a,b) */")).isEqualTo(VIEW + "\n/* \"v2\"(a,b) */");
    }

    @Test
    void keepsAFinalCommentOfAnotherShapeOrOnTheSameLine() {
        for (String end : new String[] {"\n/* v */", "\n/* v(a,b) note */", "\n-- v(a,b)", " /* v(a,b) */",
                "\n/* v(a) */ /* v(b) */"}) {
            assertThat(ShellViewComment.stripped("v", VIEW + end)).isEqualTo(VIEW + end);
        }
    }
}
