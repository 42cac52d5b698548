package io.matey.spring.boot.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Says how to let one tool migrate each database when Flyway or Liquibase shares one with Matey. */
class MateyMigrationToolFailureAnalyzer extends AbstractFailureAnalyzer<MateyMigrationToolException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, MateyMigrationToolException cause) {
        OtherMigrationTools.Tool tool = cause.getTool();
        String target = cause.getTargets().get(0).name();
        return new FailureAnalysis(cause.getMessage(), "Let one tool migrate each database: set " + tool.prefix()
                + ".enabled=false when Matey runs its migrations (moving from " + tool.name() + ": see \"Moving from "
                + "Flyway or Liquibase\" in Matey's README), or point Matey at another database (matey.targets.["
                + target + "].data-source or .url, or a @MateyDataSource bean), or " + tool.name() + " ("
                + tool.prefix() + ".url, or a @" + tool.name() + "DataSource bean). " + FailureText.DISABLE, cause);
    }
}
