package io.matey.live;

import io.matey.Matey;
import io.matey.error.MateyException;
import io.matey.workspace.TargetConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * {@code db up} in a process of its own, for {@link ConcurrentUpTest}. Arguments: the workspace root, the
 * target, the live URL and a start-gate file: the process says {@code ready} once warmed up, then waits for the
 * gate (for two minutes at most) so that all processes reach the database at the same moment. Prints
 * {@code up <before> <after>} and exits 0, or prints the error and exits 2.
 */
public final class ConcurrentUpMain {

    private ConcurrentUpMain() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        Path root = Path.of(args[0]);
        TargetConfig target = new Matey(root, root, System.getenv()).target(args[1]);
        LiveDatabase live = new LiveDatabase(System.getenv(), System.out::println);
        warmUp(live, target, args[2]);
        System.out.println("ready");
        System.out.flush();
        Path gate = Path.of(args[3]);
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (!Files.exists(gate)) {
            if (System.nanoTime() > deadline) {
                System.out.println("error: the start gate " + gate + " never opened");
                System.exit(3);
            }
            Thread.sleep(5);
        }
        try {
            LiveChange change = live.up(target, args[2]);
            System.out.println("up " + change.before() + " " + change.after());
        } catch (MateyException e) {
            System.out.println("error: " + e.getMessage());
            System.exit(2);
        }
    }

    /** Loads the classes and the JDBC driver a run needs, so that start-up time does not stagger the runs. */
    private static void warmUp(LiveDatabase live, TargetConfig target, String url) {
        try {
            live.status(target, url);
        } catch (MateyException expected) {
            // the database does not exist yet
        }
    }
}
