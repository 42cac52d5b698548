package io.matey.spring.boot.autoconfigure;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;

/** The latest report of every checked target, by target path; health and metrics read it without a database. */
public class MateyReports {

    private final Map<String, TargetReport> latest = new ConcurrentSkipListMap<>();

    /** @return the report it replaces, or null for the target's first */
    public TargetReport record(TargetReport report) {
        return latest.put(report.target(), report);
    }

    public List<TargetReport> all() {
        return List.copyOf(latest.values());
    }

    public Optional<TargetReport> find(String target) {
        return Optional.ofNullable(latest.get(target));
    }
}
