package io.matey.engine.clickhouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.matey.Matey;
import io.matey.MateyTools;
import io.matey.data.DataApplyResult;
import io.matey.engine.MateyUrl;
import io.matey.error.MateyException;
import io.matey.testing.TestDatabase;
import io.matey.testing.TestWorkspace;
import io.matey.workspace.TargetConfig;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.assertj.core.api.ThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Data sets on ClickHouse through the façade: every value type survives export → apply into another database →
 * export byte for byte, and upsert/replace keep one row per key on a ReplacingMergeTree and a MergeTree (changed
 * rows rewritten and removed ones deleted by mutations, also under a projection). Live databases are made by
 * {@code db bootstrap}.
 */
class ClickHouseDataRoundTripTest {

    private static final String EVERY_TYPE = """
            CREATE TABLE every_type
            (
                id UInt64, i8 Int8, big UInt256, b Bool, d Decimal(18, 4), f32 Float32, f64 Float64, s String,
                fs FixedString(3), lc LowCardinality(String), n Nullable(String), day Date, ts DateTime('UTC'),
                ts64 DateTime64(3, 'Asia/Tokyo'), u UUID, ip4 IPv4, ip6 IPv6, e Enum8('view' = 1, 'click' = 2),
                tags Array(Nullable(String)), nums Array(UInt32), attrs Map(String, UInt32),
                loc Tuple(lat Float64, lon Float64)
            )
            ENGINE = MergeTree
            ORDER BY id;""";

    private static final String ROWS = """
            INSERT INTO every_type VALUES
            (1, -128, 115792089237316195423570985008687907853269984665640564039457584007913129639935, true, 1234.5,
             0.1, 2.5e-300, 'it''s "q"\\nnext', 'abc', 'signup', NULL, '2024-02-29', '2024-01-02 03:04:05',
             '2024-01-02 03:04:05.678', '6f1c2a9e-3b7d-4c1e-9a2f-0d8e5b4c3a21', '10.1.2.3', '::ffff:10.0.0.1', 'click',
             ['a', NULL], [1, 2], {'clicks': 3, 'views': 10}, (52.5, 13.25)),
            (2, 0, 0, false, -0.0001, 0, 0, '', 'xyz', '', 'note', '1970-01-01', '1970-01-01 00:00:00',
             '1999-12-31 23:59:59.999', '00000000-0000-0000-0000-000000000000', '0.0.0.0', '2001:db8::1', 'view',
             [], [], {}, (0, 0))""";

    @TempDir
    Path dir;

    @Test
    void everyTypeRoundTripsByteForByte() throws Exception {
        TestWorkspace ws = workspace("001_every_type.sql", EVERY_TYPE,
                "{ name = \"every_type\", table = \"every_type\", mode = \"replace\", order_by = [\"id\"] }");
        try (TestDatabase source = bootstrapped(ws); TestDatabase copy = bootstrapped(ws)) {
            source.execute(ROWS);
            Matey matey = ws.matey();
            assertThat(new MateyTools(matey).dataExport(target(ws), source.url().raw(), "all").files()).hasSize(1);
            String exported = ws.read(TestWorkspace.TARGET + "/data/every_type.jsonl");
            assertThat(exported.lines().findFirst()).hasValue("{\"attrs\": {\"clicks\": 3, \"views\": 10}, \"b\": true,"
                    + " \"big\": 115792089237316195423570985008687907853269984665640564039457584007913129639935,"
                    + " \"d\": \"1234.5000\", \"day\": \"2024-02-29\", \"e\": \"click\", \"f32\": 0.1, \"f64\": 2.5e-300,"
                    + " \"fs\": \"abc\", \"i8\": -128, \"id\": 1, \"ip4\": \"10.1.2.3\", \"ip6\": \"::ffff:10.0.0.1\","
                    + " \"lc\": \"signup\", \"loc\": [52.5, 13.25], \"n\": null, \"nums\": [1, 2],"
                    + " \"s\": \"it's \\\"q\\\"\\nnext\", \"tags\": [\"a\", null], \"ts\": \"2024-01-02T03:04:05\","
                    + " \"ts64\": \"2024-01-02T03:04:05.678\", \"u\": \"6f1c2a9e-3b7d-4c1e-9a2f-0d8e5b4c3a21\"}");
            assertThat(exported).contains("\"ip6\": \"2001:db8::1\"", "\"ts64\": \"1999-12-31T23:59:59.999\"");

            DataApplyResult applied = new MateyTools(matey).dataApply(target(ws), copy.url().raw(), "all");
            assertThat(applied.files().get(0).inserted()).isEqualTo(2);
            assertThat(copy.firstColumn("SELECT concat(toString(ts64), ' ', toString(ip6), ' ', toString(loc)) FROM every_type ORDER BY id"))
                    .as("timestamps are read in the column's zone, as written")
                    .containsExactly("2024-01-02 03:04:05.678 ::ffff:10.0.0.1 (52.5,13.25)",
                            "1999-12-31 23:59:59.999 2001:db8::1 (0,0)");
            new MateyTools(matey).dataExport(target(ws), copy.url().raw(), "all");
            assertThat(ws.read(TestWorkspace.TARGET + "/data/every_type.jsonl")).isEqualTo(exported);
            assertThat(new MateyTools(matey).dataExport(target(ws), copy.url().raw(), "all").files().get(0).changed()).isFalse();
        }
    }

    @Test
    void upsertAndReplaceKeepOneRowPerKeyOnReplacingAndPlainMergeTrees() throws Exception {
        TestWorkspace ws = workspace("001_flags.sql", """
                CREATE TABLE flags (key String, enabled Bool, note String, ver UInt32 DEFAULT 1)
                ENGINE = ReplacingMergeTree(ver) ORDER BY key;""",
                "{ name = \"flags\", table = \"flags\", mode = \"upsert\", on = [\"key\"] },"
                        + " { name = \"plans\", table = \"plans\", mode = \"replace\", on = [\"id\"] }");
        ws.migration("002_plans.sql", "CREATE TABLE plans (id UInt32, name String, price Decimal(10, 2), "
                + "PROJECTION by_name (SELECT name, count() GROUP BY name)) ENGINE = MergeTree ORDER BY id;",
                "DROP TABLE plans;");
        ws.apply();
        try (TestDatabase db = bootstrapped(ws)) {
            Matey matey = ws.matey();
            data(ws, "flags", "{\"key\": \"beta\", \"enabled\": true, \"note\": \"first\"}",
                    "{\"key\": \"dark\", \"enabled\": false, \"note\": \"\"}");
            data(ws, "plans", "{\"id\": 1, \"name\": \"free\", \"price\": \"0.00\"}",
                    "{\"id\": 2, \"name\": \"pro\", \"price\": \"9.90\"}", "{\"id\": 3, \"name\": \"team\", \"price\": \"29.00\"}");
            DataApplyResult first = new MateyTools(matey).dataApply(target(ws), db.url().raw(), "all");
            assertThat(first.files()).extracting(f -> f.inserted()).containsExactly(2, 3);

            data(ws, "flags", "{\"key\": \"beta\", \"enabled\": true, \"note\": \"second\"}",
                    "{\"key\": \"new\", \"enabled\": true, \"note\": \"\"}");
            data(ws, "plans", "{\"id\": 1, \"name\": \"free\", \"price\": \"0.00\"}",
                    "{\"id\": 2, \"name\": \"pro\", \"price\": \"12.00\"}");
            DataApplyResult second = new MateyTools(matey).dataApply(target(ws), db.url().raw(), "all");
            assertThat(second.files()).extracting(f -> List.of(f.inserted(), f.updated(), f.deleted()))
                    .containsExactly(List.of(1, 1, 0), List.of(0, 1, 1));
            assertThat(db.firstColumn("SELECT concat(key, ' ', toString(enabled), ' ', note) FROM flags ORDER BY key"))
                    .as("one row per key without FINAL: the mutation rewrote the row in place")
                    .containsExactly("beta true second", "dark false ", "new true ");
            assertThat(db.firstColumn("SELECT concat(toString(id), ' ', name, ' ', toString(price)) FROM plans ORDER BY id"))
                    .containsExactly("1 free 0", "2 pro 12");

            DataApplyResult again = new MateyTools(matey).dataApply(target(ws), db.url().raw(), "all");
            assertThat(again.files()).extracting(f -> f.inserted() + f.updated() + f.deleted()).containsExactly(0, 0);

            data(ws, "flags", "{\"key\": \"beta\", \"enabled\": true, \"note\": \"second\", \"ver\": 2}");
            assertThatThrownBy(() -> new MateyTools(matey).dataApply(target(ws), db.url().raw(), "all"))
                    .isInstanceOf(MateyException.class)
                    .as("ClickHouse refuses to update a key column: the version must be part of `on`")
                    .hasMessageContaining("flags").hasMessageContaining("ver");

            ws.write(TestWorkspace.TARGET + "/data/data.toml", "[all]\nfiles = [{ name = \"flags\", table = \"flags\","
                    + " mode = \"upsert\", on = [\"key\", \"ver\"] }]\n");
            data(ws, "flags", "{\"key\": \"beta\", \"enabled\": false, \"note\": \"third\", \"ver\": 2}");
            assertThat(new MateyTools(matey).dataApply(target(ws), db.url().raw(), "all").files().get(0).updated())
                    .as("with the version in `on`, a new version is written in place of the old").isEqualTo(1);
            assertThat(db.firstColumn("SELECT concat(toString(enabled), ' ', note) FROM flags FINAL WHERE key = 'beta'"))
                    .as("the newest version wins").containsExactly("false third");
        }
    }

    /**
     * A changed ReplacingMergeTree version is refused with what keying the file by it does: a new version of the row,
     * written in place of the table's (its version deleted, the row inserted), so the table holds the file's version
     * even when it is lower, and a second apply of the same file changes nothing; a file holding two versions of a
     * row, of which the table keeps one, is refused.
     */
    @Test
    void aChangedReplacingMergeTreeVersionIsRefusedSayingWhatKeyingByItDoes() throws Exception {
        TestWorkspace ws = workspace("001_flags.sql", """
                CREATE TABLE flags (key String, note String, ver UInt32) ENGINE = ReplacingMergeTree(ver) ORDER BY key;""",
                "{ name = \"flags\", table = \"flags\", mode = \"upsert\", on = [\"key\"] }");
        try (TestDatabase db = bootstrapped(ws)) {
            Matey matey = ws.matey();
            data(ws, "flags", "{\"key\": \"beta\", \"note\": \"first\", \"ver\": 2}");
            new MateyTools(matey).dataApply(target(ws), db.url().raw(), "all");

            data(ws, "flags", "{\"key\": \"beta\", \"note\": \"second\", \"ver\": 3}");
            assertThatThrownBy(() -> new MateyTools(matey).dataApply(target(ws), db.url().raw(), "all"))
                    .isInstanceOf(MateyException.class)
                    .hasMessageContaining("the database cannot update 'ver' in place: it is the ReplacingMergeTree "
                            + "version column. Add it to the key of data file 'flags' (")
                    .hasMessageEndingWith("on = [\"key\", \"ver\"]. A row whose 'ver' changes is then a new version "
                            + "of its row, written in place of the table's (its version deleted, the row inserted), so "
                            + "that the table (FINAL, merges) holds the file's version, higher or lower.")
                    .hasMessageNotContaining("upsert keeps it");

            manifest(ws, "{ name = \"flags\", table = \"flags\", mode = \"upsert\", on = [\"key\", \"ver\"] }");
            assertThat(new MateyTools(matey).dataApply(target(ws), db.url().raw(), "all").files().get(0).updated()).isEqualTo(1);
            assertThat(db.firstColumn("SELECT concat(note, ' ', toString(ver)) FROM flags"))
                    .as("the higher version replaces the old one, without waiting for a merge").containsExactly("second 3");
            data(ws, "flags", "{\"key\": \"beta\", \"note\": \"older\", \"ver\": 1}");
            DataApplyResult lower = new MateyTools(matey).dataApply(target(ws), db.url().raw(), "all");
            assertThat(List.of(lower.files().get(0).inserted(), lower.files().get(0).updated(), lower.files().get(0).deleted()))
                    .as("a lower version too replaces the table's").containsExactly(0, 1, 0);
            assertThat(db.firstColumn("SELECT concat(note, ' ', toString(ver)) FROM flags")).containsExactly("older 1");
            assertThat(changes(new MateyTools(matey).dataApply(target(ws), db.url().raw(), "all")))
                    .as("the same file again changes nothing").isZero();
            manifest(ws, "{ name = \"flags\", table = \"flags\", mode = \"replace\", on = [\"key\", \"ver\"] }");
            data(ws, "flags", "{\"key\": \"beta\", \"note\": \"back\", \"ver\": 3}");
            assertThat(new MateyTools(matey).dataApply(target(ws), db.url().raw(), "all").files().get(0).updated())
                    .as("replace writes a new version alike").isEqualTo(1);
            assertThat(changes(new MateyTools(matey).dataApply(target(ws), db.url().raw(), "all"))).isZero();
            assertThat(db.firstColumn("SELECT concat(note, ' ', toString(ver)) FROM flags")).containsExactly("back 3");

            data(ws, "flags", "{\"key\": \"beta\", \"note\": \"a\", \"ver\": 4}", "{\"key\": \"beta\", \"note\": \"b\", \"ver\": 5}");
            assertThatThrownBy(() -> new MateyTools(matey).dataApply(target(ws), db.url().raw(), "all"))
                    .isInstanceOf(MateyException.class)
                    .hasMessage(ws.target().resolve("data/flags.jsonl") + ":2: the row is another 'ver' of the row of "
                            + "line 1 ([key] = [\"beta\"]), and table 'flags' keeps one version of a row. Keep one of the "
                            + "two lines (the version the table should hold).");
            assertThat(db.firstColumn("SELECT concat(note, ' ', toString(ver)) FROM flags")).containsExactly("back 3");
        }
    }

