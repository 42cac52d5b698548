package io.matey.spring.boot.autoconfigure.actuate;

import io.matey.spring.boot.autoconfigure.ManagedTarget;
import io.matey.spring.boot.autoconfigure.MateyReports;
import io.matey.spring.boot.autoconfigure.MateyTargets;
import io.matey.spring.boot.autoconfigure.TargetReport;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.function.ToDoubleFunction;

/**
 * Gauges per managed target, from its latest check: {@code matey.migrations.pending} (how many) and
 * {@code matey.drift} (1 drifted, 0 clean). NaN while a target has not been checked or could not be.
 */
public class MateyMetrics implements MeterBinder {

    private final MateyTargets targets;
    private final MateyReports reports;

    public MateyMetrics(MateyTargets targets, MateyReports reports) {
        this.targets = targets;
        this.reports = reports;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (ManagedTarget target : targets.all()) {
            gauge(registry, "matey.migrations.pending", "Worktree migrations not applied to the database", target,
                    r -> r.pending() == null ? Double.NaN : r.pendingCount());
            gauge(registry, "matey.drift", "1 when the database differs from the committed schema, else 0", target,
                    r -> TargetReport.UNCHECKED.equals(r.drift()) ? Double.NaN : r.drifted() ? 1 : 0);
        }
    }

    private void gauge(MeterRegistry registry, String name, String description, ManagedTarget target,
            ToDoubleFunction<TargetReport> value) {
        Gauge.builder(name, reports, r -> r.find(target.name()).map(value::applyAsDouble).orElse(Double.NaN))
                .description(description).tag("target", target.name()).register(registry);
    }
}
