package io.matey.replay;

import io.matey.Matey;
import io.matey.MateyTools;
import io.matey.error.MateyException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Incremental {@code schema apply} rounds in a process of its own, for {@link ConcurrentReplayTest}. Arguments:
 * the workspace root, the target, the number of rounds and a start-gate file. Says {@code ready}, waits for the
 * gate, then per round adds a migration and applies it (so each round's anchor is a new template), printing
 * {@code round N ok}; on the first failure prints the error and exits 2.
 */
public final class ConcurrentReplayMain {

    private ConcurrentReplayMain() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        Path root = Path.of(args[0]);
        String target = args[1];
        int rounds = Integer.parseInt(args[2]);
        Matey matey = new Matey(root, root, System.getenv());
        System.out.println("ready");
        System.out.flush();
        awaitGate(Path.of(args[3]));
        for (int round = 1; round <= rounds; round++) {
            String table = "round_" + round;
            Path file = matey.target(target).dir().resolve("migrations/%03d_%s.sql".formatted(100 + round, table));
            Files.writeString(file, "-- migrate:up\nCREATE TABLE " + table + " (id bigint PRIMARY KEY);\n\n"
                    + "-- migrate:down\nDROP TABLE " + table + ";\n", StandardCharsets.UTF_8);
            try {
                SchemaApplyResult result = new MateyTools(new Matey(root, root, System.getenv()))
                        .schemaApply(target, ReplayOptions.defaults(), line -> { });
                System.out.println("round " + round + (result.changed() ? " ok" : " unchanged"));
            } catch (MateyException e) {
                System.out.println("error in round " + round + ": " + e.getMessage());
                System.exit(2);
            }
        }
    }

    private static void awaitGate(Path gate) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (!Files.exists(gate)) {
            if (System.nanoTime() > deadline) {
                System.out.println("error: the start gate " + gate + " never opened");
                System.exit(3);
            }
            Thread.sleep(5);
        }
    }
}
