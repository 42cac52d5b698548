package io.matey.lint;

import java.util.List;

/** The findings of one target, in output order. */
public record LintReport(String target, List<Finding> findings) {

    public LintReport {
        findings = List.copyOf(findings);
    }

    public boolean hasErrors() {
        return findings.stream().anyMatch(Finding::isError);
    }

    /** Errors or warnings: what {@code lint --exit-code} fails on (notes report acceptances made on purpose). */
    public boolean hasProblems() {
        return findings.stream().anyMatch(f -> f.level() != Finding.Level.NOTE);
    }
}
