package io.matey.engine;

import io.matey.migration.Migration;
import io.matey.migration.MigrationScript;
import io.matey.migration.Section;
import io.matey.migration.SqlStatement;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Runs migration sections with dbmate's semantics: a section and its version row in one transaction unless
 * the directive says {@code transaction:false}. Statements run one at a time so a failure names its line.
 */
public final class MigrationRunner {

    private final Engine engine;
    private final Connection connection;

    public MigrationRunner(Engine engine, Connection connection) {
        this.engine = engine;
        this.connection = connection;
    }

    /** Applies the up section and records the version; returns how long it took. */
    public Duration up(Migration migration) throws SQLException {
        MigrationScript script = migration.script().requireValid();
        return run(migration, script.up(), () -> engine.migrationTable().record(connection, migration.version()));
    }

    /** Applies the down section and removes the version row; returns how long it took. */
    public Duration down(Migration migration) throws SQLException {
        MigrationScript script = migration.script().requireValid();
        return run(migration, script.down(), () -> engine.migrationTable().remove(connection, migration.version()));
    }

    private interface VersionChange {
        void apply() throws SQLException;
    }

    private Duration run(Migration migration, Section section, VersionChange versionChange) throws SQLException {
        long started = System.nanoTime();
        List<SqlStatement> statements = section.statements(engine.dialect());
        boolean previousAutoCommit = connection.getAutoCommit();
        boolean transactional = section.transaction();
        connection.setAutoCommit(!transactional);
        List<SqlStatement> executed = new ArrayList<>();
        try {
            for (SqlStatement statement : statements) {
                execute(migration, section, statement, executed);
                executed.add(statement);
            }
            versionChange.apply();
            if (transactional) {
                connection.commit();
            }
        } catch (SQLException | RuntimeException e) {
            if (transactional) {
                rollbackQuietly(e);
            }
            throw e;
        } finally {
            connection.setAutoCommit(previousAutoCommit);
        }
        return Duration.ofNanos(System.nanoTime() - started);
    }

    private void execute(Migration migration, Section section, SqlStatement statement, List<SqlStatement> executed) {
        try (Statement st = connection.createStatement()) {
            st.execute(statement.sql());
        } catch (SQLException e) {
            throw new MigrationFailedException(migration.file(), section.kind(), statement.line(),
                    migration.file() + ":" + statement.line() + ": " + section.kind() + " section failed: "
                            + MateyUrl.mask(e.getMessage()) + " Statement: '" + statement.summary() + "'. "
                            + aftermath(section, executed),
                    e);
        }
    }

    private String aftermath(Section section, List<SqlStatement> executed) {
        if (section.transaction() && engine.transactionalDdl()) {
            return "The section was rolled back and its version is not recorded; fix the file and run again.";
        }
        if (executed.isEmpty()) {
            return "No earlier statement of this section had run; its version is not recorded.";
        }
        String lines = executed.stream().map(s -> String.valueOf(s.line())).collect(Collectors.joining(", "));
        return "Statements at line(s) " + lines + " already ran and stay applied (" + engine.id()
                + " commits DDL implicitly); its version is not recorded. Undo them or make the migration "
                + "idempotent before running again.";
    }

    private void rollbackQuietly(Exception failure) {
        try {
            connection.rollback();
        } catch (SQLException rollbackFailure) {
            failure.addSuppressed(rollbackFailure);
        }
    }
}