    @Test
    void updatesLeaveUnchangedSortingKeyColumnsOutAndAChangedOneMustBeInOn() throws Exception {
        TestWorkspace ws = workspace("001_mt.sql", "CREATE TABLE mt (id UInt32, grp String, v String) ENGINE = MergeTree "
                + "ORDER BY (grp, id);", "{ name = \"mt\", table = \"mt\", mode = \"upsert\", on = [\"id\"] }");
        try (TestDatabase db = bootstrapped(ws)) {
            Matey matey = ws.matey();
            for (String mode : List.of("upsert", "replace")) {
                manifest(ws, "{ name = \"mt\", table = \"mt\", mode = \"" + mode + "\", on = [\"id\"] }");
                data(ws, "mt", "{\"id\": 1, \"grp\": \"g\", \"v\": \"" + mode + "-1\"}");
                new MateyTools(matey).dataApply(target(ws), db.url().raw(), "all");
                data(ws, "mt", "{\"id\": 1, \"grp\": \"g\", \"v\": \"" + mode + "-2\"}");
                assertThat(new MateyTools(matey).dataApply(target(ws), db.url().raw(), "all").files().get(0).updated())
                        .as(mode + ": only v changed, so grp (in ORDER BY) is not set").isEqualTo(1);
                assertThat(db.firstColumn("SELECT concat(toString(id), ' ', grp, ' ', v) FROM mt"))
                        .containsExactly("1 g " + mode + "-2");
            }

            data(ws, "mt", "{\"id\": 1, \"grp\": \"h\", \"v\": \"replace-3\"}");
            assertThatThrownBy(() -> new MateyTools(matey).dataApply(target(ws), db.url().raw(), "all"))
                    .isInstanceOf(MateyException.class)
                    .hasMessageStartingWith(ws.target().resolve("data/mt.jsonl") + ":1: the row changes column 'grp' "
                            + "of table 'mt' from \"g\" to \"h\", but the database cannot update 'grp' in place: it is "
                            + "in the table's sorting key (ORDER BY). Add it to the key of data file 'mt' (")
                    .hasMessageContaining("data set 'all', file 1): on = [\"id\", \"grp\"].")
                    .hasMessageNotContaining("Code: 420").hasMessageNotContaining("no transactions");
            assertThat(db.firstColumn("SELECT concat(grp, ' ', v) FROM mt")).as("nothing written").containsExactly("g replace-2");

            manifest(ws, "{ name = \"mt\", table = \"mt\", mode = \"replace\", on = [\"id\", \"grp\"] }");
            DataApplyResult keyed = new MateyTools(matey).dataApply(target(ws), db.url().raw(), "all");
            assertThat(List.of(keyed.files().get(0).inserted(), keyed.files().get(0).deleted())).containsExactly(1, 1);
            assertThat(db.firstColumn("SELECT concat(toString(id), ' ', grp, ' ', v) FROM mt")).containsExactly("1 h replace-3");
        }
    }

    @Test
    void aReplacingMergeTreeTakesOtherChangesButAVersionOrPartitionChangeIsRefusedBeforeAnyTableIsWritten()
            throws Exception {
        TestWorkspace ws = workspace("001_plans.sql", "CREATE TABLE plans (id UInt32, name String) ENGINE = MergeTree ORDER BY id;",
                "{ name = \"plans\", table = \"plans\", mode = \"upsert\", on = [\"id\"] },"
                        + " { name = \"flags\", table = \"flags\", mode = \"replace\", on = [\"name\"] },"
                        + " { name = \"notes\", table = \"notes\", mode = \"upsert\", on = [\"id\"] }");
        ws.migration("002_flags.sql", "CREATE TABLE flags (name String, v String, updated UInt32, day Date) "
                + "ENGINE = ReplacingMergeTree(updated) PARTITION BY toYYYYMM(day) ORDER BY name;", "DROP TABLE flags;");
        ws.migration("003_notes.sql", "CREATE TABLE notes (id UInt32, body String, h UInt64 MATERIALIZED "
                + "cityHash64(body), note String) ENGINE = MergeTree ORDER BY (id, h);", "DROP TABLE notes;");
        ws.apply();
        try (TestDatabase db = bootstrapped(ws)) {
            Matey matey = ws.matey();
            data(ws, "plans", "{\"id\": 1, \"name\": \"free\"}");
            data(ws, "flags", "{\"name\": \"beta\", \"v\": \"x\", \"updated\": 1, \"day\": \"2024-01-05\"}");
            data(ws, "notes", "{\"id\": 1, \"body\": \"b\", \"note\": \"n1\"}");
            new MateyTools(matey).dataApply(target(ws), db.url().raw(), "all");

            data(ws, "flags", "{\"name\": \"beta\", \"v\": \"y\", \"updated\": 1, \"day\": \"2024-01-05\"}");
            data(ws, "notes", "{\"id\": 1, \"body\": \"b\", \"note\": \"n2\"}");
            assertThat(new MateyTools(matey).dataApply(target(ws), db.url().raw(), "all").files())
                    .as("neither the version, the partition column nor the column under a MATERIALIZED key is set")
                    .extracting(f -> f.updated()).containsExactly(0, 1, 1);
            assertThat(db.firstColumn("SELECT concat(name, ' ', v, ' ', toString(updated)) FROM flags FINAL"))
                    .containsExactly("beta y 1");
            assertThat(db.firstColumn("SELECT note FROM notes")).containsExactly("n2");

            data(ws, "plans", "{\"id\": 1, \"name\": \"pro\"}");
            String flags = ws.target().resolve("data/flags.jsonl") + ":1: the row changes column ";
            data(ws, "flags", "{\"name\": \"beta\", \"v\": \"z\", \"updated\": 2, \"day\": \"2024-01-05\"}");
            assertThatThrownBy(() -> new MateyTools(matey).dataApply(target(ws), db.url().raw(), "all"))
                    .isInstanceOf(MateyException.class)
                    .hasMessageStartingWith(flags + "'updated' of table 'flags' from 1 to 2, but the database cannot "
                            + "update 'updated' in place: it is the ReplacingMergeTree version column.")
                    .hasMessageContaining("on = [\"name\", \"updated\"]");
            data(ws, "flags", "{\"name\": \"beta\", \"v\": \"z\", \"updated\": 1, \"day\": \"2024-02-05\"}");
            assertThatThrownBy(() -> new MateyTools(matey).dataApply(target(ws), db.url().raw(), "all"))
                    .isInstanceOf(MateyException.class)
                    .hasMessageStartingWith(flags + "'day' of table 'flags' from \"2024-01-05\" to \"2024-02-05\", but "
                            + "the database cannot update 'day' in place: it is in the table's partition key (PARTITION BY).");
            data(ws, "flags", "{\"name\": \"beta\", \"v\": \"y\", \"updated\": 1, \"day\": \"2024-01-05\"}");
            data(ws, "notes", "{\"id\": 1, \"body\": \"c\", \"note\": \"n2\"}");
            assertThatThrownBy(() -> new MateyTools(matey).dataApply(target(ws), db.url().raw(), "all"))
                    .isInstanceOf(MateyException.class)
                    .hasMessageContaining("notes.jsonl:1: the row changes column 'body' of table 'notes' from \"b\" to "
                            + "\"c\", but the database cannot update 'body' in place: it is read by MATERIALIZED column "
                            + "'h', which is in the table's sorting key (ORDER BY).");
            assertThat(db.firstColumn("SELECT name FROM plans"))
                    .as("the files are compared with their tables before any is written").containsExactly("free");
        }
    }

    @Test
    void aFailedApplySaysWhichTablesItChangedForClickHouseHasNoTransactions() throws Exception {
        TestWorkspace ws = workspace("001_plans.sql", "CREATE TABLE plans (id UInt32, name String) ENGINE = MergeTree ORDER BY id;",
                "{ name = \"plans\", table = \"plans\", mode = \"upsert\", on = [\"id\"] },"
                        + " { name = \"limits\", table = \"limits\", mode = \"insert\" }");
        ws.migration("002_limits.sql", "CREATE TABLE limits (plan UInt32, seats UInt32, CONSTRAINT positive CHECK seats > 0) "
                + "ENGINE = MergeTree ORDER BY plan;", "DROP TABLE limits;");
        ws.migration("003_more.sql", "CREATE TABLE more (id UInt32, grp String) ENGINE = MergeTree ORDER BY grp;",
                "DROP TABLE more;");
        ws.apply();
        try (TestDatabase db = bootstrapped(ws)) {
            data(ws, "plans", "{\"id\": 1, \"name\": \"free\"}");
            data(ws, "limits", "{\"plan\": 1, \"seats\": 0}");
            assertThatThrownBy(() -> new MateyTools(ws.matey()).dataApply(target(ws), db.url().raw(), "all"))
                    .isInstanceOf(MateyException.class)
                    .hasMessageContaining("writing table 'limits'")
                    .hasMessageContaining("no transactions: the files written before it keep their changes "
                            + "(table 'plans' from data file 'plans': 1 inserted), and table 'limits' may be partly "
                            + "written from data file 'limits'.")
                    .hasMessageContaining("it writes only the difference, except that mode insert appends every row "
                            + "of a file again, so first delete the rows data file(s) 'limits' wrote.")
                    .hasMessageNotContaining("rolled back");
            assertThat(db.firstColumn("SELECT name FROM plans")).containsExactly("free");
            assertThatThrownBy(() -> new MateyTools(ws.matey()).dataApply(target(ws), db.url().raw(), "all"))
                    .as("plans is unchanged the second time, so no table is said to keep changes")
                    .hasMessageContaining("no transactions: no file before it changed a table, and table 'limits'");

            // two files of one table: the second is compared with the table only once the first has written it
            manifest(ws, "{ name = \"more\", table = \"more\", mode = \"upsert\", on = [\"id\"] },"
                    + " { name = \"more-again\", table = \"more\", mode = \"upsert\", on = [\"id\"] }");
            data(ws, "more", "{\"id\": 1, \"grp\": \"a\"}");
            data(ws, "more-again", "{\"id\": 1, \"grp\": \"b\"}");
            assertThatThrownBy(() -> new MateyTools(ws.matey()).dataApply(target(ws), db.url().raw(), "all"))
                    .hasMessageContaining("more-again.jsonl:1: the row changes column 'grp' of table 'more' from \"a\" to \"b\"")
                    .hasMessageEndingWith("no transactions: the files written before it keep their changes (table 'more' "
                            + "from data file 'more': 1 inserted), and data file 'more-again' wrote nothing. Fix the cause "
                            + "and run `matey data apply` again: it writes only the difference.");
            assertThat(db.firstColumn("SELECT grp FROM more")).containsExactly("a");
        }
    }

    @Test
    void rowsWithMapsAreUpdatedInPlaceAndSettle() throws Exception {
        TestWorkspace ws = workspace("001_metrics.sql", """
                CREATE TABLE metrics (id UInt32, v Float64, m Map(String, Nullable(Float64)),
                    a Array(Map(UInt32, String)), t Tuple(Map(String, UInt8), UInt8))
                ENGINE = MergeTree ORDER BY id;""", "{ name = \"metrics\", table = \"metrics\", mode = \"replace\" }");
        try (TestDatabase db = bootstrapped(ws)) {
            Matey matey = ws.matey();
            data(ws, "metrics", "{\"id\": 1, \"v\": 1.5, \"m\": {\"y\": 2.5}, \"a\": [{\"1\": \"x\"}], \"t\": [{\"c\": 1}, 2]}");
            assertThat(new MateyTools(matey).dataApply(target(ws), db.url().raw(), "all").files().get(0).inserted()).isEqualTo(1);

            data(ws, "metrics", "{\"id\": 1, \"v\": 2.5, \"m\": {\"y\": 3.5, \"it's\": null}, "
                    + "\"a\": [{\"2\": \"z\"}, {}], \"t\": [{\"d\": 4}, 5]}");
            assertThat(new MateyTools(matey).dataApply(target(ws), db.url().raw(), "all").files().get(0).updated())
                    .as("a mutation sets maps, nested ones too").isEqualTo(1);
            assertThat(db.firstColumn("SELECT concat(toString(v), ' ', toString(m), ' ', toString(a), ' ', toString(t)) FROM metrics"))
                    .containsExactly("2.5 {'y':3.5,'it\\'s':NULL} [{2:'z'},{}] ({'d':4},5)");

            data(ws, "metrics", "{\"id\": 1, \"v\": 2.5, \"m\": {}, \"a\": [], \"t\": [{}, 5]}");
            assertThat(new MateyTools(matey).dataApply(target(ws), db.url().raw(), "all").files().get(0).updated()).isEqualTo(1);
            assertThat(db.firstColumn("SELECT concat(toString(m), ' ', toString(a), ' ', toString(t)) FROM metrics"))
                    .containsExactly("{} [] ({},5)");
            assertThat(changes(new MateyTools(matey).dataApply(target(ws), db.url().raw(), "all"))).isZero();
        }
    }

