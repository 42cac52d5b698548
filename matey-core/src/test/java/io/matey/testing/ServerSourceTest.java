package io.matey.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

class ServerSourceTest {

    /** A Docker probe that must not be asked: asking it costs seconds where the variable already answers. */
    private static final BooleanSupplier NOT_TO_BE_ASKED = () -> {
        throw new AssertionError("Docker was probed although the variable is set");
    };

    @Test
    void aSetVariableWinsWithoutAskingDocker() {
        assertThat(ServerSource.choose("postgres://postgres@127.0.0.1:5432/postgres", NOT_TO_BE_ASKED))
                .isEqualTo(ServerSource.VARIABLE);
    }

    @Test
    void aMissingOrBlankVariableFallsBackToAContainerWhereDockerAnswers() {
        assertThat(ServerSource.choose(null, () -> true)).isEqualTo(ServerSource.CONTAINER);
        assertThat(ServerSource.choose("  ", () -> true)).isEqualTo(ServerSource.CONTAINER);
    }

    @Test
    void aMissingVariableWithoutDockerIsAbsent() {
        assertThat(ServerSource.choose(null, () -> false)).isEqualTo(ServerSource.ABSENT);
        assertThat(ServerSource.choose("", () -> false)).isEqualTo(ServerSource.ABSENT);
    }

    @Test
    void anEntryWithoutVariableOrDockerIsSkippedSayingBoth() {
        // a real probe: on a machine with Docker the entry would start a container instead
        assumeFalse(DockerProbe.answers(), "a Docker engine answers here");
        TestEngines.TestEngine unset = new TestEngines.TestEngine("nowhere", "postgres",
                "MATEY_TEST_NOWHERE_URL_NEVER_SET", true, false, "postgres:16", null);

        assertThatThrownBy(unset::base).isInstanceOf(TestAbortedException.class)
                .hasMessage("MATEY_TEST_NOWHERE_URL_NEVER_SET is not set and no Docker engine answers: no nowhere server"
                        + " to test against (set it, or run .ci/run).");
    }
}
