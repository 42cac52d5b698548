package io.matey.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Named parts of one run, timed separately and summed per name. */
public final class Phases {

    /** Timed work that may fail. */
    public interface Work<T> {
        T run() throws Exception;
    }

    /** Timed work without a result. */
    public interface Action {
        void run() throws Exception;
    }

    /** The phases of every run of one trial, the warm-up first. */
    public static final class Log {
        private final List<Phases> runs = new ArrayList<>();

        public void add(Phases phases) {
            runs.add(phases);
        }

        /** The timed runs: all but the warm-up. */
        public List<Phases> timed() {
            return runs.subList(1, runs.size());
        }
    }

    private final Map<String, Long> nanos = new LinkedHashMap<>();

    public <T> T time(String name, Work<T> work) throws Exception {
        long started = System.nanoTime();
        try {
            return work.run();
        } finally {
            add(name, System.nanoTime() - started);
        }
    }

    public void time(String name, Action action) throws Exception {
        time(name, () -> {
            action.run();
            return null;
        });
    }

    public void add(String name, long value) {
        nanos.merge(name, value, Long::sum);
    }

    public Map<String, Long> nanos() {
        return nanos;
    }

    public long total() {
        return nanos.values().stream().mapToLong(Long::longValue).sum();
    }

    /** One figure per part across runs, labelled {@code <prefix>: <part>}, in the order parts first appeared. */
    public static List<Samples> samples(String prefix, List<Phases> runs) {
        Map<String, List<Long>> parts = new LinkedHashMap<>();
        for (Phases run : runs) {
            run.nanos.forEach((name, value) -> parts.computeIfAbsent(name, n -> new ArrayList<>()).add(value));
        }
        List<Samples> out = new ArrayList<>();
        parts.forEach((name, values) -> out.add(new Samples(prefix + ": " + name, values)));
        return out;
    }
}
