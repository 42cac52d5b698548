package io.matey.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The timed runs of one measurement, in nanoseconds. */
public record Samples(String label, List<Long> nanos) {

    public Samples {
        nanos = List.copyOf(nanos);
    }

    /** A figure measured once (or derived), shown like a measurement. */
    public static Samples single(String label, long nanos) {
        return new Samples(label, List.of(nanos));
    }

    public long median() {
        List<Long> sorted = sorted();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    public long min() {
        return sorted().get(0);
    }

    public long max() {
        return sorted().get(sorted().size() - 1);
    }

    public double medianMs() {
        return median() / 1e6;
    }

    private List<Long> sorted() {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        return sorted;
    }
}
