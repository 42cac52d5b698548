package io.matey.spring.boot.autoconfigure;

import java.util.List;
import java.util.stream.Collectors;

/** Flyway or Liquibase would migrate a database a Matey target checks ({@link OtherMigrationTools}). */
class MateyMigrationToolException extends RuntimeException {

    private final OtherMigrationTools.Tool tool;
    private final List<ManagedTarget> targets;

    MateyMigrationToolException(OtherMigrationTools.Tool tool, List<ManagedTarget> targets) {
        super(tool.name() + " is enabled and would migrate the database that Matey " + named(targets) + ". Matey "
                + "migrates and checks it during start-up; " + tool.harm() + ".");
        this.tool = tool;
        this.targets = List.copyOf(targets);
    }

    OtherMigrationTools.Tool getTool() {
        return tool;
    }

    List<ManagedTarget> getTargets() {
        return targets;
    }

    /** {@code target '.' checks (the application's DataSource (...))}. */
    private static String named(List<ManagedTarget> targets) {
        return targets.stream().map(t -> "target '" + t.name() + "' checks (through " + t.source() + ")")
                .collect(Collectors.joining(", and the database that Matey "));
    }
}