    @Test
    void updatesAndDeletesByKeyWriteWideIntegersDecimalsAndEveryOtherTypeExactly() throws Exception {
        TestWorkspace ws = workspace("001_wide.sql", """
                CREATE TABLE wide (k Int128, i256 Int256, u128 UInt128, u256 UInt256, u64 UInt64, d38 Decimal(38, 10),
                    d76 Decimal(76, 20), d18 Decimal(18, 4), f32 Float32, f64 Float64, ts DateTime64(9, 'UTC'),
                    day Date32, b Bool, s String, u UUID, ip6 IPv6, e Enum8('a' = 1, 'b' = 2),
                    nums Array(Nullable(Int128)), decs Array(Decimal(76, 20)), t Tuple(Int256, Decimal(38, 10)),
                    m Map(String, UInt128), n Nullable(Decimal(38, 2)))
                ENGINE = MergeTree ORDER BY k;""", "{ name = \"wide\", table = \"wide\", mode = \"replace\", on = [\"k\"] }");
        // Keys one apart that one Float64 holds: a key read as a Float64 would update or delete both rows.
        String first = "{\"k\": 12345678901234567890123, ";
        String second = "{\"k\": 12345678901234567890124, ";
        String before = "\"i256\": 1, \"u128\": 1, \"u256\": 1, \"u64\": 1, \"d38\": \"1.0000000000\", "
                + "\"d76\": \"1.00000000000000000000\", \"d18\": \"1.0000\", \"f32\": 1.0, \"f64\": 1.0, "
                + "\"ts\": \"2024-01-01T00:00:00\", \"day\": \"2024-01-01\", \"b\": false, \"s\": \"x\", "
                + "\"u\": \"00000000-0000-0000-0000-000000000000\", \"ip6\": \"::1\", \"e\": \"a\", \"nums\": [], "
                + "\"decs\": [], \"t\": [1, 1.0000000000], \"m\": {}, \"n\": null}";
        String after = "\"i256\": -57896044618658097711785492504343953926634992332820282019728792003956564819968, "
                + "\"u128\": 340282366920938463463374607431768211455, "
                + "\"u256\": 115792089237316195423570985008687907853269984665640564039457584007913129639935, "
                + "\"u64\": 18446744073709551615, \"d38\": \"1234567890123456789012345678.0123456789\", "
                + "\"d76\": \"-12345678901234567890123456789012345678901234567890123456.01234567890123456789\", "
                + "\"d18\": \"-12345678901234.5678\", \"f32\": 0.1, \"f64\": 2.5e-300, "
                + "\"ts\": \"2200-01-02T03:04:05.123456789\", \"day\": \"2299-12-31\", \"b\": true, "
                + "\"s\": \"it's \\\"q\\\" \u00e9\", \"u\": \"6f1c2a9e-3b7d-4c1e-9a2f-0d8e5b4c3a21\", "
                + "\"ip6\": \"::ffff:10.0.0.1\", \"e\": \"b\", "
                + "\"nums\": [-170141183460469231731687303715884105728, null, 170141183460469231731687303715884105727], "
                + "\"decs\": [\"-12345678901234567890123456789012345678901234567890123456.01234567890123456789\"], "
                + "\"t\": [-57896044618658097711785492504343953926634992332820282019728792003956564819968, "
                + "1234567890123456789012345678.0123456789], \"m\": {\"max\": 340282366920938463463374607431768211455}, "
                + "\"n\": \"123456789012345678901234567890123456.78\"}";
        try (TestDatabase db = bootstrapped(ws)) {
            Matey matey = ws.matey();
            data(ws, "wide", first + before, second + before);
            assertThat(changes(new MateyTools(matey).dataApply(target(ws), db.url().raw(), "all"))).isEqualTo(2);

            data(ws, "wide", first + after, second + before);
            DataApplyResult updated = new MateyTools(matey).dataApply(target(ws), db.url().raw(), "all");
            assertThat(updated.files().get(0).updated()).isEqualTo(1);
            String all = "SELECT concat(toString(k), ' ', toString(i256), ' ', toString(u128), ' ', toString(u256), ' ', "
                    + "toString(u64), ' ', toString(d38), ' ', toString(d76), ' ', toString(d18), ' ', toString(f32), ' ', "
                    + "toString(f64), ' ', toString(ts), ' ', toString(day), ' ', toString(b), ' ', s, ' ', toString(u), ' ', "
                    + "toString(ip6), ' ', toString(e), ' ', toString(nums), ' ', toString(decs), ' ', toString(t), ' ', "
                    + "toString(m), ' ', ifNull(toString(n), 'NULL')) FROM wide ORDER BY k";
            assertThat(db.firstColumn(all)).as("the mutation wrote every value exactly, in the row of its key only")
                    .containsExactly("12345678901234567890123 "
                            + "-57896044618658097711785492504343953926634992332820282019728792003956564819968 "
                            + "340282366920938463463374607431768211455 "
                            + "115792089237316195423570985008687907853269984665640564039457584007913129639935 "
                            + "18446744073709551615 1234567890123456789012345678.0123456789 "
                            + "-12345678901234567890123456789012345678901234567890123456.01234567890123456789 "
                            + "-12345678901234.5678 0.1 2.5e-300 2200-01-02 03:04:05.123456789 2299-12-31 true "
                            + "it's \"q\" \u00e9 6f1c2a9e-3b7d-4c1e-9a2f-0d8e5b4c3a21 ::ffff:10.0.0.1 b "
                            + "[-170141183460469231731687303715884105728,NULL,170141183460469231731687303715884105727] "
                            + "[-12345678901234567890123456789012345678901234567890123456.01234567890123456789] "
                            + "(-57896044618658097711785492504343953926634992332820282019728792003956564819968,"
                            + "1234567890123456789012345678.0123456789) {'max':340282366920938463463374607431768211455} "
                            + "123456789012345678901234567890123456.78",
                            "12345678901234567890124 1 1 1 1 1 1 1 1 1 2024-01-01 00:00:00.000000000 2024-01-01 false x "
                            + "00000000-0000-0000-0000-000000000000 ::1 a [] [] (1,1) {} NULL");
            assertThat(changes(new MateyTools(matey).dataApply(target(ws), db.url().raw(), "all"))).as("settled").isZero();

            data(ws, "wide", second + before);
            assertThat(new MateyTools(matey).dataApply(target(ws), db.url().raw(), "all").files().get(0).deleted()).isEqualTo(1);
            assertThat(db.firstColumn("SELECT toString(k) FROM wide")).as("deleted by its exact key")
                    .containsExactly("12345678901234567890124");
        }
    }

    @Test
    void jsonColumnsReadBackSoApplySettlesAndExportWritesTheFile() throws Exception {
        TestWorkspace ws = workspace("001_docs.sql", "CREATE TABLE docs (id UInt64, doc JSON) ENGINE = MergeTree ORDER BY id;",
                "{ name = \"docs\", table = \"docs\", mode = \"replace\" }");
        String rows = "{\"doc\": {\"a\": 1, \"b\": {\"c\": \"x \u00e9\"}, \"l\": [1, 2]}, \"id\": 1}\n"
                + "{\"doc\": {\"f\": 1.5, \"t\": true}, \"id\": 2}\n";
        try (TestDatabase db = bootstrapped(ws)) {
            Matey matey = ws.matey();
            ws.write(TestWorkspace.TARGET + "/data/docs.jsonl", rows);
            assertThat(new MateyTools(matey).dataApply(target(ws), db.url().raw(), "all").files().get(0).inserted()).isEqualTo(2);
            assertThat(changes(new MateyTools(matey).dataApply(target(ws), db.url().raw(), "all"))).as("read back equal").isZero();
            assertThat(new MateyTools(matey).dataExport(target(ws), db.url().raw(), "all").files().get(0).changed()).isFalse();
            assertThat(ws.read(TestWorkspace.TARGET + "/data/docs.jsonl")).isEqualTo(rows);

            data(ws, "docs", "{\"doc\": {\"a\": 2}, \"id\": 1}");
            DataApplyResult changed = new MateyTools(matey).dataApply(target(ws), db.url().raw(), "all");
            assertThat(List.of(changed.files().get(0).updated(), changed.files().get(0).deleted())).containsExactly(1, 1);
            assertThat(db.firstColumn("SELECT toJSONString(doc) FROM docs")).containsExactly("{\"a\":2}");
            assertThat(changes(new MateyTools(matey).dataApply(target(ws), db.url().raw(), "all"))).isZero();
        }
    }

    /**
     * JSON that ClickHouse stores in another form (a mixed array's [true, 1] as [1, 1], [true, "x"] as ["true", "x"],
     * null members dropped, a dotted name as a path), top-level or nested, is compared as the server stores it, so a
     * second apply changes nothing and export writes the stored form, which settles too; JSON the server cannot
     * store is refused by line before any write.
     */
    @Test
    void jsonTheServerStoresInAnotherFormSettles() throws Exception {
        TestWorkspace ws = workspace("001_plans.sql", "CREATE TABLE plans (id UInt32, name String) ENGINE = MergeTree ORDER BY id;",
                "{ name = \"plans\", table = \"plans\", mode = \"insert\" }, { name = \"docs\", table = \"docs\", mode = \"replace\" }");
        ws.migration("002_docs.sql", "CREATE TABLE docs (id UInt32, doc JSON, a Array(JSON), m Map(String, JSON), "
                + "t Tuple(n UInt8, j JSON)) ENGINE = MergeTree ORDER BY id;", "DROP TABLE docs;");
        ws.apply();
        String good = "\"id\": 1, \"doc\": {\"l\": [true, 1], \"s\": [true, \"x\"], \"o\": [{\"a\": null}, 1], "
                + "\"mixed\": [1, \"a\", {\"x\": 1}], \"n\": [[true], [1]], \"z\": null, \"a.b\": 2}, "
                + "\"a\": [{\"l\": [true, 2]}], \"m\": {\"k\": {\"l\": [false, 3], \"e\": {}}}, \"t\": [1, {\"l\": [true, 4]}]";
        try (TestDatabase db = bootstrapped(ws)) {
            Matey matey = ws.matey();
            data(ws, "plans", "{\"id\": 1, \"name\": \"free\"}");
            refusedByLineBeforeAnyWrite(ws, db, "docs", good, new String[][] {
                    {"\"a.b\": 2}", "\"a.b\": 2, \"a\": {\"b\": 3}}", "'doc': the database refuses"}});

            data(ws, "docs", "{" + good + "}");
            assertThat(new MateyTools(matey).dataApply(target(ws), db.url().raw(), "all").files().get(1).inserted()).isEqualTo(1);
            assertThat(db.firstColumn("SELECT toJSONString(doc.l) FROM docs")).as("stored in ClickHouse's form")
                    .containsExactly("[1,1]");
            settlesAndExportsAs(ws, db, "docs", "{\"a\": [{\"l\": [1, 2]}], \"doc\": {\"a\": {\"b\": 2}, \"l\": [1, 1], "
                    + "\"mixed\": [1, \"a\", {\"x\": 1}], \"n\": [[1], [1]], \"o\": [{}, 1], \"s\": [\"true\", \"x\"]}, "
                    + "\"id\": 1, \"m\": {\"k\": {\"l\": [0, 3]}}, \"t\": [1, {\"l\": [1, 4]}]}\n");
            updatedInPlaceAndSettles(ws, db, "docs", "{\"a\": [], \"doc\": {\"l\": [false, 5]}, \"id\": 1, \"m\": {}, \"t\": [2, {}]}",
                    "SELECT toJSONString(doc) FROM docs", "{\"l\":[0,5]}");
        }
    }

    /**
     * A Variant or Dynamic value travels as its JSON value (a number, a string, an object of JSON or a tuple, an array),
     * also in an array or a map: apply stores it as that kind of value, export writes it back, and a second apply
     * changes nothing ("1" in a Variant with String and UInt64 is the string, which JSONEachRow alone would read as
     * the number 1). A value the server cannot store is refused by line before any write.
     */
    @Test
    void variantAndDynamicValuesRoundTripAsTheirJson() throws Exception {
        TestWorkspace ws = workspace("001_plans.sql", "CREATE TABLE plans (id UInt32, name String) ENGINE = MergeTree ORDER BY id;",
                "{ name = \"plans\", table = \"plans\", mode = \"insert\" }, { name = \"vars\", table = \"vars\", mode = \"replace\" }");
        ws.migration("002_vars.sql", "CREATE TABLE vars (id UInt32, v Variant(String, UInt64, JSON), d Dynamic, "
                + "a Array(Variant(String, Int64)), m Map(String, Dynamic)) ENGINE = MergeTree ORDER BY id;",
                "DROP TABLE vars;");
        ws.apply();
        String first = "{\"a\": [\"x\", 2], \"d\": {\"k\": [1, \"x\"]}, \"id\": 1, \"m\": {\"n\": 1.5, \"s\": \"t\"}, "
                + "\"v\": {\"a\": 1, \"b\": {\"c\": \"\u00e9\"}}}";
        String second = "{\"a\": [], \"d\": \"2024-01-01\", \"id\": 2, \"m\": {\"b\": true}, \"v\": \"1\"}";
        String third = "{\"a\": [-3], \"d\": [1, 2], \"id\": 3, \"m\": {}, \"v\": 7}";
        String fourth = "{\"a\": [], \"d\": null, \"id\": 4, \"m\": {}, \"v\": null}";
        try (TestDatabase db = bootstrapped(ws)) {
            Matey matey = ws.matey();
            data(ws, "plans", "{\"id\": 1, \"name\": \"free\"}");
            String good = second.substring(1, second.length() - 1).replace("\"id\": 2", "\"id\": 1");
            refusedByLineBeforeAnyWrite(ws, db, "vars", good, new String[][] {
                    {"\"v\": \"1\"", "\"v\": 1.5", "'v': the database refuses 1.5 as Variant(JSON, String, UInt64)"},
                    {"\"d\": \"2024-01-01\"", "\"d\": {}", "'d': the database refuses {} as Dynamic"}});

            ws.write(TestWorkspace.TARGET + "/data/vars.jsonl", String.join("\n", first, second, third, fourth) + "\n");
            assertThat(new MateyTools(matey).dataApply(target(ws), db.url().raw(), "all").files().get(1).inserted()).isEqualTo(4);
            assertThat(db.firstColumn("SELECT concat(variantType(v), ' ', dynamicType(d)) FROM vars ORDER BY id"))
                    .as("each value of the kind the file writes").containsExactly("JSON Tuple(k Array(Dynamic))",
                            "String String", "UInt64 Array(Int64)", "None None");
            assertThat(changes(new MateyTools(matey).dataApply(target(ws), db.url().raw(), "all"), 1)).as("read back equal").isZero();
            new MateyTools(matey).dataExport(target(ws), db.url().raw(), "all");
            assertThat(ws.read(TestWorkspace.TARGET + "/data/vars.jsonl"))
                    .isEqualTo(String.join("\n", first, second, third, fourth) + "\n");

            data(ws, "vars", "{\"a\": [1], \"d\": 5, \"id\": 1, \"m\": {\"n\": [1]}, \"v\": \"y\"}");
            DataApplyResult changed = new MateyTools(matey).dataApply(target(ws), db.url().raw(), "all");
            assertThat(List.of(changed.files().get(1).updated(), changed.files().get(1).deleted())).containsExactly(1, 3);
            assertThat(db.firstColumn("SELECT concat(variantType(v), ' ', dynamicType(d), ' ', toJSONString(m)) FROM vars"))
                    .containsExactly("String Int64 {\"n\":[1]}");
            assertThat(changes(new MateyTools(matey).dataApply(target(ws), db.url().raw(), "all"), 1)).isZero();
        }
    }

