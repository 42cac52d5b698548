package io.matey.engine.sqlite;

import io.matey.testing.Construct;
import java.util.List;

/**
 * The SQLite construct corpus of issue 10: one migration per construct, each with an exact down section, in an
 * order where later ones may use earlier ones.
 */
public final class SqliteConstructs {

    public static final List<Construct> ALL = List.of(
            new Construct("without_rowid", """
                    CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
                    """, """
                    DROP TABLE settings;
                    """),
            new Construct("strict", """
                    CREATE TABLE measurements (id INTEGER PRIMARY KEY, value REAL NOT NULL, note TEXT, raw ANY) STRICT;
                    CREATE TABLE pairs (a INTEGER, b INTEGER, PRIMARY KEY (a, b)) STRICT, WITHOUT ROWID;
                    """, """
                    DROP TABLE pairs;
                    DROP TABLE measurements;
                    """),
            new Construct("generated_columns", """
                    CREATE TABLE line_items (
                      id INTEGER PRIMARY KEY,
                      quantity INTEGER NOT NULL,
                      price NUMERIC NOT NULL,
                      total NUMERIC GENERATED ALWAYS AS (quantity * price) STORED,
                      label TEXT AS ('#' || quantity) VIRTUAL
                    );
                    """, """
                    DROP TABLE line_items;
                    """),
            new Construct("check_in_lists", """
                    CREATE TABLE members (
                      id INTEGER PRIMARY KEY,
                      role TEXT NOT NULL CHECK (role IN ('owner', 'admin')),
                      status TEXT NOT NULL DEFAULT 'new',
                      CONSTRAINT members_status CHECK (status IN ('new', 'open', 'closed'))
                    );
                    """, """
                    DROP TABLE members;
                    """),
            new Construct("partial_and_expression_indexes", """
                    CREATE INDEX members_open ON members (id) WHERE status IN ('new', 'open');
                    CREATE UNIQUE INDEX members_role_lower ON members (lower(role), id DESC);
                    CREATE INDEX line_items_total ON line_items (quantity * price);
                    """, """
                    DROP INDEX line_items_total;
                    DROP INDEX members_role_lower;
                    DROP INDEX members_open;
                    """),
            new Construct("collations", """
                    CREATE TABLE handles (
                      handle TEXT COLLATE NOCASE PRIMARY KEY,
                      padded TEXT COLLATE RTRIM,
                      exact TEXT COLLATE BINARY
                    );
                    CREATE INDEX handles_padded ON handles (padded COLLATE NOCASE);
                    """, """
                    DROP TABLE handles;
                    """),
            new Construct("autoincrement", """
                    CREATE TABLE tickets (id INTEGER PRIMARY KEY AUTOINCREMENT, title TEXT NOT NULL);
                    """, """
                    DROP TABLE tickets;
                    """),
            new Construct("foreign_key_actions", """
                    CREATE TABLE authors (id INTEGER PRIMARY KEY, mentor_id INTEGER REFERENCES authors (id) ON DELETE SET NULL);
                    CREATE TABLE books (
                      id INTEGER PRIMARY KEY,
                      author_id INTEGER REFERENCES authors (id) ON DELETE CASCADE ON UPDATE CASCADE,
                      editor_id INTEGER NOT NULL,
                      FOREIGN KEY (editor_id) REFERENCES authors (id) ON DELETE RESTRICT DEFERRABLE INITIALLY DEFERRED
                    );
                    """, """
                    DROP TABLE books;
                    DROP TABLE authors;
                    """),
            new Construct("default_expressions", """
                    CREATE TABLE events (
                      id INTEGER PRIMARY KEY,
                      created_at TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP,
                      day TEXT DEFAULT (date('now')),
                      token TEXT DEFAULT (lower(hex(randomblob(8)))),
                      weight REAL DEFAULT -1.5,
                      payload BLOB DEFAULT x'00ff'
                    );
                    """, """
                    DROP TABLE events;
                    """),
            new Construct("altered_tables", """
                    CREATE TABLE IF NOT EXISTS "order lines" (
                      id INTEGER PRIMARY KEY, -- the line; its order follows
                      note TEXT DEFAULT 'a;b' /* a literal with a semicolon; and a comment */
                    );
                    ALTER TABLE "order lines" ADD COLUMN amount NUMERIC NOT NULL DEFAULT 0 CHECK (amount >= 0);
                    ALTER TABLE "order lines" RENAME COLUMN note TO remark;
                    CREATE TABLE old_name (id INTEGER PRIMARY KEY, line_id INTEGER REFERENCES "order lines" (id));
                    ALTER TABLE old_name RENAME TO renamed;
                    """, """
                    DROP TABLE renamed;
                    DROP TABLE "order lines";
                    """),
            // SQLite's documented table rebuild: RENAME stores the new name quoted, the dump writes it bare
            new Construct("table_rebuild", """
                    CREATE TABLE tickets_new (id INTEGER PRIMARY KEY AUTOINCREMENT, title TEXT NOT NULL, done INTEGER NOT NULL DEFAULT 0);
                    INSERT INTO tickets_new (id, title) SELECT id, title FROM tickets;
                    DROP TABLE tickets;
                    ALTER TABLE tickets_new RENAME TO tickets;
                    """, """
                    CREATE TABLE tickets_old (id INTEGER PRIMARY KEY AUTOINCREMENT, title TEXT NOT NULL);
                    INSERT INTO tickets_old SELECT id, title FROM tickets;
                    DROP TABLE tickets;
                    ALTER TABLE tickets_old RENAME TO tickets;
                    """),
            new Construct("views", """
                    CREATE VIEW admins AS SELECT id, role FROM members WHERE role IN ('owner', 'admin');
                    CREATE VIEW admin_count (total) AS SELECT count(*) FROM admins;
                    """, """
                    DROP VIEW admin_count;
                    DROP VIEW admins;
                    """),
            new Construct("triggers", """
                    CREATE TRIGGER members_opened AFTER UPDATE OF status ON members
                      WHEN NEW.status = 'open'
                    BEGIN
                      INSERT INTO events (id) VALUES (NEW.id);
                    END;
                    CREATE TRIGGER admins_insert INSTEAD OF INSERT ON admins
                    BEGIN
                      INSERT INTO members (id, role) VALUES (NEW.id, NEW.role);
                    END;
                    """, """
                    DROP TRIGGER admins_insert;
                    DROP TRIGGER members_opened;
                    """),
            // RENAME rewrites the table's name, quoted, in the triggers, the view and the indexes naming it: the
            // dump writes those references bare, so renaming back is an exact down
            new Construct("renamed_and_back", """
                    ALTER TABLE members RENAME TO people;
                    """, """
                    ALTER TABLE people RENAME TO members;
                    """),
            new Construct("fts5", """
                    CREATE VIRTUAL TABLE documents USING fts5 (title, body, tokenize = 'porter');
                    CREATE VIRTUAL TABLE ticket_search USING fts5 (title, content = 'tickets', content_rowid = 'id');
                    CREATE VIRTUAL TABLE document_terms USING fts5vocab (documents, row);
                    CREATE VIRTUAL TABLE notes_search USING fts4 (body);
                    CREATE VIRTUAL TABLE boxes USING rtree (id, min_x, max_x, min_y, max_y);
                    """, """
                    DROP TABLE boxes;
                    DROP TABLE notes_search;
                    DROP TABLE document_terms;
                    DROP TABLE ticket_search;
                    DROP TABLE documents;
                    """));

    private SqliteConstructs() {
    }
}
