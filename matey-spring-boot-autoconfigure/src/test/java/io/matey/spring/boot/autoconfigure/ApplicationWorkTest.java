package io.matey.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Core's messages open with the application's work where the CLI's name the command (docs/architecture.md §8), as
 * the README documents them: the start-up's, the endpoint's (with its method and path) and the re-check's.
 */
class ApplicationWorkTest {

    private final ApplicationTerms startUp = new ApplicationTerms(WorkspaceCommands.of("matey"),
            ApplicationWork.START_UP);

    @Test
    void theStartUpNamesItsMigrationAdoptionAndCheck() {
        assertThat(startUp.opening("db migrate", "") + " failed: ").isEqualTo("Matey's start-up migration failed: ");
        assertThat(startUp.opening("db migrate", "") + " refuses the migrations of target 'db/core'")
                .isEqualTo("Matey's start-up migration refuses the migrations of target 'db/core'");
        assertThat(startUp.opening("db adopt", "")).isEqualTo("Matey's start-up adoption");
        assertThat(startUp.opening("db drift", "") + " refused: ").isEqualTo("Matey's start-up check refused: ");
        assertThat(startUp.opening("db status", "")).isEqualTo("Matey's start-up check");
        assertThat(startUp.opening("db migrate", "post-status"))
                .isEqualTo("Matey's start-up migration (post-status)");
    }

    @Test
    void theEndpointNamesHowItWasAskedFor() {
        ApplicationWork post = ApplicationWork.endpoint("POST", "/actuator/matey/db/core");
        assertThat(post.opening("db migrate", "") + " failed: ")
                .isEqualTo("Matey's migration (POST /actuator/matey/db/core) failed: ");
        assertThat(post.opening("db up", "post-status"))
                .isEqualTo("Matey's migration (POST /actuator/matey/db/core, post-status)");
        assertThat(ApplicationWork.endpoint("GET", "/actuator/matey/db/core").opening("db drift", "") + " failed: ")
                .isEqualTo("Matey's check (GET /actuator/matey/db/core) failed: ");
    }

    @Test
    void theRecheckNamesItsInterval() {
        assertThat(ApplicationWork.RECHECK.opening("db drift", "") + " failed: ")
                .isEqualTo("Matey's periodic check (matey.health.recheck-interval) failed: ");
    }
}
