package io.matey.shell.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.matey.error.MateyException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A failure of Matey itself (a bug) has an exit code of its own, apart from a finding (1) and a user error (2), so
 * that a CI gate tells "stale" from "crashed"; {@code matey dbmate} exits 2 for it, as dbmate for every error.
 */
class ExitCodesTest {

    private final CommandCatalog catalog = CommandCatalog.load();

    @Test
    void anUnexpectedFailureIsSeventyExceptForDbmate() {
        CommandSpec plan = catalog.find(List.of("schema", "plan")).orElseThrow();
        CommandSpec dbmate = catalog.find(List.of("dbmate", "up")).orElseThrow();

        assertThat(CommandRunner.failed(plan, new IllegalStateException("a bug"))).isEqualTo(70);
        assertThat(CommandRunner.failed(plan, new MateyException("bad input"))).isEqualTo(2);
        assertThat(CommandRunner.failed(dbmate, new IllegalStateException("a bug"))).isEqualTo(2);
    }
}
