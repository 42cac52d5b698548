package io.matey.spring.boot.autoconfigure;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Start-up found databases whose schema differs from the committed state at their applied index. */
public class MateyDriftException extends RuntimeException {

    private final List<TargetReport> reports;
    private final Map<String, String> testUrlEnvs;
    private final String workspace;
    private final String endpointPath;

    /**
     * @param testUrlEnvs  each target's {@code test_url_env}, by target path: the variable naming the test server
     *                     that keeping the drift replays on
     * @param workspace    {@code matey.workspace}, which the suggested commands name
     * @param endpointPath the web path of the matey endpoint, which reports the drift once started; null when it is
     *                     not exposed
     */
    public MateyDriftException(List<TargetReport> reports, Map<String, String> testUrlEnvs, String workspace,
            String endpointPath) {
        super("Matey found drift in target(s) " + reports.stream().map(TargetReport::target)
                .collect(Collectors.joining(", ")));
        this.reports = List.copyOf(reports);
        this.testUrlEnvs = Map.copyOf(testUrlEnvs);
        this.workspace = workspace;
        this.endpointPath = endpointPath;
    }

    public List<TargetReport> getReports() {
        return reports;
    }

    /** The target's {@code test_url_env}. */
    public String getTestUrlEnv(String target) {
        return testUrlEnvs.get(target);
    }

    public String getWorkspace() {
        return workspace;
    }

    public String getEndpointPath() {
        return endpointPath;
    }
}
