package io.matey.engine.mysql;

import io.matey.testing.Construct;
import java.util.List;

/**
 * The MySQL/MariaDB construct corpus of issue 10, in the SQL both MariaDB servers of the matrix (10.11 and 11.4)
 * accept: one migration per construct, each with an exact down section, in an order where later ones may use
 * earlier ones.
 */
public final class MysqlConstructs {

    public static final List<Construct> ALL = List.of(
            new Construct("generated_columns", """
                    CREATE TABLE line_items (
                      id int NOT NULL AUTO_INCREMENT PRIMARY KEY,
                      quantity int NOT NULL,
                      price decimal(10,2) NOT NULL,
                      total decimal(12,2) AS (quantity * price) STORED,
                      label varchar(30) AS (concat('#', quantity, ' x ', price)) VIRTUAL,
                      KEY line_items_label (label)
                    ) AUTO_INCREMENT=100;
                    """, """
                    DROP TABLE line_items;
                    """),
            new Construct("check_in_lists", """
                    CREATE TABLE members (
                      id int PRIMARY KEY,
                      role varchar(10) NOT NULL CHECK (role IN ('owner', 'admin')),
                      status varchar(10) NOT NULL DEFAULT 'new',
                      CONSTRAINT members_status CHECK (status IN ('new', 'open', 'closed'))
                    );
                    """, """
                    DROP TABLE members;
                    """),
            new Construct("enum_set", """
                    CREATE TABLE preferences (
                      id int PRIMARY KEY,
                      mood enum('happy', 'sad', 'it''s complicated') NOT NULL DEFAULT 'happy',
                      channels set('mail', 'sms', 'push') DEFAULT 'mail,push'
                    );
                    """, """
                    DROP TABLE preferences;
                    """),
            new Construct("column_collations", """
                    CREATE TABLE labels (
                      id int PRIMARY KEY,
                      code varchar(20) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
                      name varchar(40) COLLATE utf8mb4_unicode_ci,
                      legacy varchar(40) CHARACTER SET latin1,
                      plain varchar(40),
                      UNIQUE KEY labels_code (code)
                    ) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
                    """, """
                    DROP TABLE labels;
                    """),
            new Construct("legacy_charset", """
                    CREATE TABLE legacy_codes (
                      id int PRIMARY KEY,
                      code varchar(10) NOT NULL DEFAULT 'ü' CHECK (code IN ('ü', 'a', 'b')),
                      label varchar(20) AS (concat('é-', code)) VIRTUAL,
                      note varchar(20) CHARACTER SET utf8mb4 DEFAULT 'ß',
                      CHECK (id > 0),
                      UNIQUE KEY (code)
                    ) DEFAULT CHARSET=latin1;
                    CREATE TABLE legacy_refs (id int PRIMARY KEY, code varchar(10), FOREIGN KEY (code) REFERENCES legacy_codes (code))
                      DEFAULT CHARSET=latin1;
                    CREATE VIEW legacy_umlauts AS SELECT id, code FROM legacy_codes WHERE code = 'ü' OR note LIKE 'ß%';
                    """, """
                    DROP VIEW legacy_umlauts;
                    DROP TABLE legacy_refs;
                    DROP TABLE legacy_codes;
                    """),
            new Construct("json_columns", """
                    CREATE TABLE documents (
                      id int PRIMARY KEY,
                      body json NOT NULL DEFAULT ('{}'),
                      tags json DEFAULT (json_array('new')),
                      CONSTRAINT documents_few_tags CHECK (json_length(tags) < 10)
                    );
                    """, """
                    DROP TABLE documents;
                    """),
            new Construct("fulltext_spatial", """
                    CREATE TABLE places (
                      id int PRIMARY KEY,
                      name varchar(100) NOT NULL,
                      description text,
                      location point REF_SYSTEM_ID=4326 NOT NULL,
                      FULLTEXT KEY places_text (name, description),
                      SPATIAL KEY places_location (location)
                    );
                    """, """
                    DROP TABLE places;
                    """),
            new Construct("index_kinds", """
                    CREATE TABLE articles (
                      id int PRIMARY KEY,
                      title varchar(200) NOT NULL,
                      body text,
                      published_at datetime,
                      internal_note varchar(40) INVISIBLE,
                      KEY articles_title_prefix (title(20)),
                      KEY articles_recent (published_at DESC, id),
                      KEY articles_body_prefix (body(100)) COMMENT 'Body search',
                      KEY articles_unused (internal_note) IGNORED
                    );
                    CREATE UNIQUE INDEX articles_title ON articles (title);
                    """, """
                    DROP TABLE articles;
                    """),
            new Construct("partitioned_tables", """
                    CREATE TABLE readings (
                      id int NOT NULL,
                      taken date NOT NULL,
                      PRIMARY KEY (id, taken)
                    ) PARTITION BY RANGE (year(taken)) (
                      PARTITION p2024 VALUES LESS THAN (2025),
                      PARTITION p2025 VALUES LESS THAN (2026),
                      PARTITION pmax VALUES LESS THAN MAXVALUE);
                    CREATE TABLE offices (
                      id int NOT NULL,
                      country char(2) NOT NULL,
                      PRIMARY KEY (id, country)
                    ) PARTITION BY LIST COLUMNS (country) (
                      PARTITION europe VALUES IN ('de', 'fr'),
                      PARTITION america VALUES IN ('us', 'ca'));
                    CREATE TABLE buckets (id int PRIMARY KEY) PARTITION BY HASH (id) PARTITIONS 4;
                    CREATE TABLE shards (id int PRIMARY KEY) PARTITION BY LINEAR KEY (id) PARTITIONS 3;
                    CREATE TABLE samples (id int NOT NULL, taken date NOT NULL, PRIMARY KEY (id, taken))
                      PARTITION BY RANGE COLUMNS (taken) SUBPARTITION BY HASH (id) SUBPARTITIONS 2 (
                      PARTITION old VALUES LESS THAN ('2025-01-01') COMMENT = 'Before 2025',
                      PARTITION recent VALUES LESS THAN (MAXVALUE));
                    """, """
                    DROP TABLE samples;
                    DROP TABLE shards;
                    DROP TABLE buckets;
                    DROP TABLE offices;
                    DROP TABLE readings;
                    """),
            new Construct("foreign_key_actions", """
                    CREATE TABLE authors (id int PRIMARY KEY, mentor_id int,
                      CONSTRAINT authors_mentor FOREIGN KEY (mentor_id) REFERENCES authors (id) ON DELETE SET NULL);
                    CREATE TABLE books (
                      id int PRIMARY KEY,
                      author_id int,
                      editor_id int NOT NULL,
                      CONSTRAINT books_author FOREIGN KEY (author_id) REFERENCES authors (id)
                        ON DELETE SET NULL ON UPDATE CASCADE,
                      CONSTRAINT books_editor FOREIGN KEY (editor_id) REFERENCES authors (id) ON DELETE RESTRICT
                    );
                    """, """
                    DROP TABLE books;
                    DROP TABLE authors;
                    """),
            new Construct("views", """
                    CREATE ALGORITHM=TEMPTABLE SQL SECURITY INVOKER VIEW author_books AS
                      SELECT a.id, count(b.id) AS books FROM authors a LEFT JOIN books b ON b.author_id = a.id GROUP BY a.id;
                    CREATE VIEW admins AS SELECT id, role FROM members WHERE role IN ('owner', 'admin') WITH LOCAL CHECK OPTION;
                    CREATE ALGORITHM=MERGE VIEW open_admins AS SELECT * FROM admins WHERE id > 0 WITH CASCADED CHECK OPTION;
                    CREATE VIEW mentor_chains AS
                      WITH RECURSIVE chain (id, depth) AS (
                        SELECT id, 0 FROM authors WHERE mentor_id IS NULL
                        UNION ALL SELECT a.id, c.depth + 1 FROM authors a JOIN chain c ON a.mentor_id = c.id)
                      SELECT id, depth, rank() OVER (ORDER BY depth DESC) AS seniority FROM chain;
                    CREATE VIEW people AS SELECT id, 'author' AS kind FROM authors UNION SELECT id, role FROM members
                      ORDER BY id LIMIT 100;
                    CREATE VIEW document_tags AS
                      SELECT d.id, t.tag FROM documents d,
                        JSON_TABLE(d.tags, '$[*]' COLUMNS (tag varchar(20) PATH '$')) AS t;
                    """, """
                    DROP VIEW document_tags;
                    DROP VIEW people;
                    DROP VIEW mentor_chains;
                    DROP VIEW open_admins;
                    DROP VIEW admins;
                    DROP VIEW author_books;
                    """),
            new Construct("routines", """
                    CREATE FUNCTION line_total(q int, p decimal(10,2)) RETURNS decimal(12,2)
                      DETERMINISTIC COMMENT 'Quantity times price' RETURN q * p;
                    CREATE FUNCTION member_label(member int, prefix varchar(10)) RETURNS varchar(40)
                      READS SQL DATA
                      RETURN (SELECT concat(prefix, ' ', role) FROM members WHERE id = member);
                    CREATE PROCEDURE count_roles(OUT owners int, INOUT total int)
                      SQL SECURITY INVOKER
                    BEGIN
                      DECLARE CONTINUE HANDLER FOR NOT FOUND SET owners = 0;
                      SELECT count(*) INTO owners FROM members WHERE role = 'owner';
                      SET total = total + owners;
                    END;
                    CREATE PROCEDURE close_member(IN member int)
                      MODIFIES SQL DATA SQL SECURITY INVOKER
                    BEGIN
                      UPDATE members SET status = 'closed' WHERE id = member;
                    END;
                    """, """
                    DROP PROCEDURE close_member;
                    DROP PROCEDURE count_roles;
                    DROP FUNCTION member_label;
                    DROP FUNCTION line_total;
                    """),
            new Construct("triggers", """
                    CREATE TRIGGER line_items_checked BEFORE INSERT ON line_items FOR EACH ROW
                    BEGIN
                      IF NEW.quantity < 0 THEN
                        SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'negative quantity';
                      END IF;
                    END;
                    CREATE TRIGGER line_items_opened AFTER UPDATE ON line_items FOR EACH ROW
                      UPDATE members SET status = 'open' WHERE id = NEW.id;
                    CREATE TRIGGER line_items_absolute BEFORE INSERT ON line_items FOR EACH ROW PRECEDES line_items_checked
                      SET NEW.quantity = abs(NEW.quantity);
                    """, """
                    DROP TRIGGER line_items_absolute;
                    DROP TRIGGER line_items_opened;
                    DROP TRIGGER line_items_checked;
                    """),
            // a one-shot event whose time has passed is dropped by the server: its AT is as late as a TIMESTAMP goes
            new Construct("event", """
                    CREATE EVENT close_stale ON SCHEDULE EVERY 1 HOUR STARTS '2030-01-01 00:00:00'
                      ON COMPLETION PRESERVE DISABLE COMMENT 'Hourly'
                      DO UPDATE members SET status = 'closed' WHERE status = 'new';
                    CREATE EVENT purge_once ON SCHEDULE AT '2037-12-31 00:00:00' ON COMPLETION NOT PRESERVE
                      DO BEGIN
                        DELETE FROM members WHERE status = 'closed';
                        DELETE FROM line_items WHERE quantity = 0;
                      END;
                    """, """
                    DROP EVENT purge_once;
                    DROP EVENT close_stale;
                    """),
            new Construct("sequence", """
                    CREATE SEQUENCE invoice_numbers START WITH 1000 INCREMENT BY 10 MINVALUE 1000 MAXVALUE 999999 CACHE 50 CYCLE;
                    CREATE TABLE invoices (id int PRIMARY KEY DEFAULT (NEXT VALUE FOR invoice_numbers), note varchar(20));
                    """, """
                    DROP TABLE invoices;
                    DROP SEQUENCE invoice_numbers;
                    """),
            new Construct("table_options", """
                    CREATE TABLE archived (id int PRIMARY KEY, body text COMPRESSED)
                      ROW_FORMAT=COMPRESSED KEY_BLOCK_SIZE=8 STATS_PERSISTENT=0 CHECKSUM=1;
                    CREATE TABLE scratchpad (id int PRIMARY KEY) ENGINE=Aria TRANSACTIONAL=1 PAGE_CHECKSUM=1;
                    CREATE TABLE packed (id int PRIMARY KEY) ENGINE=InnoDB PAGE_COMPRESSED=1 PAGE_COMPRESSION_LEVEL=6;
                    CREATE TABLE lookups (id int PRIMARY KEY, code char(4), KEY lookups_code (code) USING HASH) ENGINE=MEMORY;
                    """, """
                    DROP TABLE lookups;
                    DROP TABLE packed;
                    DROP TABLE scratchpad;
                    DROP TABLE archived;
                    """),
            new Construct("default_expressions", """
                    CREATE TABLE sessions (
                      id uuid PRIMARY KEY DEFAULT uuid(),
                      started datetime(3) NOT NULL DEFAULT current_timestamp(3) ON UPDATE current_timestamp(3),
                      expires date DEFAULT (curdate() + INTERVAL 30 DAY),
                      attempts int DEFAULT (1 + 2),
                      address inet6,
                      ratio double DEFAULT -1.5e-3
                    );
                    """, """
                    DROP TABLE sessions;
                    """),
            new Construct("comments", """
                    CREATE TABLE notes (
                      id int PRIMARY KEY COMMENT 'The note''s id',
                      body text COMMENT 'Markdown; may be empty',
                      KEY notes_body (body(50)) COMMENT 'Prefix of the body'
                    ) COMMENT 'Free-form notes';
                    """, """
                    DROP TABLE notes;
                    """),
            new Construct("system_versioned", """
                    CREATE TABLE prices (sku varchar(20) PRIMARY KEY, price decimal(10,2)) WITH SYSTEM VERSIONING;
                    CREATE TABLE stock (
                      sku varchar(20) PRIMARY KEY,
                      amount int,
                      valid_from timestamp(6) GENERATED ALWAYS AS ROW START INVISIBLE,
                      valid_to timestamp(6) GENERATED ALWAYS AS ROW END INVISIBLE,
                      PERIOD FOR SYSTEM_TIME (valid_from, valid_to)
                    ) WITH SYSTEM VERSIONING;
                    CREATE TABLE bookings (
                      room int NOT NULL,
                      check_in date NOT NULL,
                      check_out date NOT NULL,
                      guest varchar(40) WITHOUT SYSTEM VERSIONING,
                      PERIOD FOR stay (check_in, check_out),
                      UNIQUE KEY bookings_room (room, stay WITHOUT OVERLAPS)
                    ) WITH SYSTEM VERSIONING;
                    CREATE TABLE rates (currency char(3) PRIMARY KEY, rate decimal(12,6)) WITH SYSTEM VERSIONING
                      PARTITION BY SYSTEM_TIME INTERVAL 1 MONTH STARTS '2030-01-01 00:00:00' PARTITIONS 3;
                    """, """
                    DROP TABLE rates;
                    DROP TABLE bookings;
                    DROP TABLE stock;
                    DROP TABLE prices;
                    """),
            // the server rewrites the headers of the table's triggers on RENAME, with the name quoted
            new Construct("renamed_table_with_triggers", """
                    RENAME TABLE line_items TO order_lines;
                    """, """
                    RENAME TABLE order_lines TO line_items;
                    """));

    private MysqlConstructs() {
    }
}