    @Test
    void decimalsInsideTuplesMapsAndArraysCompareByValueAndExportAsDecimalColumnsDo() throws Exception {
        TestWorkspace ws = workspace("001_prices.sql", """
                CREATE TABLE prices (id UInt32, t Tuple(Decimal(18, 4), UInt8), m Map(String, Nullable(Decimal(10, 2))),
                    a Array(Tuple(Decimal(38, 10))))
                ENGINE = MergeTree ORDER BY id;""", "{ name = \"prices\", table = \"prices\", mode = \"replace\" }");
        try (TestDatabase db = bootstrapped(ws)) {
            Matey matey = ws.matey();
            data(ws, "prices", "{\"a\": [[1]], \"id\": 1, \"m\": {\"x\": 1.5, \"y\": null}, \"t\": [\"1\", 2]}");
            assertThat(new MateyTools(matey).dataApply(target(ws), db.url().raw(), "all").files().get(0).inserted()).isEqualTo(1);
            assertThat(changes(new MateyTools(matey).dataApply(target(ws), db.url().raw(), "all")))
                    .as("1 and 1.0000 are the same number").isZero();
            new MateyTools(matey).dataExport(target(ws), db.url().raw(), "all");
            String exported = "{\"a\": [[\"1.0000000000\"]], \"id\": 1, \"m\": {\"x\": \"1.50\", \"y\": null}, "
                    + "\"t\": [\"1.0000\", 2]}\n";
            assertThat(ws.read(TestWorkspace.TARGET + "/data/prices.jsonl")).isEqualTo(exported);

            String exact = "{\"a\": [[\"1234567890123456789012345678.0123456789\"]], \"id\": 1, "
                    + "\"m\": {\"x\": \"-12345678.99\"}, \"t\": [\"-12345678901234.5678\", 2]}";
            data(ws, "prices", exact);
            assertThat(new MateyTools(matey).dataApply(target(ws), db.url().raw(), "all").files().get(0).updated()).isEqualTo(1);
            assertThat(db.firstColumn("SELECT concat(toString(a), ' ', toString(m), ' ', toString(t)) FROM prices"))
                    .containsExactly("[(1234567890123456789012345678.0123456789)] {'x':-12345678.99} "
                            + "(-12345678901234.5678,2)");
            assertThat(changes(new MateyTools(matey).dataApply(target(ws), db.url().raw(), "all"))).isZero();
            new MateyTools(matey).dataExport(target(ws), db.url().raw(), "all");
            assertThat(ws.read(TestWorkspace.TARGET + "/data/prices.jsonl")).isEqualTo(exact + "\n");
        }
    }

    @Test
    void arraysAndMapsOfJsonReadBackSoApplySettlesAndExportWritesTheFile() throws Exception {
        TestWorkspace ws = workspace("001_feeds.sql", """
                CREATE TABLE feeds (id UInt64, docs Array(JSON), m Map(String, JSON))
                ENGINE = MergeTree ORDER BY id;""", "{ name = \"feeds\", table = \"feeds\", mode = \"replace\" }");
        String rows = "{\"docs\": [{\"a\": 1, \"b\": {\"c\": \"x \u00e9\"}}, {\"l\": [1, 2]}], "
                + "\"id\": 1, \"m\": {\"k\": {\"f\": 1.5, \"t\": true}}}\n"
                + "{\"docs\": [], \"id\": 2, \"m\": {}}\n";
        settlesAndUpdatesInPlace(ws, "feeds", rows, "{\"docs\": [{\"a\": 2}], \"id\": 1, \"m\": {\"j\": {\"n\": 1}}}",
                "SELECT concat(toJSONString(docs), ' ', toJSONString(m)) FROM feeds",
                "[{\"a\":2}] {\"j\":{\"n\":1}}");
    }

    /**
     * JSON inside a tuple, named or not, also inside an array or a map, is read back as the file writes it (the
     * tuple as an array of its elements, the JSON as its object), so apply settles, export writes the file, and a
     * changed row is updated in place.
     */
    @Test
    void jsonInsideTuplesReadsBackSoApplySettlesAndExportWritesTheFile() throws Exception {
        TestWorkspace ws = workspace("001_shapes.sql", """
                CREATE TABLE shapes (id UInt64, t Tuple(a Int32, j JSON), u Tuple(Int32, Nullable(JSON)),
                    at Array(Tuple(String, JSON)), mt Map(LowCardinality(String), Tuple(n UInt8, j JSON)))
                ENGINE = MergeTree ORDER BY id;""", "{ name = \"shapes\", table = \"shapes\", mode = \"replace\" }");
        String rows = "{\"at\": [[\"x\", {\"k\": 1}]], \"id\": 1, \"mt\": {\"m\": [2, {\"z\": \"\u00e9\"}]}, "
                + "\"t\": [1, {\"a\": 1, \"b\": {\"c\": \"x\"}}], \"u\": [2, null]}\n"
                + "{\"at\": [], \"id\": 2, \"mt\": {}, \"t\": [-1, {}], \"u\": [0, {\"l\": [1, 2]}]}\n";
        settlesAndUpdatesInPlace(ws, "shapes", rows, "{\"at\": [[\"y\", {\"k\": 2}]], \"id\": 1, "
                        + "\"mt\": {\"m\": [3, {}]}, \"t\": [1, {\"a\": 2}], \"u\": [2, {\"n\": 1}]}",
                "SELECT concat(toJSONString(t.j), ' ', toJSONString(u.2), ' ', toJSONString(at)) FROM shapes",
                "{\"a\":2} {\"n\":1} [[\"y\",{\"k\":2}]]");
    }

    /** Arrays of arrays of JSON, at any depth and as map values, are applied, read back and exported as written. */
    @Test
    void nestedArraysOfJsonReadBackSoApplySettlesAndExportWritesTheFile() throws Exception {
        TestWorkspace ws = workspace("001_grids.sql", """
                CREATE TABLE grids (id UInt64, g Array(Array(JSON)), c Array(Array(Array(JSON))),
                    m Map(String, Array(Array(JSON))), n Array(Array(Nullable(JSON))))
                ENGINE = MergeTree ORDER BY id;""", "{ name = \"grids\", table = \"grids\", mode = \"replace\" }");
        String rows = "{\"c\": [[[{\"a\": 1}], []], []], \"g\": [[{\"a\": 1}, {\"b\": \"\u00e9\"}], []], \"id\": 1, "
                + "\"m\": {\"k\": [[{\"x\": [1, 2]}]]}, \"n\": [[null, {\"y\": 1}]]}\n"
                + "{\"c\": [], \"g\": [], \"id\": 2, \"m\": {}, \"n\": []}\n";
        settlesAndUpdatesInPlace(ws, "grids", rows, "{\"c\": [[[{\"a\": 2}]]], \"g\": [[{\"a\": 2}]], \"id\": 1, "
                        + "\"m\": {\"k\": [[]]}, \"n\": [[null]]}",
                "SELECT concat(toJSONString(g), ' ', toJSONString(c), ' ', toJSONString(m)) FROM grids",
                "[[{\"a\":2}]] [[[{\"a\":2}]]] {\"k\":[[]]}");
    }

    /**
     * A decimal map key is a number, as a nested decimal is: 1.5 and 1.50 are the same key, so apply settles and
     * export writes it at its type's scale; a key the type cannot hold, or two names of one key, are refused by line.
     */
    @Test
    void decimalMapKeysCompareByValueAndExportAtTheirScale() throws Exception {
        TestWorkspace ws = workspace("001_plans.sql", "CREATE TABLE plans (id UInt32, name String) ENGINE = MergeTree ORDER BY id;",
                "{ name = \"plans\", table = \"plans\", mode = \"insert\" }, { name = \"rates\", table = \"rates\", mode = \"replace\" }");
        ws.migration("002_rates.sql", "CREATE TABLE rates (id UInt32, m Map(Decimal(10, 2), String), "
                + "n Map(Decimal(38, 10), Nullable(Decimal(10, 2))), j Map(Decimal(18, 7), JSON), "
                + "a Array(Map(Decimal32(1), UInt8))) ENGINE = MergeTree ORDER BY id;", "DROP TABLE rates;");
        ws.apply();
        String good = "\"id\": 1, \"m\": {\"1.5\": \"x\", \"2\": \"y\"}, \"n\": {\"-0.25\": 1}, "
                + "\"j\": {\"0.0000001\": {\"a\": 1}}, \"a\": [{\"3\": 4}]";
        try (TestDatabase db = bootstrapped(ws)) {
            Matey matey = ws.matey();
            data(ws, "plans", "{\"id\": 1, \"name\": \"free\"}");
            refusedByLineBeforeAnyWrite(ws, db, "rates", good, new String[][] {
                    {"\"1.5\": \"x\"", "\"1.555\": \"x\"", "'m' (Map(Decimal(10, 2), String)): key \"1.555\" "
                            + "(Decimal(10, 2)): 1.555 has more than 2 digit(s) after the point"},
                    {"\"1.5\": \"x\"", "\"2.0\": \"x\"", "'m' (Map(Decimal(10, 2), String)): keys \"2.0\" and "
                            + "\"2\" are the same Decimal(10, 2) key"},
                    {"\"1.5\": \"x\"", "\"one\": \"x\"", "'m' (Map(Decimal(10, 2), String)): key \"one\" "
                            + "(Decimal(10, 2)): \"one\" is not a decimal"}});

            data(ws, "rates", "{" + good + "}");
            assertThat(new MateyTools(matey).dataApply(target(ws), db.url().raw(), "all").files().get(1).inserted()).isEqualTo(1);
            assertThat(db.firstColumn("SELECT concat(toString(m), ' ', toString(n), ' ', toString(a)) FROM rates"))
                    .containsExactly("{1.5:'x',2:'y'} {-0.25:1} [{3:4}]");
            assertThat(changes(new MateyTools(matey).dataApply(target(ws), db.url().raw(), "all"), 1))
                    .as("1.5 and 1.50 are the same key").isZero();
            new MateyTools(matey).dataExport(target(ws), db.url().raw(), "all");
            String exported = "{\"a\": [{\"3.0\": 4}], \"id\": 1, \"j\": {\"0.0000001\": {\"a\": 1}}, "
                    + "\"m\": {\"1.50\": \"x\", \"2.00\": \"y\"}, \"n\": {\"-0.2500000000\": \"1.00\"}}\n";
            assertThat(ws.read(TestWorkspace.TARGET + "/data/rates.jsonl")).isEqualTo(exported);
            assertThat(changes(new MateyTools(matey).dataApply(target(ws), db.url().raw(), "all"), 1)).isZero();

            data(ws, "rates", "{\"a\": [{\"3.0\": 5}], \"id\": 1, \"j\": {\"1\": {}}, "
                    + "\"m\": {\"1.50\": \"z\"}, \"n\": {}}");
            assertThat(new MateyTools(matey).dataApply(target(ws), db.url().raw(), "all").files().get(1).updated()).isEqualTo(1);
            assertThat(db.firstColumn("SELECT concat(toString(m), ' ', toJSONString(j), ' ', toString(a)) FROM rates"))
                    .containsExactly("{1.5:'z'} {\"1\":{}} [{3:5}]");
            assertThat(changes(new MateyTools(matey).dataApply(target(ws), db.url().raw(), "all"), 1)).isZero();
        }
    }

    /**
     * An integer map key is a number too: "01", "+1" and "1" are the same key, so apply settles and export writes it
     * as ClickHouse does; two names of one key are refused by line.
     */
    @Test
    void integerMapKeysCompareByValueAndExportAsNumbers() throws Exception {
        TestWorkspace ws = workspace("001_plans.sql", "CREATE TABLE plans (id UInt32, name String) ENGINE = MergeTree ORDER BY id;",
                "{ name = \"plans\", table = \"plans\", mode = \"insert\" }, { name = \"codes\", table = \"codes\", mode = \"replace\" }");
        ws.migration("002_codes.sql", "CREATE TABLE codes (id UInt32, m Map(UInt32, String), n Map(Int64, UInt8), "
                + "w Map(Int128, JSON), a Array(Map(UInt8, String)), t Tuple(Map(UInt16, String), UInt8)) "
                + "ENGINE = MergeTree ORDER BY id;", "DROP TABLE codes;");
        ws.apply();
        String good = "\"id\": 1, \"m\": {\"01\": \"a\", \"+2\": \"b\"}, \"n\": {\"-05\": 1}, "
                + "\"w\": {\"007\": {\"x\": 1}}, \"a\": [{\"009\": \"c\"}], \"t\": [{\"00\": \"d\"}, 1]";
        try (TestDatabase db = bootstrapped(ws)) {
            Matey matey = ws.matey();
            data(ws, "plans", "{\"id\": 1, \"name\": \"free\"}");
            refusedByLineBeforeAnyWrite(ws, db, "codes", good, new String[][] {
                    {"\"01\": \"a\"", "\"1\": \"a\", \"01\": \"z\"", "'m' (Map(UInt32, String)): keys \"1\" and "
                            + "\"01\" are the same UInt32 key"}});

            data(ws, "codes", "{" + good + "}");
            assertThat(new MateyTools(matey).dataApply(target(ws), db.url().raw(), "all").files().get(1).inserted()).isEqualTo(1);
            assertThat(db.firstColumn("SELECT concat(toString(m), ' ', toString(n), ' ', toString(a), ' ', toString(t)) FROM codes"))
                    .containsExactly("{1:'a',2:'b'} {-5:1} [{9:'c'}] ({0:'d'},1)");
            settlesAndExportsAs(ws, db, "codes", "{\"a\": [{\"9\": \"c\"}], \"id\": 1, \"m\": {\"1\": \"a\", \"2\": \"b\"}, "
                    + "\"n\": {\"-5\": 1}, \"t\": [{\"0\": \"d\"}, 1], \"w\": {\"7\": {\"x\": 1}}}\n");
            updatedInPlaceAndSettles(ws, db, "codes", "{\"a\": [], \"id\": 1, \"m\": {\"0001\": \"z\"}, \"n\": {}, "
                    + "\"t\": [{}, 2], \"w\": {}}", "SELECT toString(m) FROM codes", "{1:'z'}");
        }
    }

