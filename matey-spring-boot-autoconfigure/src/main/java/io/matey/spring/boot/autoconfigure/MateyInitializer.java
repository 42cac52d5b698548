package io.matey.spring.boot.autoconfigure;

import io.matey.error.MateyException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.InitializingBean;

/**
 * Does Matey's start-up work for every managed target while the context refreshes: by default (per
 * {@code matey.*}) adopt a database without history, migrate, verify; or whatever a
 * {@link MateyMigrationStrategy} bean does instead. A database initializer: JPA, {@code JdbcTemplate} users and
 * script initializers wait for it (see {@link MateyInitializerDatabaseInitializerDetector}). Drift and stale
 * artifacts stop the start-up unless {@code matey.on-drift=warn}; a database that cannot be read or migrated
 * always does. A database a newer release migrated (ahead by later versions only: a rolling deploy's older
 * instance) starts with one warning unless {@code matey.on-ahead=fail}.
 */
public class MateyInitializer implements InitializingBean, BeanFactoryAware {

    private static final Log logger = LogFactory.getLog(MateyInitializer.class);

    private final MateyTargets targets;
    private final MateyChecker checker;
    private final MateyProperties properties;
    private final MateyMigrationStrategy strategy;
    private final String endpointPath;
    private BeanFactory beanFactory;

    public MateyInitializer(MateyTargets targets, MateyChecker checker, MateyProperties properties) {
        this(targets, checker, properties, null);
    }

    /** @param strategy replaces the property-driven work when not null */
    public MateyInitializer(MateyTargets targets, MateyChecker checker, MateyProperties properties,
            MateyMigrationStrategy strategy) {
        this(targets, checker, properties, strategy, null);
    }

    /**
     * @param strategy     replaces the property-driven work when not null
     * @param endpointPath the web path of the matey endpoint ({@code /actuator/matey}), where a drift log line
     *                     points; null when the endpoint is not exposed, and the line gives the command instead
     */
    public MateyInitializer(MateyTargets targets, MateyChecker checker, MateyProperties properties,
            MateyMigrationStrategy strategy, String endpointPath) {
        this.targets = targets;
        this.checker = checker;
        this.properties = properties;
        this.strategy = strategy;
        this.endpointPath = endpointPath;
    }

    /** Where pending migrations are kept for a failure later in the start-up ({@link StartUpFindings}). */
    @Override
    public void setBeanFactory(BeanFactory beanFactory) {
        this.beanFactory = beanFactory;
    }

    @Override
    public void afterPropertiesSet() {
        if (strategy == null && !properties.isMigrateOnStartup() && !properties.isVerifyOnStartup()
                && !properties.isAdoptOnStartup()) {
            logger.info("Matey start-up check is off (matey.verify-on-startup=false)");
            return;
        }
        List<TargetReport> stale = new ArrayList<>();
        List<TargetReport> drifted = new ArrayList<>();
        for (ManagedTarget target : targets.all()) {
            long started = System.nanoTime();
            TargetReport report = startUp(target);
            if (report == null) {
                continue;
            }
            log(report, (System.nanoTime() - started) / 1_000_000);
            if (report.pendingCount() > 0 && !report.failed() && beanFactory != null) {
                StartUpFindings.pending(beanFactory, report);
            }
            if (report.stale()) {
                stale.add(report);
            } else if (report.drifted() && !newerRelease(report)) {
                drifted.add(report);
            }
        }
        if (properties.getOnDrift() == MateyProperties.OnDrift.FAIL) {
            if (!stale.isEmpty()) {
                throw new MateyStaleArtifactsException(stale, properties.getWorkspace());
            }
            if (!drifted.isEmpty()) {
                Map<String, String> testUrlEnvs = new HashMap<>();
                for (ManagedTarget target : targets.all()) {
                    testUrlEnvs.put(target.name(), target.config().testUrlEnv());
                }
                throw new MateyDriftException(drifted, testUrlEnvs, properties.getWorkspace(), endpointPath);
            }
        }
    }

