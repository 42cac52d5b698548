package io.matey.bench;

import java.util.ArrayList;
import java.util.List;

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

    /** A trial that times its own parts; its figure is the sum of the parts, not the wall time. */
    public interface PartsTrial {
        default void prepare() throws Exception {
        }

        Phases run() throws Exception;
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

    /** The total first, then one figure per part, each labelled {@code label: part}. */
    public List<Samples> measureParts(String label, PartsTrial trial) throws Exception {
        trial.prepare();
        trial.run();
        List<Phases> timed = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            trial.prepare();
            timed.add(trial.run());
        }
        List<Samples> out = new ArrayList<>();
        out.add(new Samples(label, timed.stream().map(Phases::total).toList()));
        out.addAll(Phases.samples("  " + label, timed));
        System.err.printf("  %-44s median %9.1f ms%n", label, out.get(0).medianMs());
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