    /**
     * A timestamp is exported with exactly its column's digits after the point, top-level, in an array, a map or a
     * tuple alike, and any spelling of the same value settles; a finer fraction, which ClickHouse would cut off, is
     * refused by line.
     */
    @Test
    void timestampsExportAtTheirColumnsPrecisionAndOtherSpellingsSettle() throws Exception {
        TestWorkspace ws = workspace("001_plans.sql", "CREATE TABLE plans (id UInt32, name String) ENGINE = MergeTree ORDER BY id;",
                "{ name = \"plans\", table = \"plans\", mode = \"insert\" }, { name = \"times\", table = \"times\", mode = \"replace\" }");
        ws.migration("002_times.sql", "CREATE TABLE times (id UInt32, t0 DateTime64(0), t3 DateTime64(3), "
                + "t6 DateTime64(6, 'UTC'), t9 DateTime64(9), d DateTime, a Array(DateTime64(2)), "
                + "m Map(String, DateTime64(3)), tu Tuple(DateTime('Asia/Tokyo'), DateTime64(1))) ENGINE = MergeTree ORDER BY id;",
                "DROP TABLE times;");
        ws.apply();
        String good = "\"id\": 1, \"t0\": \"2024-01-01 00:00:00\", \"t3\": \"2024-01-01T00:00:00.1\", "
                + "\"t6\": \"2024-01-01T00:00:00.100\", \"t9\": \"2024-01-01T00:00:00.123456\", \"d\": \"2024-01-01T10:00:00\", "
                + "\"a\": [\"2024-01-01T00:00:00.5\", \"2024-01-01T00:00:00\"], \"m\": {\"k\": \"2024-01-01 00:00:00.25\"}, "
                + "\"tu\": [\"2024-01-01T00:00:00\", \"2024-01-01T00:00:00.0\"]";
        try (TestDatabase db = bootstrapped(ws)) {
            Matey matey = ws.matey();
            data(ws, "plans", "{\"id\": 1, \"name\": \"free\"}");
            refusedByLineBeforeAnyWrite(ws, db, "times", good, new String[][] {
                    {"00:00:00.1\"", "00:00:00.1234\"", "'t3' (DateTime64(3)): 2024-01-01T00:00:00.123400 has more than 3 "
                            + "digit(s) after the point, which DateTime64(3) holds"},
                    {"\"k\": \"2024-01-01 00:00:00.25\"", "\"k\": \"2024-01-01 00:00:00.2501\"", "'m' (Map(String, "
                            + "DateTime64(3))): the value of key \"k\" (DateTime64(3)): 2024-01-01T00:00:00.250100 has more"}});

            data(ws, "times", "{" + good + "}");
            assertThat(new MateyTools(matey).dataApply(target(ws), db.url().raw(), "all").files().get(1).inserted()).isEqualTo(1);
            settlesAndExportsAs(ws, db, "times", "{\"a\": [\"2024-01-01T00:00:00.50\", \"2024-01-01T00:00:00.00\"], "
                    + "\"d\": \"2024-01-01T10:00:00\", \"id\": 1, \"m\": {\"k\": \"2024-01-01T00:00:00.250\"}, "
                    + "\"t0\": \"2024-01-01T00:00:00\", \"t3\": \"2024-01-01T00:00:00.100\", \"t6\": \"2024-01-01T00:00:00.100000\", "
                    + "\"t9\": \"2024-01-01T00:00:00.123456000\", \"tu\": [\"2024-01-01T00:00:00\", \"2024-01-01T00:00:00.0\"]}\n");
            assertThat(new MateyTools(matey).dataExport(target(ws), db.url().raw(), "all").files().get(1).changed()).isFalse();
        }
    }

    /**
     * The set's second file {@code name}, as just applied, settles: a second apply changes nothing, and export
     * writes {@code exported}, which settles too.
     */
    private static void settlesAndExportsAs(TestWorkspace ws, TestDatabase db, String name, String exported) {
        Matey matey = ws.matey();
        assertThat(changes(new MateyTools(matey).dataApply(target(ws), db.url().raw(), "all"), 1)).as("read back equal").isZero();
        new MateyTools(matey).dataExport(target(ws), db.url().raw(), "all");
        assertThat(ws.read(TestWorkspace.TARGET + "/data/" + name + ".jsonl")).isEqualTo(exported);
        assertThat(changes(new MateyTools(matey).dataApply(target(ws), db.url().raw(), "all"), 1)).as("the export settles").isZero();
    }

    /**
     * {@code changed}, the one row of the set's second file {@code name}, is updated in place: {@code query} reads
     * the table's value back as {@code stored}, and a second apply changes nothing.
     */
    private static void updatedInPlaceAndSettles(TestWorkspace ws, TestDatabase db, String name, String changed,
            String query, String stored) throws SQLException {
        data(ws, name, changed);
        assertThat(new MateyTools(ws.matey()).dataApply(target(ws), db.url().raw(), "all").files().get(1).updated()).isEqualTo(1);
        assertThat(db.firstColumn(query)).containsExactly(stored);
        assertThat(changes(new MateyTools(ws.matey()).dataApply(target(ws), db.url().raw(), "all"), 1)).isZero();
    }

    /**
     * Applies {@code rows}, two rows of the set's one file {@code name}: a second apply changes nothing and export
     * writes them back as written. Then {@code changed}, the first row changed, updates it in place and deletes the
     * second; {@code query} reads the table's value back as {@code stored}, and a second apply changes nothing.
     */
    private static void settlesAndUpdatesInPlace(TestWorkspace ws, String name, String rows, String changed,
            String query, String stored) throws SQLException {
        try (TestDatabase db = bootstrapped(ws)) {
            Matey matey = ws.matey();
            ws.write(TestWorkspace.TARGET + "/data/" + name + ".jsonl", rows);
            assertThat(new MateyTools(matey).dataApply(target(ws), db.url().raw(), "all").files().get(0).inserted()).isEqualTo(2);
            assertThat(changes(new MateyTools(matey).dataApply(target(ws), db.url().raw(), "all"))).as("read back equal").isZero();
            new MateyTools(matey).dataExport(target(ws), db.url().raw(), "all");
            assertThat(ws.read(TestWorkspace.TARGET + "/data/" + name + ".jsonl")).isEqualTo(rows);

            data(ws, name, changed);
            DataApplyResult applied = new MateyTools(matey).dataApply(target(ws), db.url().raw(), "all");
            assertThat(List.of(applied.files().get(0).updated(), applied.files().get(0).deleted())).containsExactly(1, 1);
            assertThat(db.firstColumn(query)).containsExactly(stored);
            assertThat(changes(new MateyTools(matey).dataApply(target(ws), db.url().raw(), "all"))).isZero();
        }
    }

    @Test
    void aShortFixedStringReadsWithoutItsPaddingSoApplyAndExportSettle() throws Exception {
        TestWorkspace ws = workspace("001_codes.sql", "CREATE TABLE codes (id UInt32, code FixedString(4), "
                + "codes Array(FixedString(2))) ENGINE = MergeTree ORDER BY id;",
                "{ name = \"codes\", table = \"codes\", mode = \"replace\" }");
        try (TestDatabase db = bootstrapped(ws)) {
            Matey matey = ws.matey();
            String line = "{\"code\": \"ab\", \"codes\": [\"x\", \"yz\"], \"id\": 1}";
            data(ws, "codes", line);
            assertThat(new MateyTools(matey).dataApply(target(ws), db.url().raw(), "all").files().get(0).inserted()).isEqualTo(1);
            assertThat(changes(new MateyTools(matey).dataApply(target(ws), db.url().raw(), "all")))
                    .as("the zero bytes ClickHouse pads with are no change").isZero();
            new MateyTools(matey).dataExport(target(ws), db.url().raw(), "all");
            assertThat(ws.read(TestWorkspace.TARGET + "/data/codes.jsonl")).isEqualTo(line + "\n");
        }
    }

    /**
     * FixedString(N) holds N bytes of UTF-8, not N characters: a longer value is refused by file, line and column
     * before any table of the set is written, and values that fit in bytes, multibyte ones too, are applied.
     */
    @Test
    void aFixedStringLengthCountsBytesAndALongerValueIsRefusedBeforeAnyWrite() throws Exception {
        TestWorkspace ws = workspace("001_plans.sql", "CREATE TABLE plans (id UInt32, name String) ENGINE = MergeTree ORDER BY id;",
                "{ name = \"plans\", table = \"plans\", mode = \"insert\" }, { name = \"codes\", table = \"codes\", mode = \"replace\" }");
        ws.migration("002_codes.sql", "CREATE TABLE codes (id UInt32, code FixedString(4), pair Array(FixedString(2))) "
                + "ENGINE = MergeTree ORDER BY id;", "DROP TABLE codes;");
        ws.apply();
        try (TestDatabase db = bootstrapped(ws)) {
            data(ws, "plans", "{\"id\": 1, \"name\": \"free\"}");
            data(ws, "codes", "{\"code\": \"abcd\", \"id\": 1, \"pair\": []}", "{\"code\": \"ééé\", \"id\": 2, \"pair\": []}");
            assertThatThrownBy(() -> new MateyTools(ws.matey()).dataApply(target(ws), db.url().raw(), "all"))
                    .isInstanceOf(MateyException.class)
                    .hasMessageContaining(ws.target().resolve("data/codes.jsonl") + ":2: column 'code' (FixedString(4)): "
                            + "\"ééé\" is 6 bytes in UTF-8, longer than the 4 bytes FixedString(4) holds (its length counts bytes, not characters)");
            data(ws, "codes", "{\"code\": \"abcd\", \"id\": 1, \"pair\": [\"éa\"]}");
            assertThatThrownBy(() -> new MateyTools(ws.matey()).dataApply(target(ws), db.url().raw(), "all"))
                    .hasMessageContaining("codes.jsonl:1: column 'pair' (Array(FixedString(2))): ");
            assertThat(db.firstColumn("SELECT count() FROM plans")).as("nothing was written").containsExactly("0");

            data(ws, "codes", "{\"code\": \"abcd\", \"id\": 1, \"pair\": [\"é\", \"ab\"]}",
                    "{\"code\": \"éé\", \"id\": 2, \"pair\": []}", "{\"code\": \"€\", \"id\": 3, \"pair\": []}");
            DataApplyResult applied = new MateyTools(ws.matey()).dataApply(target(ws), db.url().raw(), "all");
            assertThat(applied.files().get(1).inserted()).isEqualTo(3);
            assertThat(db.firstColumn("SELECT concat(toString(length(code)), ' ', toString(pair)) FROM codes ORDER BY id"))
                    .containsExactly("4 ['é','ab']", "4 []", "4 []");
            DataApplyResult again = new MateyTools(ws.matey()).dataApply(target(ws), db.url().raw(), "all");
            assertThat(again.files().get(1).inserted() + again.files().get(1).updated() + again.files().get(1).deleted())
                    .as("multibyte values padded to their bytes read back as written").isZero();
        }
    }

