package io.matey.spring.boot.autoconfigure;

import java.util.List;
import java.util.stream.Collectors;

/** Start-up found databases whose schema differs from the committed state at their applied index. */
public class MateyDriftException extends RuntimeException {

    private final List<TargetReport> reports;
    private final String workspace;

    /** @param workspace {@code matey.workspace}, which the suggested commands name */
    public MateyDriftException(List<TargetReport> reports, String workspace) {
        super("Matey found drift in target(s) " + reports.stream().map(TargetReport::target)
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
