package io.matey.spring.boot.autoconfigure;

import java.util.List;
import java.util.stream.Collectors;

/** Start-up found targets whose committed artifacts are not coherent, so no database could be verified. */
public class MateyStaleArtifactsException extends RuntimeException {

    private final List<TargetReport> reports;
    private final String workspace;

    /** @param workspace {@code matey.workspace}, which the suggested commands name */
    public MateyStaleArtifactsException(List<TargetReport> reports, String workspace) {
        super("Matey artifacts are stale in target(s) " + reports.stream().map(TargetReport::target)
                .collect(Collectors.joining(", ")));
        this.reports = List.copyOf(reports);
        this.workspace = workspace;
    }

    public List<TargetReport> getReports() {
        return reports;
    }

    public String getWorkspace() {
        return workspace;
    }
}