    /**
     * Values the column cannot hold (an enum's unknown label, a null in a non-Nullable column, which an insert would
     * store as the default, a malformed UUID or address) are refused by file, line and column before any table is
     * written; an IPv4 address in an IPv6 column and an upper-case UUID are the values ClickHouse writes back, so
     * a second apply changes nothing.
     */
    @Test
    void valuesTheColumnCannotHoldAreRefusedByLineAndOtherSpellingsSettle() throws Exception {
        TestWorkspace ws = workspace("001_plans.sql", "CREATE TABLE plans (id UInt32, name String) ENGINE = MergeTree ORDER BY id;",
                "{ name = \"plans\", table = \"plans\", mode = \"insert\" }, { name = \"hosts\", table = \"hosts\", mode = \"replace\" }");
        ws.migration("002_hosts.sql", "CREATE TABLE hosts (id UInt32, tier Enum8('free' = 0, 'pro' = 1), ext UUID, "
                + "v4 IPv4, v6 IPv6, note Nullable(String), tags Array(String), lc LowCardinality(Nullable(String)), "
                + "levels Array(Enum16('low' = -5, 'high' = 300))) "
                + "ENGINE = MergeTree ORDER BY id;", "DROP TABLE hosts;");
        ws.apply();
        String good = "\"id\": 1, \"tier\": \"pro\", \"ext\": \"6F1C2A9E-3B7D-4C1E-9A2F-0D8E5B4C3A21\", \"v4\": \"10.1.2.3\", "
                + "\"v6\": \"10.0.0.1\", \"note\": null, \"tags\": [\"a\"], \"lc\": null";
        try (TestDatabase db = bootstrapped(ws)) {
            data(ws, "plans", "{\"id\": 1, \"name\": \"free\"}");
            refusedByLineBeforeAnyWrite(ws, db, "hosts", good, new String[][] {
                    {"\"tier\": \"pro\"", "\"tier\": \"gold\"", "'tier' (Enum8('free' = 0, 'pro' = 1)): \"gold\" is not one of its values \"free\", \"pro\""},
                    {"\"tier\": \"pro\"", "\"tier\": null", "'tier' (Enum8('free' = 0, 'pro' = 1)): null, which Enum8('free' = 0, 'pro' = 1) cannot hold"},
                    {"\"tier\": \"pro\"", "\"tier\": 1", "'tier' (Enum8('free' = 0, 'pro' = 1)): expected one of its labels, "
                            + "a string, got 1: write \"pro\" (Enum8 value 1), as export writes it"},
                    {"\"tier\": \"pro\"", "\"tier\": \"0\"", "'tier' (Enum8('free' = 0, 'pro' = 1)): expected one of its "
                            + "labels, a string, got \"0\": write \"free\" (Enum8 value 0), as export writes it"},
                    {"\"tier\": \"pro\"", "\"tier\": 7", "'tier' (Enum8('free' = 0, 'pro' = 1)): expected one of its labels, "
                            + "a string, got 7, which is no Enum8 value: write one of \"free\", \"pro\""},
                    {"\"tags\": [\"a\"]", "\"tags\": [\"a\"], \"levels\": [\"low\", 300]", "'levels' (Array(Enum16('low' = -5, "
                            + "'high' = 300))): expected one of its labels, a string, got 300: write \"high\" (Enum16 value 300)"},
                    {"\"tags\": [\"a\"]", "\"tags\": [null]", "'tags' (Array(String)): null, which String cannot hold"},
                    {"\"ext\": \"6F1C2A9E-3B7D-4C1E-9A2F-0D8E5B4C3A21\"", "\"ext\": \"xyz\"", "'ext' (UUID): \"xyz\" is not a UUID"},
                    {"\"v4\": \"10.1.2.3\"", "\"v4\": \"10.1.2\"", "'v4' (IPv4): \"10.1.2\" is not an IPv4 address"},
                    {"\"v6\": \"10.0.0.1\"", "\"v6\": \"not-an-ip\"", "'v6' (IPv6): \"not-an-ip\" is not an IPv6 address"},
                    {"\"v6\": \"10.0.0.1\"", "\"v6\": \"1:2:3:4:5:6:7:8:9\"", "'v6' (IPv6): \"1:2:3:4:5:6:7:8:9\" is not an IPv6 address"}});

            data(ws, "hosts", "{" + good + "}");
            assertThat(new MateyTools(ws.matey()).dataApply(target(ws), db.url().raw(), "all").files().get(1).inserted()).isEqualTo(1);
            assertThat(db.firstColumn("SELECT concat(toString(ext), ' ', toString(v6), ' ', toString(isNull(note))) FROM hosts"))
                    .containsExactly("6f1c2a9e-3b7d-4c1e-9a2f-0d8e5b4c3a21 ::ffff:10.0.0.1 1");
            DataApplyResult again = new MateyTools(ws.matey()).dataApply(target(ws), db.url().raw(), "all");
            assertThat(again.files().get(1).updated()).as("the file's spellings are the values read back").isZero();
        }
    }

    /**
     * The values inside maps, tuples and arrays are checked against their declared types as a column of each type
     * is: a value ClickHouse would wrap (300 in a UInt8), default (a null in a non-Nullable value) or fail on after
     * earlier files were written (a tuple of the wrong shape) is refused by file, line and column before any write.
     */
    @Test
    void valuesInsideMapsTuplesAndArraysAreCheckedByLineBeforeAnyWrite() throws Exception {
        TestWorkspace ws = workspace("001_plans.sql", "CREATE TABLE plans (id UInt32, name String) ENGINE = MergeTree ORDER BY id;",
                "{ name = \"plans\", table = \"plans\", mode = \"insert\" }, { name = \"events\", table = \"events\", mode = \"replace\" }");
        ws.migration("002_events.sql", "CREATE TABLE events (id UInt32, attrs Map(String, UInt8), "
                + "codes Map(UInt16, Nullable(String)), loc Tuple(lat Float64, name String), pair Tuple(UInt8, String), "
                + "nested Map(String, Array(UInt8)), maps Array(Map(String, UInt8)), tags Array(UInt8), "
                + "doc JSON, tj Tuple(n UInt8, j JSON)) "
                + "ENGINE = MergeTree ORDER BY id;", "DROP TABLE events;");
        ws.apply();
        String good = "\"id\": 1, \"attrs\": {\"a\": 255}, \"codes\": {\"7\": null}, \"loc\": [1.5, \"x\"], "
                + "\"pair\": [0, \"y\"], \"nested\": {\"k\": [1]}, \"maps\": [{\"m\": 2}], \"tags\": [3], "
                + "\"doc\": {\"a\": 1}, \"tj\": [0, {}]";
        try (TestDatabase db = bootstrapped(ws)) {
            data(ws, "plans", "{\"id\": 1, \"name\": \"free\"}");
            refusedByLineBeforeAnyWrite(ws, db, "events", good, new String[][] {
                    {"{\"a\": 255}", "{\"a\": 300}", "'attrs' (Map(String, UInt8)): the value of key \"a\" (UInt8): "
                            + "300 is out of range [0, 255]"},
                    {"{\"a\": 255}", "{\"a\": null}", "'attrs' (Map(String, UInt8)): the value of key \"a\" (UInt8): "
                            + "null, which UInt8 cannot hold"},
                    {"{\"a\": 255}", "\"a=1\"", "'attrs' (Map(String, UInt8)): expected a JSON object of the keys and "
                            + "values of Map(String, UInt8), got \"a=1\""},
                    {"{\"7\": null}", "{\"70000\": null}", "'codes' (Map(UInt16, Nullable(String))): key \"70000\" "
                            + "(UInt16): 70000 is out of range [0, 65535]"},
                    {"{\"7\": null}", "{\"seven\": null}", "'codes' (Map(UInt16, Nullable(String))): key \"seven\" "
                            + "(UInt16): expected an integer, got \"seven\""},
                    {"[1.5, \"x\"]", "[1.5, 7]", "'loc' (Tuple(lat Float64, name String)): element 2 'name' (String): "
                            + "expected a string, got 7"},
                    {"[1.5, \"x\"]", "[\"x\", \"y\"]", "'loc' (Tuple(lat Float64, name String)): element 1 'lat' "
                            + "(Float64): expected a number, got \"x\""},
                    {"[1.5, \"x\"]", "[1.5]", "'loc' (Tuple(lat Float64, name String)): expected a JSON array of the 2 "
                            + "elements of Tuple(lat Float64, name String) in order, got [1.5]"},
                    {"[0, \"y\"]", "[256, \"y\"]", "'pair' (Tuple(UInt8, String)): element 1 (UInt8): 256 is out of range"},
                    {"{\"k\": [1]}", "{\"k\": [300]}", "'nested' (Map(String, Array(UInt8))): the value of key \"k\" "
                            + "(Array(UInt8)): 300 is out of range [0, 255]"},
                    {"[{\"m\": 2}]", "[{\"m\": -1}]", "'maps' (Array(Map(String, UInt8))): the value of key \"m\" (UInt8): "
                            + "-1 is out of range [0, 255]"},
                    {"[3]", "[300]", "'tags' (Array(UInt8)): 300 is out of range [0, 255]"},
                    {"{\"a\": 1}", "[1]", "'doc' (JSON): expected a JSON object (ClickHouse's JSON holds no other value), "
                            + "got [1]"},
                    {"[0, {}]", "[0, 5]", "'tj' (Tuple(n UInt8, j JSON)): element 2 'j' (JSON): expected a JSON object"}});

            data(ws, "events", "{" + good + "}");
            assertThat(new MateyTools(ws.matey()).dataApply(target(ws), db.url().raw(), "all").files().get(1).inserted()).isEqualTo(1);
            assertThat(db.firstColumn("SELECT concat(toString(attrs), ' ', toString(codes), ' ', toString(loc)) FROM events"))
                    .containsExactly("{'a':255} {7:NULL} (1.5,'x')");
            assertThat(changes(new MateyTools(ws.matey()).dataApply(target(ws), db.url().raw(), "all"), 1)).isZero();
        }
    }

    @Test
    void aReplacingMergeTreeIsReadAsItSettlesSoApplyIsANoOpAlsoAfterAMerge() throws Exception {
        TestWorkspace ws = workspace("001_users.sql", "CREATE TABLE users (user_id UInt32, name String, updated_at UInt32) "
                + "ENGINE = ReplacingMergeTree(updated_at) ORDER BY user_id;",
                "{ name = \"users\", table = \"users\", mode = \"upsert\", on = [\"user_id\", \"updated_at\"] }");
        try (TestDatabase db = bootstrapped(ws)) {
            Matey matey = ws.matey();
            db.execute("INSERT INTO users VALUES (1, 'old', 1)");
            db.execute("INSERT INTO users VALUES (1, 'new', 2)");
            new MateyTools(matey).dataExport(target(ws), db.url().raw(), "all");
            assertThat(ws.read(TestWorkspace.TARGET + "/data/users.jsonl")).as("the superseded version is not exported")
                    .isEqualTo("{\"name\": \"new\", \"updated_at\": 2, \"user_id\": 1}\n");
            assertThat(changes(new MateyTools(matey).dataApply(target(ws), db.url().raw(), "all"))).isZero();

            data(ws, "users", "{\"name\": \"newer\", \"updated_at\": 3, \"user_id\": 1}");
            assertThat(new MateyTools(matey).dataApply(target(ws), db.url().raw(), "all").files().get(0).updated()).isEqualTo(1);
            assertThat(changes(new MateyTools(matey).dataApply(target(ws), db.url().raw(), "all"))).isZero();
            db.execute("OPTIMIZE TABLE users FINAL");
            assertThat(changes(new MateyTools(matey).dataApply(target(ws), db.url().raw(), "all"))).as("settled after the merge too").isZero();
            assertThat(db.firstColumn("SELECT name FROM users")).containsExactly("newer");
        }
    }

    /**
     * Key columns whose names the sorting key quotes ({@code `a.b`}, a keyword, non-ASCII letters, an escaped
     * backtick) key rows as others do: replace updates in place and settles, upsert needs no {@code on}, export orders
     * by them without {@code order_by}.
     */
    @Test
    void quotedKeyColumnsKeyRowsAsOthersDo() throws Exception {
        TestWorkspace ws = workspace("001_dotted.sql", "CREATE TABLE dotted (`a.b` UInt64, v String) ENGINE = MergeTree "
                + "ORDER BY `a.b`;", "{ name = \"dotted\", table = \"dotted\", mode = \"replace\" }");
        settlesAndUpdatesInPlace(ws, "dotted", "{\"a.b\": 1, \"v\": \"a\"}\n{\"a.b\": 2, \"v\": \"b\"}\n",
                "{\"a.b\": 1, \"v\": \"c\"}", "SELECT v FROM dotted", "c");

        ws.migration("002_odd.sql", "CREATE TABLE odd (`select` UInt64, `größe` String, `it``s` UInt8, v String) "
                + "ENGINE = MergeTree ORDER BY (`select`, `größe`, `it``s`);", "DROP TABLE odd;");
        manifest(ws, "{ name = \"odd\", table = \"odd\", mode = \"upsert\" }");
        ws.apply();
        try (TestDatabase db = bootstrapped(ws)) {
            data(ws, "odd", "{\"größe\": \"XL\", \"it`s\": 1, \"select\": 2, \"v\": \"a\"}",
                    "{\"größe\": \"S\", \"it`s\": 0, \"select\": 1, \"v\": \"b\"}");
            assertThat(new MateyTools(ws.matey()).dataApply(target(ws), db.url().raw(), "all").files().get(0).inserted()).isEqualTo(2);
            data(ws, "odd", "{\"größe\": \"XL\", \"it`s\": 1, \"select\": 2, \"v\": \"c\"}");
            assertThat(new MateyTools(ws.matey()).dataApply(target(ws), db.url().raw(), "all").files().get(0).updated()).isEqualTo(1);
            assertThat(changes(new MateyTools(ws.matey()).dataApply(target(ws), db.url().raw(), "all"))).isZero();
            new MateyTools(ws.matey()).dataExport(target(ws), db.url().raw(), "all");
            assertThat(ws.read(TestWorkspace.TARGET + "/data/odd.jsonl")).as("ordered by the key")
                    .isEqualTo("{\"größe\": \"S\", \"it`s\": 0, \"select\": 1, \"v\": \"b\"}\n"
                            + "{\"größe\": \"XL\", \"it`s\": 1, \"select\": 2, \"v\": \"c\"}\n");
        }
    }

    /**
     * A JSON column with parameters (a path limit, a typed path, a skipped one) travels as JSON, and a
     * SimpleAggregateFunction column as its argument type (a number, a nullable string): applied, settled, exported
     * as written and updated in place.
     */
    @Test
    void parameterisedJsonAndSimpleAggregateFunctionsTravelAsTheirValues() throws Exception {
        TestWorkspace ws = workspace("001_totals.sql", "CREATE TABLE totals (id UInt64, "
                + "doc JSON(max_dynamic_paths = 16, a.b UInt32, SKIP c.d), total SimpleAggregateFunction(sum, UInt64), "
                + "last SimpleAggregateFunction(anyLast, Nullable(String))) ENGINE = MergeTree ORDER BY id;",
                "{ name = \"totals\", table = \"totals\", mode = \"replace\" }");
        settlesAndUpdatesInPlace(ws, "totals",
                "{\"doc\": {\"a\": {\"b\": 7}}, \"id\": 1, \"last\": null, \"total\": 5}\n"
                        + "{\"doc\": {\"a\": {\"b\": 0}, \"e\": \"f\"}, \"id\": 2, \"last\": \"x\", \"total\": 0}\n",
                "{\"doc\": {\"a\": {\"b\": 8}}, \"id\": 1, \"last\": \"y\", \"total\": 6}",
                "SELECT concat(toJSONString(doc), ' ', toString(total), ' ', last) FROM totals", "{\"a\":{\"b\":8}} 6 y");
    }

