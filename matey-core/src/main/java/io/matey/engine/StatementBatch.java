package io.matey.engine;

import io.matey.migration.SqlStatement;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Consecutive row-writing statements of a section that runs in one transaction, sent as one JDBC batch where the
 * engine's driver pipelines it ({@link Engine#batchesStatements}): a bulk data migration then waits for one round
 * trip a batch instead of one a statement (docs/architecture.md §7). The batch runs inside a savepoint; when it
 * fails, {@link MigrationRunner} rolls back to it and runs the same statements one at a time, so a failure names
 * its statement, line and the database's words exactly as an unbatched run does (a driver's batch failure names
 * its entry only in its message's text, and MariaDB's runs the entries after it).
 */
final class StatementBatch {

    /** Enough to make the round trips rare; few enough that a batch's texts and answers stay small. */
    static final int MAX_STATEMENTS = 1000;
    private static final int MAX_CHARS = 1 << 20;
    private static final String SAVEPOINT = "matey_batch";
    private static final String[] ROW_WRITES = {"INSERT", "UPDATE", "DELETE"};

    private StatementBatch() {
    }

    /**
     * The end (exclusive) of the batch starting at {@code from}: the statements from there that write rows and
     * return none, within the batch's bounds; {@code from} itself when it is not one of them. A statement the driver
     * would run only part of ({@link Engine#unrunStatementAt}) ends the batch: it is refused when its turn comes.
     */
    static int end(Engine engine, List<SqlStatement> statements, int from) {
        int chars = 0;
        int end = from;
        while (end < statements.size() && end - from < MAX_STATEMENTS && chars < MAX_CHARS
                && plain(statements.get(end)) && engine.unrunStatementAt(statements.get(end)) < 0) {
            chars += statements.get(end).sql().length();
            end++;
        }
        return end;
    }

    /**
     * An {@code INSERT}, {@code UPDATE} or {@code DELETE} without {@code RETURNING} (a word searched anywhere in the
     * text, so a string holding it only costs the batch): it returns no rows, which a batch may not, creates no role
     * that a replay marks after it, and refuses no transaction block.
     */
    static boolean plain(SqlStatement statement) {
        String code = statement.code();
        boolean writesRows = false;
        for (String word : ROW_WRITES) {
            writesRows |= code.regionMatches(true, 0, word, 0, word.length()) && code.length() > word.length()
                    && !Character.isJavaIdentifierPart(code.charAt(word.length()));
        }
        return writesRows && !containsIgnoringCase(code, "returning");
    }

    private static boolean containsIgnoringCase(String text, String word) {
        for (int i = 0; i + word.length() <= text.length(); i++) {
            if (text.regionMatches(true, i, word, 0, word.length())) {
                return true;
            }
        }
        return false;
    }

    /** Sends {@code batch} in one JDBC batch within a savepoint; returns the update count of its last statement. */
    static int run(Connection connection, List<SqlStatement> batch) throws SQLException {
        try (Statement st = connection.createStatement()) {
            st.addBatch("SAVEPOINT " + SAVEPOINT);
            for (SqlStatement statement : batch) {
                st.addBatch(statement.sql());
            }
            st.addBatch("RELEASE SAVEPOINT " + SAVEPOINT);
            int[] counts = RunningStatements.executeBatch(st);
            return counts[counts.length - 2];
        }
    }

    /** After a failed batch: undoes what it did, so that its statements can run again one at a time. */
    static void rollBack(Connection connection) throws SQLException {
        try (Statement st = connection.createStatement()) {
            st.execute("ROLLBACK TO SAVEPOINT " + SAVEPOINT);
            st.execute("RELEASE SAVEPOINT " + SAVEPOINT);
        }
    }
}
