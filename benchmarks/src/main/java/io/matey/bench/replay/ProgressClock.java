package io.matey.bench.replay;

import io.matey.bench.Phases;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits one {@code schema apply} into three phases from the moments its progress lines arrive (one per
 * replayed migration, ending in {@code <n> ms}): before the first migration, the migrations, and after the last.
 */
final class ProgressClock implements Consumer<String> {

    /** Planning, scratch create, connect, anchor load, first dump. */
    static final String BEFORE = "start: plan, scratch, anchor, dump";
    /** Each migration's up, dump, down, dump, up. */
    static final String MIGRATIONS = "migrations: round trips";
    /** Final dump, scratch drop, rendering and writing the artifacts. */
    static final String AFTER = "end: dump, scratch drop, artifacts";

    private static final Pattern MILLIS = Pattern.compile("(\\d+) ms$");

    private final List<long[]> lines = new ArrayList<>();
    private long start;

    void start() {
        lines.clear();
        start = System.nanoTime();
    }

    int lines() {
        return lines.size();
    }

    @Override
    public void accept(String line) {
        long at = System.nanoTime();
        Matcher m = MILLIS.matcher(line);
        lines.add(new long[] {at, m.find() ? Long.parseLong(m.group(1)) * 1_000_000 : 0});
    }

    /** The phases of the run that ended at {@code end}; the first migration's start comes from its own figure. */
    Phases phases(long end) {
        Phases phases = new Phases();
        if (lines.isEmpty()) {
            phases.add(BEFORE, end - start);
            return phases;
        }
        long firstStart = lines.get(0)[0] - lines.get(0)[1];
        long lastEnd = lines.get(lines.size() - 1)[0];
        phases.add(BEFORE, firstStart - start);
        phases.add(MIGRATIONS, lastEnd - firstStart);
        phases.add(AFTER, end - lastEnd);
        return phases;
    }
}
