package io.matey.bench.replay;

import io.matey.MateyTools;
import io.matey.bench.Bench;
import io.matey.bench.BenchWorkspace;
import io.matey.bench.Phases;
import io.matey.replay.ReplayOptions;
import io.matey.replay.SchemaApplyResult;
import java.util.List;

/** One {@code schema apply} through the façade, checked to have replayed what it should, with its phases. */
final class ApplyTrial implements Bench.Trial {

    private final BenchWorkspace ws;
    private final ReplayOptions options;
    private final int expectedReplays;
    private final Phases.Action before;
    private final Phases.Action after;
    private final ProgressClock clock = new ProgressClock();
    private final Phases.Log log = new Phases.Log();

    /**
     * @param expectedReplays how many migrations the apply must replay (each with its down round trip)
     * @param before          untimed, before each run: brings the workspace to the starting state
     * @param after           untimed, after each run
     */
    ApplyTrial(BenchWorkspace ws, ReplayOptions options, int expectedReplays, Phases.Action before,
            Phases.Action after) {
        this.ws = ws;
        this.options = options;
        this.expectedReplays = expectedReplays;
        this.before = before;
        this.after = after;
    }

    @Override
    public void prepare() throws Exception {
        before.run();
        clock.start();
    }

    @Override
    public void run() {
        SchemaApplyResult result = new MateyTools(ws.matey()).schemaApply(BenchWorkspace.TARGET, options, clock);
        log.add(clock.phases(System.nanoTime()));
        if (!result.changed() || result.downChecked().size() != expectedReplays || clock.lines() != expectedReplays) {
            throw new IllegalStateException("schema apply replayed " + clock.lines() + " migration(s) and checked "
                    + result.downChecked().size() + " down section(s); expected " + expectedReplays);
        }
    }

    @Override
    public void after() throws Exception {
        after.run();
    }

    /** The phases of the timed runs (the warm-up left out). */
    List<Phases> timedPhases() {
        return log.timed();
    }
}
