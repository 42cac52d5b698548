package io.matey.schema;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DriftDraftTest {

    private static final String COMMITTED = "CREATE TABLE notes (\n    id INTEGER PRIMARY KEY,\n    title TEXT\n);\n\n"
            + "CREATE INDEX notes_by_id ON notes (id);\n";

    @Test
    void anObjectAddedOutOfBandIsCreatedInUpAndDroppedInDown() {
        String live = COMMITTED + "\nCREATE INDEX notes_title ON notes (title);\n";
        assertThat(DriftDraft.of(live, COMMITTED, DraftDialect.FIXED_CONSTRAINTS)).isEqualTo("-- migrate:up\nCREATE INDEX notes_title ON notes (title);"
                + "\n\n-- migrate:down\nDROP INDEX notes_title;\n");
    }

    /** PostgreSQL's dump names an index bare, in its table's schema: the drop names that schema. */
    @Test
    void anIndexOnATableInAnotherSchemaIsDroppedWithThatSchema() {
        String committed = "CREATE TABLE app.flags (\n    key text\n);\n";
        String live = committed + "\nCREATE INDEX flags_key_lower_idx ON app.flags USING btree (lower(key));\n";
        assertThat(DriftDraft.of(live, committed, DraftDialect.FIXED_CONSTRAINTS)).isEqualTo(draft(
                "CREATE INDEX flags_key_lower_idx ON app.flags USING btree (lower(key));",
                "DROP INDEX app.flags_key_lower_idx;"));
    }

    @Test
    void aQuotedNameWithASpaceIsDroppedWhole() {
        String live = COMMITTED + "\nCREATE TABLE app.\"Odd Table\" (\n    id integer\n);\n";
        assertThat(DriftDraft.of(live, COMMITTED, DraftDialect.FIXED_CONSTRAINTS)).endsWith("-- migrate:down\nDROP TABLE app.\"Odd Table\";\n");
    }

    @Test
    void anObjectDroppedOutOfBandIsDroppedInUpAndCreatedInDown() {
        String live = "CREATE TABLE notes (\n    id INTEGER PRIMARY KEY,\n    title TEXT\n);\n";
        assertThat(DriftDraft.of(live, COMMITTED, DraftDialect.FIXED_CONSTRAINTS)).isEqualTo(draft("DROP INDEX notes_by_id;",
                "CREATE INDEX notes_by_id ON notes (id);"));
    }

    /** A privilege granted or revoked by hand is kept with its own statement and undone with the other verb. */
    @Test
    void aPrivilegeChangedOutOfBandIsDraftedWithItsUndo() {
        String committed = "CREATE TABLE app.flags (\n    key text\n);\n\nGRANT SELECT ON TABLE app.flags TO reader;\n";
        String live = "CREATE TABLE app.flags (\n    key text\n);\n\n"
                + "GRANT INSERT, SELECT (key) ON TABLE app.flags TO \"Odd Role\" WITH GRANT OPTION;\n\n"
                + "ALTER DEFAULT PRIVILEGES IN SCHEMA app REVOKE EXECUTE ON FUNCTIONS FROM PUBLIC;\n";
        assertThat(DriftDraft.of(live, committed, DraftDialect.FIXED_CONSTRAINTS)).isEqualTo(draft(
                "GRANT INSERT, SELECT (key) ON TABLE app.flags TO \"Odd Role\" WITH GRANT OPTION;\n\n"
                        + "ALTER DEFAULT PRIVILEGES IN SCHEMA app REVOKE EXECUTE ON FUNCTIONS FROM PUBLIC;\n\n"
                        + "REVOKE SELECT ON TABLE app.flags FROM reader;",
                "GRANT SELECT ON TABLE app.flags TO reader;\n\n"
                        + "ALTER DEFAULT PRIVILEGES IN SCHEMA app GRANT EXECUTE ON FUNCTIONS TO PUBLIC;\n\n"
                        + "REVOKE INSERT, SELECT (key) ON TABLE app.flags FROM \"Odd Role\";"));
    }

    /** A grant option revoked from what an extension's member started with is given back with the privilege. */
    @Test
    void aRevokedGrantOptionIsUndoneByGrantingItAgain() {
        String live = "REVOKE GRANT OPTION FOR SELECT ON TABLE public.pg_buffercache FROM reader;\n";
        assertThat(DriftDraft.of(live, "", DraftDialect.FIXED_CONSTRAINTS)).isEqualTo(draft(
                "REVOKE GRANT OPTION FOR SELECT ON TABLE public.pg_buffercache FROM reader;",
                "GRANT SELECT ON TABLE public.pg_buffercache TO reader WITH GRANT OPTION;"));
    }

    @Test
    void aChangedObjectIsLeftToTheAuthorWithBothDefinitions() {
        String live = COMMITTED.replace("title TEXT", "title TEXT NOT NULL");
        assertThat(DriftDraft.of(live, COMMITTED, DraftDialect.FIXED_CONSTRAINTS)).contains("-- Changed out of band", "--     title TEXT\n",
                "--     title TEXT NOT NULL", "-- Undo the change above");
    }

    @Test
    void aReplacedFunctionWhoseResultChangedStaysAComment() {
        String committed = "CREATE OR REPLACE FUNCTION billing.next_ref()\n RETURNS text\n LANGUAGE sql\n"
                + "AS $function$ SELECT 'a' $function$;\n";
        String live = committed.replace("RETURNS text", "RETURNS integer").replace("'a'", "1");
        assertThat(DriftDraft.of(live, committed, DraftDialect.FIXED_CONSTRAINTS)).contains("-- Changed out of band", "--  RETURNS integer",
                "-- Undo the change above");
    }

    @Test
    void aCommentOnANameHoldingISIsKeyedByTheWholeName() {
        String committed = "CREATE TABLE \"a IS b\" (id integer);\n\nCOMMENT ON TABLE \"a IS b\" IS 'old';\n";
        String live = committed.replace("'old'", "'new'");
        assertThat(DriftDraft.of(live, committed, DraftDialect.FIXED_CONSTRAINTS)).isEqualTo(draft("COMMENT ON TABLE \"a IS b\" IS 'new';",
                "COMMENT ON TABLE \"a IS b\" IS 'old';"));
    }

    @Test
    void theMigrationsBlockIsNotPartOfTheDraft() {
        String live = COMMITTED + "\n-- Dbmate schema migrations\nINSERT INTO schema_migrations VALUES ('1');\n";
        assertThat(DriftDraft.of(live, COMMITTED, DraftDialect.FIXED_CONSTRAINTS)).isEqualTo("-- migrate:up\n\n\n-- migrate:down\n\n");
    }

    @Test
    void aColumnAddedOutOfBandIsAddedInUpAndDroppedInDown() {
        String live = COMMITTED.replace("title TEXT\n", "title TEXT,\n    \"Due, At\" TEXT DEFAULT 'a, b'\n");
        assertThat(DriftDraft.of(live, COMMITTED, DraftDialect.FIXED_CONSTRAINTS)).isEqualTo(draft(
                "ALTER TABLE notes ADD COLUMN \"Due, At\" TEXT DEFAULT 'a, b';",
                "ALTER TABLE notes DROP COLUMN \"Due, At\";"));
    }

    @Test
    void aColumnDroppedOutOfBandIsDroppedInUpAndAddedBackInDown() {
        String live = COMMITTED.replace(",\n    title TEXT", "");
        assertThat(DriftDraft.of(live, COMMITTED, DraftDialect.FIXED_CONSTRAINTS)).isEqualTo(draft("ALTER TABLE notes DROP COLUMN title;",
                "ALTER TABLE notes ADD COLUMN title TEXT;"));
    }

    @Test
    void tableTextOnOneLineIsSplitAtItsTopLevelCommas() {
        String committed = "CREATE TABLE t (a INT, b NUMERIC(10, 2), CHECK (a > 0));\n";
        String draft = DriftDraft.of(committed.replace("0))", "0), c TEXT)"), committed, DraftDialect.FIXED_CONSTRAINTS);
        assertThat(draft).isEqualTo(draft("ALTER TABLE t ADD COLUMN c TEXT;", "ALTER TABLE t DROP COLUMN c;"));
    }

    @Test
    void aChangedConstraintStaysACommentNamingIt() {
        String live = COMMITTED.replace("title TEXT\n", "title TEXT,\n    extra TEXT,\n    UNIQUE (title)\n");
        assertThat(DriftDraft.of(live, COMMITTED, DraftDialect.FIXED_CONSTRAINTS)).startsWith("-- migrate:up\nALTER TABLE notes ADD COLUMN extra TEXT;\n\n"
                + "-- Not drafted as SQL: constraints or keys.\n-- Changed out of band")
                .contains("-- migrate:down\n-- Undo the change above: back to\n")
                .endsWith("ALTER TABLE notes DROP COLUMN extra;\n");
    }

    /**
     * A projection is never a column: where the engine's ALTER TABLE cannot change it, it stays a comment; a column
     * that SQLite keeps named projection is one.
     */
    @Test
    void aProjectionIsNotAColumnButAColumnNamedProjectionIs() {
        String committed = "CREATE TABLE events\n(\n    `id` UInt32,\n    `grp` String\n)\nENGINE = MergeTree\nORDER BY id;\n";
        String live = committed.replace("String\n)", "String,\n    PROJECTION p\n    (\n        SELECT *\n        ORDER BY grp\n    )\n)");
        assertThat(DriftDraft.of(live, committed, DraftDialect.FIXED_CONSTRAINTS))
                .startsWith("-- migrate:up\n-- Not drafted as SQL: constraints or keys.\n").doesNotContain("COLUMN");
        String sqlite = "CREATE TABLE t (a INT);\n";
        assertThat(DriftDraft.of(sqlite.replace("INT)", "INT, projection VARCHAR(10))"), sqlite, DraftDialect.FIXED_CONSTRAINTS))
                .isEqualTo(draft("ALTER TABLE t ADD COLUMN projection VARCHAR(10);", "ALTER TABLE t DROP COLUMN projection;"));
    }

    @Test
    void aColumnThatAddColumnWouldPutElsewhereIsNamed() {
        String live = COMMITTED.replace("    id INTEGER PRIMARY KEY,\n", "    id INTEGER PRIMARY KEY,\n    extra TEXT,\n");
        assertThat(DriftDraft.of(live, COMMITTED, DraftDialect.FIXED_CONSTRAINTS)).contains("ALTER TABLE notes ADD COLUMN extra TEXT;",
                "-- Not drafted as SQL: column extra is not the live table's last (ADD COLUMN appends).");
        String dropped = COMMITTED.replace("    id INTEGER PRIMARY KEY,\n", "");
        assertThat(DriftDraft.of(dropped, COMMITTED, DraftDialect.FIXED_CONSTRAINTS)).contains("ALTER TABLE notes DROP COLUMN id;",
                "column id is not the committed table's last, so the down section adds it back at the end");
    }

    @Test
    void aChangedColumnIsNamed() {
        String live = COMMITTED.replace("title TEXT", "title TEXT NOT NULL");
        assertThat(DriftDraft.of(live, COMMITTED, DraftDialect.FIXED_CONSTRAINTS)).contains("-- Not drafted as SQL: column title changed.")
                .doesNotContain("ALTER TABLE");
    }

    @Test
    void tableOptionsAfterTheColumnListAreNotColumns() {
        String committed = "CREATE TABLE `t` (\n  `id` int NOT NULL,\n  PRIMARY KEY (`id`)\n) ENGINE=InnoDB"
                + " COMMENT='a (b)'\nPARTITION BY HASH (`id`)\nPARTITIONS 2;\n";
        String live = committed.replace("  `id` int NOT NULL,\n", "  `id` int NOT NULL,\n  `c` text DEFAULT NULL,\n");
        assertThat(DriftDraft.of(live, committed, DraftDialect.FIXED_CONSTRAINTS)).isEqualTo(draft("ALTER TABLE `t` ADD COLUMN `c` text DEFAULT NULL;",
                "ALTER TABLE `t` DROP COLUMN `c`;"));
    }

    /** The draft with one statement in each section. */
    private static String draft(String up, String down) {
        return "-- migrate:up\n" + up + "\n\n-- migrate:down\n" + down + "\n";
    }
}
