package io.matey.bench;

import java.util.ArrayList;
import java.util.List;

/** The printed result: a table of figures, then each ratio against its aim. */
public final class Report {

    private final String title;
    private final int runs;
    private final List<String> figures = new ArrayList<>();
    private final List<String> ratios = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    public Report(String title, int runs) {
        this.title = title;
        this.runs = runs;
    }

    public Report figure(Samples s) {
        figures.add(String.format("| %-52s | %10.1f | %10.1f | %10.1f |", s.label(), s.medianMs(), s.min() / 1e6,
                s.max() / 1e6));
        return this;
    }

    /** A ratio with its aim as text, and whether the measured value meets it. */
    public Report ratio(String label, double value, String aimText, boolean met) {
        ratios.add(String.format("| %-52s | %8.3f | %-10s | %-4s |", label, value, aimText, met ? "yes" : "NO"));
        return this;
    }

    /** A ratio shown for context, without an aim. */
    public Report info(String label, double value) {
        ratios.add(String.format("| %-52s | %8.3f | %-10s | %-4s |", label, value, "-", "-"));
        return this;
    }

    public Report note(String text) {
        notes.add(text);
        return this;
    }

    public void print() {
        System.out.println();
        System.out.println("## " + title + "  (median of " + runs + " runs after 1 warm-up; ms)");
        System.out.println();
        System.out.printf("| %-52s | %10s | %10s | %10s |%n", "measure", "median", "min", "max");
        System.out.println("|" + "-".repeat(54) + "|" + "-".repeat(12) + "|" + "-".repeat(12) + "|" + "-".repeat(12) + "|");
        figures.forEach(System.out::println);
        System.out.println();
        System.out.printf("| %-52s | %8s | %-10s | %-4s |%n", "ratio", "value", "aim", "met");
        System.out.println("|" + "-".repeat(54) + "|" + "-".repeat(10) + "|" + "-".repeat(12) + "|" + "-".repeat(6) + "|");
        ratios.forEach(System.out::println);
        notes.forEach(n -> System.out.println("\n" + n));
    }
}
