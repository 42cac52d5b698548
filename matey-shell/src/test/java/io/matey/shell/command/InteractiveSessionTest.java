package io.matey.shell.command;

import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import io.matey.shell.Completions;
import io.matey.shell.Console;
import io.matey.shell.GlobalOptions;
import io.matey.shell.UserErrorResolver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.shell.command.annotation.EnableCommand;
import org.springframework.shell.test.ShellAssertions;
import org.springframework.shell.test.ShellTestClient;
import org.springframework.shell.test.autoconfigure.ShellTest;
import org.springframework.test.annotation.DirtiesContext;

/** An interactive session: completing a target path, then running {@code schema status} on it. */
@ShellTest(terminalWidth = 200)
@EnableCommand(SchemaCommands.class)
@Import({Completions.class, Console.class, UserErrorResolver.class})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_EACH_TEST_METHOD)
class InteractiveSessionTest {

    private static Path workspace;

    @Autowired
    ShellTestClient client;

    @BeforeAll
    static void workspaceWithTwoTargets() throws Exception {
        workspace = Files.createTempDirectory("matey-interactive");
        Files.writeString(workspace.resolve("matey.toml"), "targets = [\"db/core\", \"db/reporting\"]\n");
        for (String target : List.of("db/core", "db/reporting")) {
            Files.createDirectories(workspace.resolve(target));
            Files.writeString(workspace.resolve(target + "/config.toml"),
                    "engine = \"sqlite\"\nurl_env = \"U\"\ntest_url_env = \"T\"\n");
        }
        System.setProperty(GlobalOptions.WORKSPACE_PROPERTY, workspace.toString());
    }

    @AfterAll
    static void forgetWorkspace() {
        System.clearProperty(GlobalOptions.WORKSPACE_PROPERTY);
    }

    @Test
    void completesTargetPathsAndRunsSchemaStatus() {
        ShellTestClient.InteractiveShellSession session = client.interactive().run();
        session.write(session.writeSequence().text("schema status --path db/r\t").build());
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                ShellAssertions.assertThat(session.screen()).containsText("schema status --path db/reporting"));

        session.write(session.writeSequence().carriageReturn().build());
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                ShellAssertions.assertThat(session.screen()).containsText("clean"));
        assertThat(String.join("\n", session.screen().lines())).containsPattern("Status\\s+Steps\\s+Diagnostics");
    }
}
