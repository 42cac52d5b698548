package io.matey.spring.boot.autoconfigure.event;

import io.matey.spring.boot.autoconfigure.TargetReport;

/**
 * A managed target was checked (at start-up, by a re-check or a read of the endpoint): its report, clean or not.
 * Published while the context starts too: receive it with an {@code ApplicationListener} bean (an
 * {@code @EventListener} method sees only the events after start-up).
 */
public class MateyCheckFinishedEvent extends MateyReportEvent {

    public MateyCheckFinishedEvent(Object source, TargetReport report) {
        super(source, report);
    }
}
