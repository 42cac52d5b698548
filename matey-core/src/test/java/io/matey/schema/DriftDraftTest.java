package io.matey.schema;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DriftDraftTest {

    private static final String COMMITTED = "CREATE TABLE notes (\n    id INTEGER PRIMARY KEY,\n    title TEXT\n);\n\n"
            + "CREATE INDEX notes_by_id ON notes (id);\n";

    @Test
    void anObjectAddedOutOfBandIsCreatedInUpAndDroppedInDown() {
        String live = COMMITTED + "\nCREATE INDEX notes_title ON notes (title);\n";
        assertThat(DriftDraft.of(live, COMMITTED)).isEqualTo("-- migrate:up\nCREATE INDEX notes_title ON notes (title);"
                + "\n\n-- migrate:down\nDROP INDEX notes_title;\n");
    }

    @Test
    void anObjectDroppedOutOfBandIsDroppedInUpAndCreatedInDown() {
        String live = "CREATE TABLE notes (\n    id INTEGER PRIMARY KEY,\n    title TEXT\n);\n";
        assertThat(DriftDraft.of(live, COMMITTED)).isEqualTo("-- migrate:up\nDROP INDEX notes_by_id;\n\n"
                + "-- migrate:down\nCREATE INDEX notes_by_id ON notes (id);\n");
    }

    @Test
    void aChangedObjectIsLeftToTheAuthorWithBothDefinitions() {
        String live = COMMITTED.replace("title TEXT", "title TEXT NOT NULL");
        assertThat(DriftDraft.of(live, COMMITTED)).contains("-- Changed out of band", "--     title TEXT\n",
                "--     title TEXT NOT NULL", "-- Undo the change above");
    }

    @Test
    void theMigrationsBlockIsNotPartOfTheDraft() {
        String live = COMMITTED + "\n-- Dbmate schema migrations\nINSERT INTO schema_migrations VALUES ('1');\n";
        assertThat(DriftDraft.of(live, COMMITTED)).isEqualTo("-- migrate:up\n\n\n-- migrate:down\n\n");
    }
}
