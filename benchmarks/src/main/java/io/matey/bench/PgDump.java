package io.matey.bench;

import io.matey.engine.MateyUrl;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** The real {@code pg_dump --schema-only} of one database, written to a file (its own process each time). */
public final class PgDump {

    private final MateyUrl url;
    private final Path output;

    public PgDump(MateyUrl url, Path output) {
        this.url = url;
        this.output = output;
    }

    public void run() throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(List.of("pg_dump", "--schema-only", "--no-password",
                "-h", url.host(), "-p", String.valueOf(url.port() > 0 ? url.port() : 5432),
                "-U", url.user() == null ? "postgres" : url.user(), "-f", output.toString(), url.path()));
        if (url.password() != null) {
            pb.environment().put("PGPASSWORD", url.password());
        }
        pb.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        int exit = pb.start().waitFor();
        if (exit != 0) {
            throw new IllegalStateException("pg_dump exited with " + exit + " for " + url);
        }
    }
}
