package io.matey.live;

import io.matey.engine.Engine;
import io.matey.engine.MateyUrl;
import io.matey.engine.ServerRole;
import io.matey.error.MateyException;
import io.matey.error.Reason;
import io.matey.migration.SqlStatement;
import io.matey.replay.ScratchDatabase;
import io.matey.schema.SchemaDump;
import io.matey.workspace.TargetConfig;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Where an interrupted section continues (docs/architecture.md §7): the number of its statements the live schema
 * proves to be in effect. The marker says N statements took effect and statement N+1 may have; a scratch database
 * loaded with the state before the section runs the first N and then N+1 statements, and the live schema must equal
 * one of those states (or the state before the section, after a manual undo). Statements that change no schema are
 * exact already: their progress commits with them. After a statement the server failed without effect
 * ({@link Interruption#failedWithoutEffect}) N+1 is no candidate: only the state after N is rebuilt, which still proves
 * the count against a file edited before the failed statement.
 */
final class ResumePoint {

    /**
     * Where the partial states are rebuilt: the target's test server (or the engine's scratch place), and how long
     * its roles lock is waited for.
     */
    record Scratch(TargetConfig target, MateyUrl base, Duration lockTimeout) {
    }

    private ResumePoint() {
    }

    private static void execute(Connection connection, SqlStatement statement) throws SQLException {
        try (Statement st = connection.createStatement()) {
            st.execute(statement.sql());
        }
    }

    /** Whether the server {@code connection} reaches has every account {@code statement} creates. */
    private static boolean createdAccountsExist(Engine engine, Connection connection, SqlStatement statement)
            throws SQLException {
        for (ServerRole role : engine.serverRoles().createdBy(statement)) {
            if (!engine.serverRoles().has(connection, role)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether {@code statement}, counted as in effect, creates an account the live server lacks: a statement creating
     * accounts is counted before it runs (it commits itself and no dump shows accounts, {@code MigrationRunner}), so
     * a kill may have counted one that never ran. False when the server cannot be asked: the count stands.
     */
    private static boolean countedButNotRun(Engine engine, Connection live, SqlStatement statement) {
        try {
            return !createdAccountsExist(engine, live, statement);
        } catch (SQLException e) {
            return false;
        }
    }

    /**
     * The count of statements in effect; fails, with the diff, when the live schema matches no candidate state.
     * {@code live} is the live database's connection, asked for the accounts a statement creates.
     */
    static int find(LiveTarget target, Connection live, Interruption interruption, Scratch place, String command) {
        MateyUrl scratchBase = place.base();
        Engine engine = target.engine();
        Map<Integer, String> states = new LinkedHashMap<>();
        int done = Math.min(interruption.done(), interruption.statements().size());
        try (ScratchDatabase scratch = ScratchDatabase.lease(engine, scratchBase, place.target(), "resume", false, null,
                interruption.statements().stream().map(SqlStatement::sql).collect(Collectors.joining("\n")),
                target.state().lock().map(lock -> lock.rolesThrough(interruption.index())).orElse(Map.of()),
                place.lockTimeout());
                Connection connection = scratch.connect()) {
            engine.loadAtomically(connection, interruption.expectedSql());
            states.put(0, SchemaDump.dump(engine, connection));
            for (int i = 0; i < done; i++) {
                SqlStatement statement = interruption.statements().get(i);
                try {
                    execute(connection, statement);
                } catch (SQLException e) {
                    if (!engine.serverRoles().createdBy(statement).isEmpty()
                            && createdAccountsExist(engine, connection, statement)) {
                        continue; // the scratch server is the live one, whose run created them; no dump shows them
                    }
                    throw new MateyException(target.opening(command, "--resume") + " cannot rebuild the partial state: statement "
                            + (i + 1) + " (line " + statement.line() + ") fails on the state before the migration: "
                            + engine.maskedFailure(e), e);
                }
            }
            states.put(done, SchemaDump.dump(engine, connection));
            if (done < interruption.statements().size() && !interruption.failedWithoutEffect()) {
                try {
                    execute(connection, interruption.statements().get(done));
                    states.put(done + 1, SchemaDump.dump(engine, connection));
                } catch (SQLException e) {
                    // statement N+1 cannot run on the state after N, so it cannot have taken effect live either
                }
            }
        } catch (SQLException e) {
            throw new MateyException(Reason.DATABASE_ERROR, target.opening(command, "--resume") + " failed on the scratch server " + scratchBase + ": "
                    + engine.maskedFailure(e), e);
        }
        String liveSql = interruption.liveSql();
        String afterNext = states.get(done + 1);
        if (afterNext != null && !SchemaDump.sameSchema(afterNext, states.get(done))
                && SchemaDump.sameSchema(liveSql, afterNext)) {
            return done + 1;
        }
        if (SchemaDump.sameSchema(liveSql, states.get(done))) {
            return done > 0 && countedButNotRun(engine, live, interruption.statements().get(done - 1))
                    ? done - 1 : done;
        }
        if (SchemaDump.sameSchema(liveSql, states.get(0))) {
            return 0;
        }
        throw new MateyException(Reason.MIGRATION_INTERRUPTED, target.opening(command, "--resume") + " refused: the live schema is neither the state after statement "
                + done + (interruption.failedWithoutEffect() ? " (statement " + (done + 1) + " failed without effect)"
                        : " nor after statement " + (done + 1)) + " of " + interruption.migration().file()
                + " nor the state before it, so where to continue cannot be proven. Undo the partial changes by hand "
                + "until the schema is the state before the migration, then run `" + interruption.resumeCommand(target)
                + "` again. The state after statement " + done + " against the live schema:\n"
                + Postcheck.diff("expected/after-statement-" + done + ".sql", states.get(done), liveSql));
    }
}