    /**
     * An AggregateFunction column's states and a Nested inside an array have no file form: export and apply refuse
     * the table at its data.toml entry, saying what to do, before reading a row (the driver's own errors name
     * nothing). The Array(Tuple(...)) the refusal suggests for the Nested travels.
     */
    @Test
    void aggregateStatesAndNestedInArraysAreRefusedBeforeAnyRowIsRead() throws Exception {
        TestWorkspace ws = workspace("001_agg.sql", "CREATE TABLE agg (k UInt64, u AggregateFunction(uniq, UInt64)) "
                + "ENGINE = AggregatingMergeTree ORDER BY k;", "{ name = \"agg\", table = \"agg\", mode = \"replace\" }");
        ws.migration("002_nest.sql", "CREATE TABLE nest (id UInt64, n Array(Nested(z String))) ENGINE = MergeTree "
                + "ORDER BY id;\nCREATE TABLE tuples (id UInt64, n Array(Array(Tuple(z String)))) ENGINE = MergeTree "
                + "ORDER BY id;", "DROP TABLE tuples;\nDROP TABLE nest;");
        ws.apply();
        try (TestDatabase db = bootstrapped(ws)) {
            db.execute("INSERT INTO agg SELECT 1, uniqState(toUInt64(5))");
            db.execute("INSERT INTO nest VALUES (1, [[('a')]])");
            data(ws, "agg", "{\"k\": 1, \"u\": \"x\"}");
            data(ws, "nest", "{\"id\": 1, \"n\": [[[\"a\"]]]}");
            String[][] refusals = {
                {"agg", "data file 'agg': column 'u' (AggregateFunction(uniq, UInt64)) of table 'agg' holds aggregate "
                        + "function states, which have no data file form. Leave the table out of the data set, or "
                        + "declare the column as a SimpleAggregateFunction"},
                {"nest", "data file 'nest': column 'n' (Array(Nested(z String))) of table 'nest' nests a Nested, which "
                        + "the ClickHouse driver cannot read. Leave the table out of the data set, or declare the column "
                        + "with Array(Tuple(...)) in place of each Nested(...)"}};
            for (String[] refusal : refusals) {
                manifest(ws, "{ name = \"" + refusal[0] + "\", table = \"" + refusal[0] + "\", mode = \"replace\" }");
                List<ThrowableAssert.ThrowingCallable> commands = List.of(
                        () -> new MateyTools(ws.matey()).dataExport(target(ws), db.url().raw(), "all"),
                        () -> new MateyTools(ws.matey()).dataApply(target(ws), db.url().raw(), "all"));
                for (ThrowableAssert.ThrowingCallable command : commands) {
                    assertThatThrownBy(command).isInstanceOf(MateyException.class)
                            .hasMessageContaining("data/data.toml:2: data set 'all', file 1: " + refusal[1]);
                }
            }
            assertThat(db.firstColumn("SELECT count() FROM nest")).as("nothing was written").containsExactly("1");

            manifest(ws, "{ name = \"tuples\", table = \"tuples\", mode = \"replace\" }");
            data(ws, "tuples", "{\"id\": 1, \"n\": [[[\"a\"]]]}");
            assertThat(new MateyTools(ws.matey()).dataApply(target(ws), db.url().raw(), "all").files().get(0).inserted()).isEqualTo(1);
            assertThat(changes(new MateyTools(ws.matey()).dataApply(target(ws), db.url().raw(), "all"))).isZero();
        }
    }

    /**
     * A null in a nullable sorting key column matches no row (null equals nothing), so a row with one is refused by
     * line, saying to key the file by other columns; keyed by them, the row applies and settles.
     */
    @Test
    void aNullInANullableKeyIsRefusedSayingToKeyTheFileByOtherColumns() throws Exception {
        TestWorkspace ws = workspace("001_nk.sql", "CREATE TABLE nk (a Nullable(UInt64), b String) ENGINE = MergeTree "
                + "ORDER BY (a, b) SETTINGS allow_nullable_key = 1;", "{ name = \"nk\", table = \"nk\", mode = \"replace\" }");
        try (TestDatabase db = bootstrapped(ws)) {
            data(ws, "nk", "{\"a\": 1, \"b\": \"y\"}", "{\"a\": null, \"b\": \"x\"}");
            applyRefused(ws, db, ws.target().resolve("data/nk.jsonl") + ":2: the row has null in key column 'a', "
                    + "and rows are matched by their key, where null equals nothing. Give it a value, or key the "
                    + "data file by columns that hold none (on = [...] in its data/data.toml entry).");
            manifest(ws, "{ name = \"nk\", table = \"nk\", mode = \"replace\", on = [\"b\"] }");
            assertThat(new MateyTools(ws.matey()).dataApply(target(ws), db.url().raw(), "all").files().get(0).inserted()).isEqualTo(2);
            assertThat(changes(new MateyTools(ws.matey()).dataApply(target(ws), db.url().raw(), "all"))).isZero();
        }
    }

    /**
     * A row the table would not keep as written, so that every apply would write it again, is refused by line before
     * any write: one a ReplacingMergeTree's is_deleted marks deleted (FINAL hides it), and a value whose column TTL
     * has already expired (ClickHouse clears it). The same rows not deleted, and the expired row without the value,
     * apply and settle.
     */
    @Test
    void rowsTheTableWouldNotKeepAsWrittenAreRefusedByLine() throws Exception {
        TestWorkspace ws = workspace("001_visits.sql", "CREATE TABLE visits (id UInt64, ts DateTime, "
                + "referrer Nullable(String) TTL ts + INTERVAL 30 DAY) ENGINE = MergeTree ORDER BY id;",
                "{ name = \"visits\", table = \"visits\", mode = \"replace\" },"
                        + " { name = \"flags\", table = \"flags\", mode = \"replace\" }");
        ws.migration("002_flags.sql", "CREATE TABLE flags (id UInt64, version UInt64, is_deleted UInt8, v String) "
                + "ENGINE = ReplacingMergeTree(version, is_deleted) ORDER BY id;", "DROP TABLE flags;");
        ws.apply();
        try (TestDatabase db = bootstrapped(ws)) {
            data(ws, "visits", "{\"id\": 1, \"referrer\": \"a\", \"ts\": \"2099-01-01T00:00:00\"}",
                    "{\"id\": 2, \"referrer\": \"b\", \"ts\": \"2020-01-01T00:00:00\"}");
            data(ws, "flags", "{\"id\": 1, \"is_deleted\": 0, \"v\": \"a\", \"version\": 1}",
                    "{\"id\": 2, \"is_deleted\": 1, \"v\": \"b\", \"version\": 1}");
            applyRefused(ws, db, ws.target().resolve("data/visits.jsonl") + ":2: column 'referrer': its TTL "
                    + "ts + toIntervalDay(30) has already expired for this row, so ClickHouse clears the value to "
                    + "the column's default as it writes it (or at a merge), and the table would differ from the "
                    + "file at every apply. Leave the column out of the row");
            data(ws, "visits", "{\"id\": 1, \"referrer\": \"a\", \"ts\": \"2099-01-01T00:00:00\"}",
                    "{\"id\": 2, \"referrer\": null, \"ts\": \"2020-01-01T00:00:00\"}");
            applyRefused(ws, db, ws.target().resolve("data/flags.jsonl") + ":2: the row sets 'is_deleted' to 1, "
                    + "which marks it deleted in table 'flags' (ReplacingMergeTree): FINAL, which apply compares "
                    + "with, and merges hide it, so every apply would write it again. Leave the row out of the file");
            assertThat(db.firstColumn("SELECT count() FROM visits")).as("nothing was written").containsExactly("0");

            data(ws, "flags", "{\"id\": 1, \"is_deleted\": 0, \"v\": \"a\", \"version\": 1}");
            assertThat(new MateyTools(ws.matey()).dataApply(target(ws), db.url().raw(), "all").files())
                    .extracting(f -> f.inserted()).containsExactly(2, 1);
            assertThat(changes(new MateyTools(ws.matey()).dataApply(target(ws), db.url().raw(), "all"), 0)
                    + changes(new MateyTools(ws.matey()).dataApply(target(ws), db.url().raw(), "all"), 1)).isZero();
        }
    }

    private static void applyRefused(TestWorkspace ws, TestDatabase db, String message) {
        assertThatThrownBy(() -> new MateyTools(ws.matey()).dataApply(target(ws), db.url().raw(), "all"))
                .isInstanceOf(MateyException.class).hasMessageContaining(message);
    }

    /**
     * Each bad row (the good row with {@code bad[0]} replaced by {@code bad[1]}, as line 2 of the file) is refused
     * by file, line and {@code bad[2]}, and nothing of the set (the {@code plans} file before it) is written.
     */
    private static void refusedByLineBeforeAnyWrite(TestWorkspace ws, TestDatabase db, String file, String good,
            String[][] bads) throws SQLException {
        for (String[] bad : bads) {
            data(ws, file, "{" + good + "}", "{" + good.replace("\"id\": 1", "\"id\": 2").replace(bad[0], bad[1]) + "}");
            assertThatThrownBy(() -> new MateyTools(ws.matey()).dataApply(target(ws), db.url().raw(), "all"))
                    .isInstanceOf(MateyException.class)
                    .hasMessageContaining(ws.target().resolve("data/" + file + ".jsonl") + ":2: column " + bad[2]);
        }
        assertThat(db.firstColumn("SELECT count() FROM plans")).as("nothing was written").containsExactly("0");
    }

    /**
     * A date or time inside an array, a Nested, a tuple or a map (a value or a key), also behind Nullable, is refused
     * by file, line and column as the same value in a column of its type is: a finer fraction than its precision, an
     * offset where its type has no zone, a local time its zone skips, a date out of range. Inside them, dates and
     * timestamp keys read back as the file's, so apply settles and export writes each at its type's precision.
     */
    @Test
    void datesAndTimesInsideArraysTuplesAndMapsAreRefusedAsInAColumn() throws Exception {
        TestWorkspace ws = workspace("001_plans.sql", "CREATE TABLE plans (id UInt32, name String) ENGINE = MergeTree ORDER BY id;",
                "{ name = \"plans\", table = \"plans\", mode = \"insert\" }, { name = \"times\", table = \"times\", mode = \"replace\" }");
        ws.migration("002_times.sql", "CREATE TABLE times (id UInt32, a Array(Nullable(DateTime64(3, 'Europe/Berlin'))), "
                + "days Array(Date), tu Tuple(at DateTime64(3), d Date), m Map(String, DateTime('Europe/Berlin')), "
                + "byt Map(DateTime, String), n Nested(at DateTime64(2), d Date32), nz Nullable(DateTime64(3))) "
                + "ENGINE = MergeTree ORDER BY id;", "DROP TABLE times;");
        ws.apply();
        String good = "\"id\": 1, \"a\": [\"2024-03-31T01:30:00\", null], \"days\": [\"2024-01-02\"], "
                + "\"tu\": [\"2024-01-02T10:00:00.1\", \"2024-01-03\"], \"m\": {\"k\": \"2024-01-02 10:00:00\"}, "
                + "\"byt\": {\"2024-01-02 10:00:00\": \"x\"}, \"n.at\": [\"2024-01-02T10:00:00.12\"], \"n.d\": [\"1950-01-01\"], "
                + "\"nz\": \"2024-01-02T10:00:00.5\"";
        try (TestDatabase db = bootstrapped(ws)) {
            data(ws, "plans", "{\"id\": 1, \"name\": \"free\"}");
            refusedByLineBeforeAnyWrite(ws, db, "times", good, new String[][] {
                    {"01:30:00\"", "02:30:00\"", "'a' (Array(Nullable(DateTime64(3, 'Europe/Berlin')))): 2024-03-31 02:30:00 "
                            + "does not exist in Europe/Berlin (its clocks skip it), so ClickHouse would store another time: "
                            + "write 2024-03-31 03:30:00, the same instant"},
                    {"01:30:00\"", "01:30:00+01:00\"", "'a' (Array(Nullable(DateTime64(3, 'Europe/Berlin')))): "
                            + "\"2024-03-31T01:30:00+01:00\" has a UTC offset, but data files write Nullable(DateTime64(3, "
                            + "'Europe/Berlin')) as its local time in Europe/Berlin, without one: write \"2024-03-31T01:30:00\""},
                    {"[\"2024-01-02\"]", "[\"2150-01-01\"]", "'days' (Array(Date)): 2150-01-01 is out of range"},
                    {"10:00:00.1\"", "10:00:00.1234\"", "'tu' (Tuple(at DateTime64(3), d Date)): element 1 'at' (DateTime64(3)): "
                            + "2024-01-02T10:00:00.123400 has more than 3 digit(s) after the point"},
                    {"10:00:00.1\"", "10:00:00Z\"", "'tu' (Tuple(at DateTime64(3), d Date)): element 1 'at' (DateTime64(3)): "
                            + "\"2024-01-02T10:00:00Z\" has a UTC offset, but the column has no time zone"},
                    {"\"2024-01-03\"]", "\"1969-12-31\"]", "'tu' (Tuple(at DateTime64(3), d Date)): element 2 'd' (Date): "
                            + "1969-12-31 is out of range [1970-01-01, 2149-06-06]"},
                    {"\"k\": \"2024-01-02 10:00:00\"", "\"k\": \"2200-01-01 00:00:00\"", "'m' (Map(String, "
                            + "DateTime('Europe/Berlin'))): the value of key \"k\" (DateTime('Europe/Berlin')): 2200-01-01 00:00:00 "
                            + "is out of range [1970-01-01 01:00:00, 2106-02-07 07:28:15] in Europe/Berlin"},
                    {"\"k\": \"2024-01-02 10:00:00\"", "\"k\": \"2024-01-02 10:00:00Z\"", "'m' (Map(String, "
                            + "DateTime('Europe/Berlin'))): the value of key \"k\" (DateTime('Europe/Berlin')): "
                            + "\"2024-01-02 10:00:00Z\" has a UTC offset, but data files write DateTime('Europe/Berlin') as its "
                            + "local time in Europe/Berlin, without one: write \"2024-01-02T11:00:00\""},
                    {"{\"2024-01-02 10:00:00\": \"x\"}", "{\"2024-01-02 10:00:00.5\": \"x\"}", "'byt' (Map(DateTime, String)): "
                            + "key \"2024-01-02 10:00:00.5\" (DateTime): 2024-01-02T10:00:00.500000 has more than 0 digit(s)"},
                    {"{\"2024-01-02 10:00:00\": \"x\"}", "{\"2024-01-02 10:00:00\": \"x\", \"2024-01-02T10:00:00\": \"y\"}",
                            "'byt' (Map(DateTime, String)): keys \"2024-01-02 10:00:00\" and \"2024-01-02T10:00:00\" are the "
                            + "same DateTime key; write it once"},
                    {"10:00:00.12\"", "10:00:00.123\"", "'n.at' (Array(DateTime64(2))): 2024-01-02T10:00:00.123000 has more "
                            + "than 2 digit(s) after the point"},
                    {"[\"1950-01-01\"]", "[\"1899-12-31\"]", "'n.d' (Array(Date32)): 1899-12-31 is out of range"},
                    {"10:00:00.5\"", "10:00:00.5001\"", "'nz' (Nullable(DateTime64(3))): 2024-01-02T10:00:00.500100 has more "
                            + "than 3 digit(s) after the point"}});

            data(ws, "times", "{" + good + "}");
            assertThat(new MateyTools(ws.matey()).dataApply(target(ws), db.url().raw(), "all").files().get(1).inserted()).isEqualTo(1);
            settlesAndExportsAs(ws, db, "times", "{\"a\": [\"2024-03-31T01:30:00.000\", null], "
                    + "\"byt\": {\"2024-01-02T10:00:00\": \"x\"}, \"days\": [\"2024-01-02\"], \"id\": 1, "
                    + "\"m\": {\"k\": \"2024-01-02T10:00:00\"}, \"n.at\": [\"2024-01-02T10:00:00.12\"], \"n.d\": [\"1950-01-01\"], "
                    + "\"nz\": \"2024-01-02T10:00:00.500\", \"tu\": [\"2024-01-02T10:00:00.100\", \"2024-01-03\"]}\n");
        }
    }

