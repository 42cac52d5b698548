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
        return print(models, "sorted(md.tables)");
    }

    /** The {@code CREATE TABLE} statements SQLAlchemy compiles from the metadata (generic dialect), by table name. */
    public static Optional<String> createTables(Path models) throws IOException, InterruptedException {
        return print(models, "''.join(str(sa.schema.CreateTable(md.tables[k])) for k in sorted(md.tables))");
    }

    /** Loads {@code models.py} and prints {@code expression} of its metadata {@code md}. */
    private static Optional<String> print(Path models, String expression) throws IOException, InterruptedException {
        String python = System.getenv("MATEY_TEST_PYTHON");
        if (python == null || python.isBlank()) {
            return Optional.empty();
        }
        Process process = new ProcessBuilder(python, "-c", "import runpy, sys, sqlalchemy as sa; m = runpy.run_path(sys.argv[1]);"
                + " md = m['metadata'] if 'metadata' in m else m['Base'].metadata; print(" + expression + ")",
                models.toString()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("Loading " + models + " in " + python + " did not finish");
        }
        return Optional.of(output);
    }
}
