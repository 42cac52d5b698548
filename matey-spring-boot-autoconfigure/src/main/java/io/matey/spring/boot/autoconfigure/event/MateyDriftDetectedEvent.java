package io.matey.spring.boot.autoconfigure.event;

import io.matey.spring.boot.autoconfigure.TargetReport;

/**
 * A check found a managed database without the committed schema at its applied index ({@link TargetReport#drifted()}):
 * drifted (the report has the diff), diverged, never adopted, or ahead. Ahead includes a database a newer release
 * migrated further ({@link TargetReport#aheadByLaterVersions()}), which {@code matey.on-ahead=warn} starts over and
 * health reports UP: a listener that alerts on drift checks that first.
 */
public class MateyDriftDetectedEvent extends MateyReportEvent {

    public MateyDriftDetectedEvent(Object source, TargetReport report) {
        super(source, report);
    }
}
