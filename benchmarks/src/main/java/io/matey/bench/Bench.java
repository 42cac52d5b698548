package io.matey.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Runs a trial once to warm up, then {@code runs} times timed; preparation is never timed. */
public final class Bench {

    /** One measured operation. */
    public interface Trial {
        /** Untimed: brings the world to the starting state (fresh database, restored files, ...). */
        default void prepare() throws Exception {
        }

        void run() throws Exception;

        /** Untimed: called after each run, timed or not. */
        default void after() throws Exception {
        }
    }

    /** A trial from two lambdas: untimed preparation, then the timed run. */
    public static Trial trial(Phases.Action prepare, Phases.Action run) {
        return new Trial() {
            @Override
            public void prepare() throws Exception {
                prepare.run();
            }

            @Override
            public void run() throws Exception {
                run.run();
            }
        };
    }

    private final int runs;

    public Bench(int runs) {
        this.runs = runs;
    }

    public int runs() {
        return runs;
    }

    public Samples measure(String label, Trial trial) throws Exception {
        once(trial);
        List<Long> nanos = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            nanos.add(once(trial));
        }
        Samples samples = new Samples(label, nanos);
        System.err.printf("  %-44s median %9.1f ms%n", label, samples.medianMs());
        return samples;
    }

    /**
     * Several trials in rounds: one warm-up round, then {@code runs} timed rounds that each run every trial once
     * in the given order, so that a change in the machine's load falls on all of them alike.
     */
    public List<Samples> interleave(Map<String, Trial> trials) throws Exception {
        Map<String, List<Long>> nanos = new LinkedHashMap<>();
        for (Trial trial : trials.values()) {
            once(trial);
        }
        for (int i = 0; i < runs; i++) {
            for (Map.Entry<String, Trial> e : trials.entrySet()) {
                nanos.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(once(e.getValue()));
            }
            System.err.printf("  round %d of %d done%n", i + 1, runs);
        }
        List<Samples> out = new ArrayList<>();
        nanos.forEach((label, values) -> {
            Samples samples = new Samples(label, values);
            System.err.printf("  %-44s median %9.1f ms%n", label, samples.medianMs());
            out.add(samples);
        });
        return out;
    }

    private static long once(Trial trial) throws Exception {
        trial.prepare();
        long started = System.nanoTime();
        try {
            trial.run();
            return System.nanoTime() - started;
        } finally {
            trial.after();
        }
    }
}
