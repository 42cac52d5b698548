package io.matey.live;

import io.matey.engine.Engine;
import io.matey.engine.LockWait;
import io.matey.engine.MigrationTable;
import io.matey.error.MateyException;
import io.matey.error.Reason;
import io.matey.migration.Migration;
import io.matey.schema.SchemaDiff;
import io.matey.schema.SchemaDump;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code db adopt}: bring a database under its history without running anything: one that predates Matey (no
 * {@code schema_migrations} rows), or one whose schema already went ahead of its recorded versions (an
 * out-of-band change since captured in a migration). The live schema must equal a committed state: the highest
 * index K at or after the recorded prefix whose checkpoint (or {@code schema.sql} at head) equals it is adopted,
 * and the versions up to K are recorded as dbmate would have. Nothing is trusted: with no equal checkpoint,
 * adoption is refused naming the closest one and its diff; so is one whose rows a change is failing to convert
 * ({@link FailingMutations}), whose schema is no proof that a migration ran.
 */
final class LiveAdopt {

    private static final String CONTEXT = "db adopt";

    private LiveAdopt() {
    }

    static LiveAdoption run(LiveTarget target, boolean apply, LockWait locks) {
        target.requireClean(CONTEXT).requireRunnable(CONTEXT).requireMigrations(CONTEXT);
        Engine engine = target.engine();
        Connection connection = LiveConnector.connect(target, CONTEXT);
        try (connection) {
            if (!apply) {
                return adopt(target, connection, false);
            }
            try (Engine.MigrationLock lock = locks.acquire(engine, connection)) {
                return adopt(target, connection, true);
            }
        } catch (SQLException e) {
            throw target.failure(CONTEXT, connection, e);
        }
    }

    /** The {@code db adopt} dry run of this target's database, for messages that point at it (URL masked). */
    static String command(LiveTarget target) {
        return target.command("db adopt");
    }

    private static LiveAdoption adopt(LiveTarget target, Connection connection, boolean apply) throws SQLException {
        MigrationTable table = target.engine().migrationTable();
        LivePrefix recorded = target.prefix(target.appliedVersions(connection));
        recorded.requireConsistent(target.opening(CONTEXT));
        String live = target.engine().dumpSchema(connection);
        List<String> states = new ArrayList<>();
        for (int index = recorded.index(); index <= target.head(); index++) {
            states.add(target.expectedAt(index, connection));
        }
        List<Integer> matching = new ArrayList<>();
        for (int index = target.head(); index >= recorded.index(); index--) {
            if (SchemaDump.sameSchema(live, states.get(index - recorded.index()))) {
                matching.add(index);
            }
        }
        if (matching.isEmpty()) {
            throw refusal(target, live, recorded.index(), states);
        }
        int index = matching.get(0);
        List<String> versions = target.migrations().subList(recorded.index(), index).stream().map(Migration::version)
                .toList();
        Optional<String> failing = versions.isEmpty() ? Optional.empty() : FailingMutations.advice(target, connection);
        if (failing.isPresent()) {
            throw new FailingMutationRefusal(target.opening(CONTEXT) + " refused: the schema of "
                    + target.endpoint() + " equals the committed state at index " + index + " ("
                    + target.expectedSource(index) + "), but nothing was recorded. " + failing.get() + ".");
        }
        if (apply && !versions.isEmpty()) {
            record(connection, target.engine(), versions);
            Postcheck.verify(target, connection, index, CONTEXT, "recorded " + versions.size() + " version(s)");
        }
        return new LiveAdoption(target.name(), target.endpoint(), index, target.head(), target.expectedSource(index),
                versions, matching.subList(1, matching.size()), apply);
    }

    /**
     * All versions in one transaction, so that a failure records none; on an engine without transactions one by
     * one in order, so that adopting again continues after the last one recorded.
     */
    private static void record(Connection connection, Engine engine, List<String> versions) throws SQLException {
        MigrationTable table = engine.migrationTable();
        if (!engine.transactions()) {
            recordEach(connection, table, versions);
            return;
        }
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            recordEach(connection, table, versions);
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    private static void recordEach(Connection connection, MigrationTable table, List<String> versions)
            throws SQLException {
        table.ensure(connection);
        for (String version : versions) {
            table.record(connection, version);
        }
    }

    /** @param states the committed states from index {@code from} to the head, as they read in the database */
    private static MateyException refusal(LiveTarget target, String live, int from, List<String> states) {
        int closest = from + SchemaDiff.closest(live, states);
        int distance = SchemaDiff.distance(live, states.get(closest - from));
        String refused = target.opening(CONTEXT) + " refused: the schema of " + target.endpoint() + " equals no committed "
                + "state of target '" + target.name() + "' (indexes " + from + ".." + target.head() + (from == 0 ? ""
                : "; schema_migrations already records versions 1.." + from + ", so no lower index can be adopted")
                + "). Closest: index " + closest
                + " (" + target.expectedSource(closest) + "), " + distance + " line(s) apart:\n"
                + Postcheck.diff(target.expectedSource(closest), states.get(closest - from), live);
        ForeignHistoryRefusal history = ForeignHistoryRefusal.of(refused, live, states.get(closest - from));
        if (history != null) {
            return history;
        }
        return new MateyException(Reason.ADOPTION_REFUSED, refused
                + InexactRollbackHint.after(target, from).map(hint -> hint + ". Nothing was recorded.")
                        .orElse("Change the database (or the migrations) until they agree, then adopt again; nothing "
                                + "was recorded."));
    }
}
