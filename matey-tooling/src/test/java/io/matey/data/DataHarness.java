package io.matey.data;

import io.matey.Matey;
import io.matey.MateyTools;
import io.matey.testing.TestDatabase;
import io.matey.testing.TestWorkspace;
import io.matey.workspace.TargetConfig;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link TestWorkspace} target with one migration, and live databases at its head on a real engine, driven
 * through the {@link Matey} façade as the shell drives it.
 */
final class DataHarness implements AutoCloseable {

    final TestWorkspace ws;
    final TestDatabase db;
    private final List<TestDatabase> others = new ArrayList<>();

    private DataHarness(TestWorkspace ws, TestDatabase db) {
        this.ws = ws;
        this.db = db;
    }

    /** A workspace in {@code dir} whose single migration runs {@code up}, and a live database migrated to it. */
    static DataHarness atHead(Path dir, String engine, String up) {
        TestWorkspace ws = new TestWorkspace(dir, engine);
        ws.migration("001_data.sql", up, "");
        ws.apply();
        DataHarness harness = new DataHarness(ws, TestDatabase.unborn(engine));
        harness.up(harness.db);
        return harness;
    }

    /** Another live database at head, for round trips. */
    TestDatabase freshAtHead() {
        TestDatabase other = TestDatabase.unborn(ws.engine());
        others.add(other);
        up(other);
        return other;
    }

    private void up(TestDatabase database) {
        ws.matey().dbUp(target(), database.url().raw(), line -> { });
    }

    TargetConfig target() {
        return ws.matey().target(TestWorkspace.TARGET);
    }

    void manifest(String toml) {
        ws.write(TestWorkspace.TARGET + "/data/data.toml", toml);
    }

    /** Writes {@code data/<name>.jsonl} with one line per argument. */
    void file(String name, String... lines) {
        ws.write(TestWorkspace.TARGET + "/data/" + name + ".jsonl", lines.length == 0 ? "" : String.join("\n", lines) + "\n");
    }

    String file(String name) {
        return ws.read(TestWorkspace.TARGET + "/data/" + name + ".jsonl");
    }

    DataExportResult export(String set) {
        return export(db, set);
    }

    DataExportResult export(TestDatabase database, String set) {
        Matey matey = ws.matey();
        return new MateyTools(matey).dataExport(matey.target(TestWorkspace.TARGET), database.url().raw(), set);
    }

    DataApplyResult apply(String set) {
        return apply(db, set);
    }

    DataApplyResult apply(TestDatabase database, String set) {
        return apply(database.url().raw(), set);
    }

    /** Applies through {@code url}, a Matey URL of the live database (with its own query options). */
    DataApplyResult apply(String url, String set) {
        Matey matey = ws.matey();
        return new MateyTools(matey).dataApply(matey.target(TestWorkspace.TARGET), url, set);
    }

    /** Every row of a query, each as a list of its values' text. */
    List<List<String>> rows(String sql) throws SQLException {
        return rows(db, sql);
    }

    /** Every row of a query on {@code database}, each as a list of its values' text. */
    static List<List<String>> rows(TestDatabase database, String sql) throws SQLException {
        List<List<String>> rows = new ArrayList<>();
        try (Connection c = database.connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    row.add(rs.getString(i));
                }
                rows.add(row);
            }
        }
        return rows;
    }

    @Override
    public void close() throws SQLException {
        for (TestDatabase other : others) {
            other.close();
        }
        db.close();
    }
}
