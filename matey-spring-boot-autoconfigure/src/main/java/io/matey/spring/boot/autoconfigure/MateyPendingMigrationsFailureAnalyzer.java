package io.matey.spring.boot.autoconfigure;

import io.matey.error.MateyException;
import java.util.List;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;

/**
 * A start-up that fails after Matey's verify-only check found migrations pending (JPA's {@code ddl-auto=validate}
 * missing the tables they create, a repository's first query): the pending migrations are the likely cause, and the
 * WARN that named them is far above the stack trace. Says nothing when no migration was pending, nor for Matey's own
 * errors, which its other analyzers explain; ordered first, since Boot's analyzers would explain the symptom only.
 */
class MateyPendingMigrationsFailureAnalyzer implements FailureAnalyzer, Ordered {

    private final BeanFactory beanFactory;
    private final Environment environment;

    /** @param beanFactory the failed context's, under which {@link StartUpFindings} kept its start-up's reports */
    MateyPendingMigrationsFailureAnalyzer(BeanFactory beanFactory, Environment environment) {
        this.beanFactory = beanFactory;
        this.environment = environment;
    }

    @Override
    public FailureAnalysis analyze(Throwable failure) {
        List<TargetReport> pending = StartUpFindings.pending(beanFactory);
        if (pending.isEmpty() || mateys(failure)) {
            return null;
        }
        WorkspaceCommands commands = WorkspaceCommands.of(environment.getProperty("matey.workspace",
                new MateyProperties().getWorkspace()));
        StringBuilder description = new StringBuilder();
        StringBuilder runs = new StringBuilder();
        for (TargetReport report : pending) {
            description.append(description.isEmpty() ? "" : "; ").append("Matey found ").append(report.pendingCount())
                    .append(" pending migration(s) for target ").append(FailureText.subject(report))
                    .append(" (applied index ").append(report.applied()).append(" of ").append(report.head()).append(")");
            runs.append(runs.isEmpty() ? "" : ", ").append('`')
                    .append(commands.command("db up " + commands.targetArguments(report))).append('`');
        }
        Throwable cause = NestedExceptionUtils.getMostSpecificCause(failure);
        description.append("; start-up failed after that: ")
                .append(cause.getMessage() != null ? cause.getMessage() : cause.getClass().getName());
        String where = commands.where().isEmpty() ? "" : " " + commands.where();
        return new FailureAnalysis(description.toString(), "Apply the pending migrations: set "
                + "matey.migrate-on-startup=true to apply them during start-up, or run " + runs + " before starting "
                + "the application." + where, failure);
    }

    private static boolean mateys(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof MateyException) {
                return true;
            }
        }
        return false;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