    /**
     * A date or time outside its type's range, which ClickHouse would clamp (2200-12-01 in a DateTime is stored as
     * 2106-02-07 06:28:15), is refused by file, line and column before any table is written; the limits themselves
     * are applied and read back as written. A DateTime's limits are instants, shown in the column's time zone.
     */
    @Test
    void datesAndTimesOutsideTheirTypesRangeAreRefusedByLine() throws Exception {
        TestWorkspace ws = workspace("001_plans.sql", "CREATE TABLE plans (id UInt32, name String) ENGINE = MergeTree ORDER BY id;",
                "{ name = \"plans\", table = \"plans\", mode = \"insert\" }, { name = \"times\", table = \"times\", mode = \"replace\" }");
        ws.migration("002_times.sql", "CREATE TABLE times (id UInt32, ts DateTime, d Date, d32 Date32, t64 DateTime64(3), "
                + "tokyo DateTime('Asia/Tokyo'), many Array(DateTime)) ENGINE = MergeTree ORDER BY id;", "DROP TABLE times;");
        ws.apply();
        String limits = "\"id\": 1, \"ts\": \"2106-02-07T06:28:15\", \"d\": \"2149-06-06\", \"d32\": \"1900-01-01\", "
                + "\"t64\": \"1900-01-01T00:00:00\", \"tokyo\": \"1970-01-01T09:00:00\", \"many\": [\"2024-05-01T10:00:00\"]";
        try (TestDatabase db = bootstrapped(ws)) {
            data(ws, "plans", "{\"id\": 1, \"name\": \"free\"}");
            String path = ws.target().resolve("data/times.jsonl") + ":2: column ";
            for (String[] bad : new String[][] {
                    {"\"ts\": \"2106-02-07T06:28:15\"", "\"ts\": \"2200-12-01T00:00:00\"",
                            "'ts' (DateTime): 2200-12-01 00:00:00 is out of range [1970-01-01 00:00:00, 2106-02-07 06:28:15]."},
                    {"\"ts\": \"2106-02-07T06:28:15\"", "\"ts\": \"1960-01-01T00:00:00\"",
                            "'ts' (DateTime): 1960-01-01 00:00:00 is out of range [1970-01-01 00:00:00, 2106-02-07 06:28:15]."},
                    {"\"d\": \"2149-06-06\"", "\"d\": \"2149-06-07\"", "'d' (Date): 2149-06-07 is out of range [1970-01-01, 2149-06-06]."},
                    {"\"d32\": \"1900-01-01\"", "\"d32\": \"1899-12-31\"",
                            "'d32' (Date32): 1899-12-31 is out of range [1900-01-01, 2299-12-31]."},
                    {"\"t64\": \"1900-01-01T00:00:00\"", "\"t64\": \"2300-01-01T00:00:00.5\"", "'t64' (DateTime64(3)): "
                            + "2300-01-01 00:00:00.5 is out of range [1900-01-01 00:00:00, 2299-12-31 23:59:59.99999999]."},
                    {"\"tokyo\": \"1970-01-01T09:00:00\"", "\"tokyo\": \"1970-01-01T08:59:59\"", "'tokyo' (DateTime('Asia/Tokyo')): "
                            + "1970-01-01 08:59:59 is out of range [1970-01-01 09:00:00, 2106-02-07 15:28:15] in Asia/Tokyo."},
                    {"\"many\": [\"2024-05-01T10:00:00\"]", "\"many\": [\"1970-01-01T00:00:00\", \"2200-01-01T00:00:00\"]",
                            "'many' (Array(DateTime)): 2200-01-01 00:00:00 is out of range"}}) {
                data(ws, "times", "{" + limits + "}", "{" + limits.replace("\"id\": 1", "\"id\": 2").replace(bad[0], bad[1]) + "}");
                assertThatThrownBy(() -> new MateyTools(ws.matey()).dataApply(target(ws), db.url().raw(), "all"))
                        .isInstanceOf(MateyException.class).hasMessageContaining(path + bad[2]);
            }
            assertThat(db.firstColumn("SELECT count() FROM plans")).as("nothing was written").containsExactly("0");

            data(ws, "times", "{" + limits + "}");
            assertThat(new MateyTools(ws.matey()).dataApply(target(ws), db.url().raw(), "all").files().get(1).inserted()).isEqualTo(1);
            assertThat(db.firstColumn("SELECT concat(toString(ts), ' ', toString(d), ' ', toString(tokyo), ' ', toString(many)) "
                    + "FROM times")).containsExactly("2106-02-07 06:28:15 2149-06-06 1970-01-01 09:00:00 ['2024-05-01 10:00:00']");
            DataApplyResult again = new MateyTools(ws.matey()).dataApply(target(ws), db.url().raw(), "all");
            assertThat(again.files().get(1).updated() + again.files().get(1).inserted()).as("the limits read back as written")
                    .isZero();
        }
    }

    private static int changes(DataApplyResult result) {
        return changes(result, 0);
    }

    private static int changes(DataApplyResult result, int file) {
        return result.files().get(file).inserted() + result.files().get(file).updated() + result.files().get(file).deleted();
    }

    /**
     * A write that outlasts the URL's socket_timeout (a materialized view sleeps on each inserted row) fails, as a
     * migration statement does, naming the masked URL, the timeout in effect and how to raise it; it is cancelled on
     * the server (KILL QUERY on the connection's tag) rather than left to run on.
     */
    @Test
    void aWriteThatOutlastsTheReadTimeoutNamesTheDatabaseTheTimeoutAndTheCure() throws Exception {
        TestWorkspace ws = workspace("001_plans.sql", "CREATE TABLE plans (id UInt32, name String) ENGINE = MergeTree ORDER BY id;",
                "{ name = \"plans\", table = \"plans\", mode = \"upsert\", on = [\"id\"] }");
        ws.migration("002_slow.sql", "CREATE MATERIALIZED VIEW slow ENGINE = MergeTree ORDER BY id AS SELECT id, "
                + "sleepEachRow(1) AS slept FROM plans;", "DROP TABLE slow;");
        ws.apply();
        try (TestDatabase db = bootstrapped(ws)) {
            data(ws, "plans", "{\"id\": 1, \"name\": \"a\"}", "{\"id\": 2, \"name\": \"b\"}",
                    "{\"id\": 3, \"name\": \"c\"}");
            String url = db.url().raw() + (db.url().raw().contains("?") ? "&" : "?") + "socket_timeout=1500";

            assertThatThrownBy(() -> new MateyTools(ws.matey()).dataApply(target(ws), url, "all"))
                    .isInstanceOf(MateyException.class)
                    .hasMessageContaining("data apply failed writing table 'plans' from data file 'plans': ClickHouse at "
                            + MateyUrl.parse(url) + " sent no answer within socket_timeout (1500 ms, as the URL sets it). "
                            + "If the statement needs longer, raise it on the URL (`socket_timeout=<milliseconds>`, e.g. "
                            + "socket_timeout=7200000 for two hours). Matey cancelled the statement on the server, where "
                            + "it would have run on. The clickhouse engine has no transactions")
                    .hasMessageNotContaining(TestDatabase.serverBase("clickhouse").password());
            Thread.sleep(3000);
            try (Connection c = db.connect()) {
                assertThat(TestDatabase.firstValue(c, "SELECT count() FROM slow")).as("cancelled, not run on").isEqualTo("0");
            }
        }
    }

    /**
     * A read of data export, or of data apply comparing a file with its table before writing any file (its key leaves
     * a sorting key column immutable), that outlasts the URL's socket_timeout (the URL's additional_table_filters make
     * reading the table sleep a second a row, a block each) is cancelled on the server as a write is (KILL QUERY on the
     * connection's tag), not left to run on.
     */
    @Test
    void aReadThatOutlastsTheReadTimeoutIsCancelledOnTheServer() throws Exception {
        TestWorkspace ws = workspace("001_plans.sql", "CREATE TABLE plans (id UInt32, name String) ENGINE = MergeTree "
                + "ORDER BY (id, name) SETTINGS index_granularity = 1;", "{ name = \"plans\", table = \"plans\", mode = \"upsert\", on = [\"id\"] }");
        try (TestDatabase db = bootstrapped(ws); Connection c = db.connect(); Statement st = c.createStatement()) {
            st.execute("INSERT INTO plans SELECT number, 'p' FROM numbers(8)");
            data(ws, "plans", "{\"id\": 1, \"name\": \"a\"}");
            String filter = URLEncoder.encode("{'plans':'sleepEachRow(1) = 0'}", StandardCharsets.UTF_8).replace("+", "%20");
            String url = db.url().raw() + (db.url().raw().contains("?") ? "&" : "?") + "socket_timeout=1000"
                    + "&clickhouse_setting_max_threads=1&clickhouse_setting_max_block_size=1"
                    + "&clickhouse_setting_additional_table_filters=" + filter;
            String running = "SELECT count() FROM system.processes WHERE Settings['additional_table_filters'] LIKE "
                    + "'%sleepEachRow%' AND current_database = currentDatabase()";
            List<ThrowableAssert.ThrowingCallable> reads = List.of(() -> new MateyTools(ws.matey()).dataExport(target(ws), url, "all"),
                    () -> new MateyTools(ws.matey()).dataApply(target(ws), url, "all"));
            for (ThrowableAssert.ThrowingCallable read : reads) {
                assertThatThrownBy(read).isInstanceOf(MateyException.class)
                        .hasMessageContaining("ClickHouse at " + MateyUrl.parse(url) + " sent no answer within "
                                + "socket_timeout (1000 ms, as the URL sets it).")
                        .hasMessageContaining("Matey cancelled the statement on the server, where it would have run on.")
                        .hasMessageNotContaining(TestDatabase.serverBase("clickhouse").password());
                Thread.sleep(2500); // a killed query stops after its block, an uncancelled one reads 8 s
                assertThat(TestDatabase.firstValue(c, running)).as("cancelled, not run on").isEqualTo("0");
            }
        }
    }

    private TestWorkspace workspace(String migration, String up, String files) {
        TestWorkspace ws = new TestWorkspace(dir, "clickhouse");
        String table = up.substring("CREATE TABLE ".length()).split("\\s")[0];
        ws.migration(migration, up, "DROP TABLE " + table + ";");
        manifest(ws, files);
        ws.apply();
        return ws;
    }

    private static void manifest(TestWorkspace ws, String files) {
        ws.write(TestWorkspace.TARGET + "/data/data.toml", "[all]\nfiles = [" + files + "]\n");
    }

    private static TestDatabase bootstrapped(TestWorkspace ws) {
        TestDatabase db = TestDatabase.unborn("clickhouse");
        ws.matey().dbBootstrap(target(ws), db.url().raw(), line -> { });
        return db;
    }

    private static TargetConfig target(TestWorkspace ws) {
        return ws.matey().target(TestWorkspace.TARGET);
    }

    private static void data(TestWorkspace ws, String name, String... lines) {
        ws.write(TestWorkspace.TARGET + "/data/" + name + ".jsonl", String.join("\n", lines) + "\n");
    }
}