    /** A database ahead by later versions only, which {@code matey.on-ahead=warn} starts over. */
    private boolean newerRelease(TargetReport report) {
        return report.aheadByLaterVersions() && properties.getOnAhead() == MateyProperties.OnAhead.WARN;
    }

    private TargetReport startUp(ManagedTarget target) {
        try {
            return strategy != null ? strategy.migrate(target, checker) : byProperties(target);
        } catch (MateyException e) {
            throw new MateyTargetFailedException(TargetReport.failed(target, e.reason(), e.getMessage(), Instant.now()),
                    target.source(), e);
        }
    }

    private TargetReport byProperties(ManagedTarget target) {
        if (properties.isAdoptOnStartup()) {
            checker.adopt(target);
        }
        if (properties.isMigrateOnStartup()) {
            return checker.migrate(target);
        }
        return checker.verify(target);
    }

    private void log(TargetReport report, long millis) {
        String subject = "Matey target '" + report.target() + "' (" + report.connection() + ")";
        if (report.stale()) {
            logger.warn(subject + ": committed artifacts are stale: " + report.diagnostics().stream().map(TargetReport.StaleReason::toString).collect(Collectors.joining("; "))
                    + "; regenerate them with " + commands().command("schema apply --path " + report.target())
                    + where());
        } else if (newerRelease(report)) {
            logger.warn(subject + " records " + report.aheadVersions().size() + " later version(s) a newer release "
                    + "applied after all " + report.head() + " of this application's migrations: "
                    + String.join(", ", report.aheadVersions()) + ". Starting without migrating it or verifying its "
                    + "schema, which is that release's (matey.on-ahead=warn; health reports it UP, status ahead)");
        } else if (report.ahead()) {
            logger.warn(FailureText.ahead(report).replaceFirst("^Target ", "Matey target ") + " "
                    + FailureText.aheadAction(report, commands()) + where());
        } else if (report.problem() != null) {
            logger.warn(subject + " is " + report.drift() + " at index " + report.applied() + ": " + report.problem()
                    + ". " + report.fix() + ".");
        } else if (report.drifted()) {
            logger.warn(subject + " has drifted from the committed schema at index " + report.applied()
                    + (report.pendingCount() > 0 ? ", " + report.pendingCount() + " migration(s) pending and not run over "
                    + "it: " + String.join(", ", report.pending()) : "") + diffPointer(report) + "\n" + report.diff());
        } else if (report.pendingCount() > 0) {
            logger.warn(subject + ": clean at index " + report.applied() + " of " + report.head() + ", "
                    + report.pendingCount() + " migration(s) pending: " + String.join(", ", report.pending())
                    + " (" + millis + " ms); " + (strategy != null ? "the application's MateyMigrationStrategy "
                    + "decides whether they run at start-up (matey.migrate-on-startup does not), or run "
                    : "set matey.migrate-on-startup=true or run ")
                    + commands().command("db up " + commands().targetArguments(report)) + where());
        } else if (!report.failed()) {
            logger.info(subject + ": clean at head, index " + report.head() + " (" + millis + " ms)");
        }
    }

    /**
     * Where to see the diff: nowhere when the start-up is about to fail (its failure analysis shows it), else the
     * endpoint's page of the target when exposed (the root target is {@code ~}), else the command.
     */
    private String diffPointer(TargetReport report) {
        if (properties.getOnDrift() == MateyProperties.OnDrift.FAIL) {
            return "; the start-up fails (matey.on-drift=fail)";
        }
        return (endpointPath != null ? "; the diff is at " : "; see the diff with ")
                + MateyEndpointPath.diffOf(report, endpointPath, properties.getWorkspace());
    }

    private WorkspaceCommands commands() {
        return WorkspaceCommands.of(properties.getWorkspace());
    }

    private String where() {
        String where = commands().where();
        return where.isEmpty() ? "" : ". " + where;
    }
}
