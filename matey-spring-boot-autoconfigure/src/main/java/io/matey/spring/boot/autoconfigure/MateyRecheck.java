package io.matey.spring.boot.autoconfigure;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Re-checks every managed target every {@code matey.health.recheck-interval} while the application runs, so
 * that drift made after start-up reaches health, metrics and listeners without anyone reading the endpoint.
 * Each check is bounded by {@code matey.check-timeout}; runs never overlap.
 */
public class MateyRecheck implements SmartLifecycle {

    private static final Log logger = LogFactory.getLog(MateyRecheck.class);

    private final MateyTargets targets;
    private final MateyChecker checker;
    private final Duration interval;
    private ScheduledExecutorService scheduler;

    public MateyRecheck(MateyTargets targets, MateyChecker checker, Duration interval) {
        this.targets = targets;
        this.checker = checker;
        this.interval = interval;
    }

    @Override
    public synchronized void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "matey-recheck");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleWithFixedDelay(this::recheck, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void recheck() {
        for (ManagedTarget target : targets.all()) {
            try {
                checker.report(target, ApplicationWork.RECHECK);
            } catch (RuntimeException e) {
                logger.warn("Matey re-check of target '" + target.name() + "' failed", e);
            }
        }
    }

    @Override
    public synchronized void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return scheduler != null;
    }
}
