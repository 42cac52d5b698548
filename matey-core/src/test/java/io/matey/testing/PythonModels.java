package io.matey.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** Loads generated SQLAlchemy models in the test Python ({@code MATEY_TEST_PYTHON}), where one is configured. */
public final class PythonModels {

    private PythonModels() {
    }

    /**
     * What loading {@code models.py} prints: its metadata's (a table module's {@code metadata} or a declarative
     * module's {@code Base.metadata}) sorted table names; empty without a test Python.
     */
    public static Optional<String> tableNames(Path models) throws IOException, InterruptedException {
        String python = System.getenv("MATEY_TEST_PYTHON");
        if (python == null || python.isBlank()) {
            return Optional.empty();
        }
        Process process = new ProcessBuilder(python, "-c", "import runpy, sys; m = runpy.run_path(sys.argv[1]);"
                + " print(sorted((m['metadata'] if 'metadata' in m else m['Base'].metadata).tables))", models.toString()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("Loading " + models + " in " + python + " did not finish");
        }
        return Optional.of(output);
    }
}
