package io.matey.spring.boot.autoconfigure;

import java.util.List;
import java.util.stream.Collectors;

/** Start-up found databases whose schema differs from the committed state at their applied index. */
public class MateyDriftException extends RuntimeException {

    private final List<TargetReport> reports;
    private final String workspace;
    private final String endpointPath;

    /**
     * @param workspace    {@code matey.workspace}, which the suggested commands name
     * @param endpointPath the web path of the matey endpoint, which reports the drift once started; null when it is
     *                     not exposed
     */
    public MateyDriftException(List<TargetReport> reports, String workspace, String endpointPath) {
        super("Matey found drift in target(s) " + reports.stream().map(TargetReport::target)
                .collect(Collectors.joining(", ")));
        this.reports = List.copyOf(reports);
        this.workspace = workspace;
        this.endpointPath = endpointPath;
    }

    public List<TargetReport> getReports() {
        return reports;
    }

    public String getWorkspace() {
        return workspace;
    }

    public String getEndpointPath() {
        return endpointPath;
    }
}
