package io.matey.spring.boot.autoconfigure.event;

import io.matey.spring.boot.autoconfigure.TargetReport;
import org.springframework.context.ApplicationEvent;

/** A check found a managed database drifted from the committed schema at its applied index; the report has the diff. */
public class MateyDriftDetectedEvent extends ApplicationEvent {

    private final TargetReport report;

    public MateyDriftDetectedEvent(Object source, TargetReport report) {
        super(source);
        this.report = report;
    }

    public TargetReport getReport() {
        return report;
    }
}
