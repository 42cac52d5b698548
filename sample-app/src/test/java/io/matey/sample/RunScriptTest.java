package io.matey.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Each sample app (this test is shared by both) has a {@code run.sh} that packages this module and runs the jar it
 * builds, and the README shows it: users start the Boot 3.5 sample the same way as the Boot 4 one.
 */
class RunScriptTest {

    @Test
    void runShPackagesThisAppAndRunsItsJar() throws Exception {
        Path module = Path.of("").toAbsolutePath(); // surefire runs in the module's directory
        String name = module.getFileName().toString();
        Path script = module.resolve("run.sh");
        assertThat(script).isExecutable();
        assertThat(Files.readString(script)).contains("-pl " + name + " -am package", "cd \"$repo/" + name + "\"",
                "exec java -jar target/" + name + ".jar \"$@\"");
        assertThat(Files.readString(module.resolveSibling("README.md"))).contains("\n" + name + "/run.sh ");
    }
}
