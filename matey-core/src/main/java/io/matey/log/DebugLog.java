package io.matey.log;

import io.matey.engine.MateyUrl;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Matey's debug lines: the statements it runs on databases, the connections it opens and its migration lock
 * waits (docs/architecture.md §11). By default they go to SLF4J at DEBUG under the logger of the class that
 * writes them ({@code logging.level.io.matey=debug} in a Spring Boot application). The shell sends them to stderr
 * with {@code MATEY_LOG=debug} and otherwise switches them off, so that no command pays for SLF4J's provider
 * search. A line is built only when it is written, and any password in it is masked.
 */
public final class DebugLog {

    /** Where the lines go. */
    public interface Sink {
        boolean enabled(Class<?> source);

        void write(Class<?> source, String line);
    }

    /** Drops every line without building it. */
    public static final Sink OFF = new Sink() {
        @Override
        public boolean enabled(Class<?> source) {
            return false;
        }

        @Override
        public void write(Class<?> source, String line) {
        }
    };

    private static volatile Sink sink = new Slf4jSink();

    private DebugLog() {
    }

    /** Sends the lines to {@code sink} from now on. */
    public static void to(Sink sink) {
        DebugLog.sink = sink;
    }

    /** Every line, as {@code SimpleClassName: line}, to {@code out}. */
    public static Sink lines(Consumer<String> out) {
        return new Sink() {
            @Override
            public boolean enabled(Class<?> source) {
                return true;
            }

            @Override
            public void write(Class<?> source, String line) {
                out.accept(source.getSimpleName() + ": " + line);
            }
        };
    }

    public static void log(Class<?> source, Supplier<String> line) {
        Sink current = sink;
        if (current.enabled(source)) {
            current.write(source, MateyUrl.mask(line.get()));
        }
    }
}
