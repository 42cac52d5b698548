package io.matey.spring.boot.autoconfigure.event;

import io.matey.spring.boot.autoconfigure.TargetReport;

/** A check found a managed database drifted from the committed schema at its applied index; the report has the diff. */
public class MateyDriftDetectedEvent extends MateyReportEvent {

    public MateyDriftDetectedEvent(Object source, TargetReport report) {
        super(source, report);
    }
}
