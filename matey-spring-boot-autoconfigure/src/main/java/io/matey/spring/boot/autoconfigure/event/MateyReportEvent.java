package io.matey.spring.boot.autoconfigure.event;

import io.matey.spring.boot.autoconfigure.TargetReport;
import org.springframework.context.ApplicationEvent;

/** An event about one managed target's report. */
public abstract class MateyReportEvent extends ApplicationEvent {

    private final TargetReport report;

    protected MateyReportEvent(Object source, TargetReport report) {
        super(source);
        this.report = report;
    }

    public TargetReport getReport() {
        return report;
    }
}
