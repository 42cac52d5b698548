package io.matey.replay;

import io.matey.engine.MigrationTable;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The versions {@code schema_migrations} holds in a replay's scratch database, for the migrations block of each
 * checkpoint. The block lists every version so far, so reading the table after every migration makes each step of
 * a long history slower than the one before. Where the engine can tell that only statements naming the table
 * change it ({@link MigrationTable#writtenOnlyWhenNamed}), the versions are read once and then kept here through
 * Matey's own record and remove; a section that may write the table, or a trigger that names it, makes the next
 * dump read it again, so a migration that edits {@code schema_migrations} itself still shows in the block.
 */
final class AppliedVersions {

    /** A migration section and the version row the runner changes after it. */
    interface SectionRun {
        void run() throws SQLException;
    }

    private final MigrationTable table;
    /** Ascending, as the table would be read; null when it must be read. */
    private List<String> known;

    AppliedVersions(MigrationTable table) {
        this.table = table;
    }

    /** The versions in ascending order, read from the table unless they are known. */
    List<String> current(Connection connection) throws SQLException {
        if (known != null) {
            return Collections.unmodifiableList(known);
        }
        List<String> read = table.appliedVersions(connection);
        if (table.writtenOnlyWhenNamed(connection)) {
            known = new ArrayList<>(read);
        }
        return read;
    }

    /**
     * Runs a section after which the runner records ({@code up}) or removes {@code version}. The known versions
     * follow when {@code sql} cannot write the table; otherwise, or when the section fails, they are read next time.
     */
    void run(String sql, boolean up, String version, SectionRun section) throws SQLException {
        List<String> before = known;
        known = null;
        section.run();
        if (before == null || table.mayWrite(sql)) {
            return;
        }
        int at = Collections.binarySearch(before, version);
        if (up != at < 0) {
            return; // the runner's insert or delete found what was not expected: read the table
        }
        if (up) {
            before.add(-at - 1, version);
        } else {
            before.remove(at);
        }
        known = before;
    }

    /** The scratch database was replaced: read the table next time. */
    void forget() {
        known = null;
    }
}
