package io.matey.codegen;

import io.matey.testing.TestWorkspace;
import java.util.List;

/**
 * The rich schemas of the core acceptance (item 7) as migration histories, with what a check of their generated
 * models needs: SQL for the empty database (objects models do not create) and the tables SQLAlchemy lists that
 * the models leave out on purpose (partitions: the partitioned parent is what an application maps). Each has a
 * {@code tenant_items} table whose composite primary key is not in its columns' order.
 */
final class RichSchemas {

    private RichSchemas() {
    }

    record Migration(String name, String up, String down) {
    }

    record Schema(List<Migration> migrations, String prelude, List<String> omitted) {
        void writeTo(TestWorkspace ws) {
            migrations.forEach(m -> ws.migration(m.name(), m.up(), m.down()));
        }
    }

    static Schema of(String engine) {
        return switch (engine) {
            case "sqlite" -> SQLITE;
            case "postgres" -> POSTGRES;
            default -> MYSQL;
        };
    }

    static final Schema SQLITE = new Schema(List.of(
            new Migration("001_tables.sql", """
                    CREATE TABLE users (
                      id INTEGER PRIMARY KEY,
                      email TEXT NOT NULL UNIQUE,
                      name VARCHAR(40) DEFAULT 'anon',
                      created_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
                    );
                    CREATE TABLE orders (
                      id INTEGER PRIMARY KEY,
                      user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
                      total NUMERIC(10, 2) CHECK (total >= 0),
                      note TEXT,
                      total_cents INTEGER GENERATED ALWAYS AS (CAST(total * 100 AS INTEGER)) VIRTUAL
                    );
                    CREATE TABLE order_lines (
                      order_id INTEGER NOT NULL REFERENCES orders (id),
                      line INTEGER NOT NULL,
                      qty INTEGER NOT NULL DEFAULT 1,
                      PRIMARY KEY (order_id, line)
                    );
                    CREATE TABLE shipments (
                      id INTEGER PRIMARY KEY,
                      order_id INTEGER NOT NULL,
                      line INTEGER NOT NULL,
                      CONSTRAINT fk_shipments_line FOREIGN KEY (order_id, line) REFERENCES order_lines (order_id, line)
                    );
                    CREATE TABLE tags (id INTEGER PRIMARY KEY, name TEXT NOT NULL);
                    CREATE TABLE order_tags (
                      order_id INTEGER NOT NULL REFERENCES orders (id),
                      tag_id INTEGER NOT NULL REFERENCES tags (id),
                      PRIMARY KEY (order_id, tag_id)
                    );
                    CREATE TABLE categories (
                      id INTEGER PRIMARY KEY,
                      parent_id INTEGER REFERENCES categories (id),
                      name TEXT NOT NULL,
                      CONSTRAINT uq_categories_name UNIQUE (parent_id, name)
                    );
                    CREATE TABLE kv (k TEXT PRIMARY KEY, v BLOB) WITHOUT ROWID;
                    CREATE TABLE measures (id INTEGER PRIMARY KEY, value REAL NOT NULL, label TEXT, raw ANY);
                    CREATE TABLE audit_log (at TEXT, message TEXT, "class" TEXT);
                    CREATE TABLE tenant_items (item TEXT NOT NULL, tenant INTEGER NOT NULL, qty INTEGER, PRIMARY KEY (tenant, item));""",
                    """
                    DROP TABLE tenant_items; DROP TABLE audit_log; DROP TABLE measures; DROP TABLE kv; DROP TABLE categories; DROP TABLE order_tags;
                    DROP TABLE tags; DROP TABLE shipments; DROP TABLE order_lines; DROP TABLE orders; DROP TABLE users;"""),
            new Migration("002_objects.sql", """
                    CREATE INDEX orders_user ON orders (user_id);
                    CREATE INDEX orders_open ON orders (user_id, total DESC) WHERE note IS NULL;
                    CREATE UNIQUE INDEX users_lower_email ON users (lower(email));
                    CREATE VIEW big_orders AS SELECT id, user_id, total FROM orders WHERE total > 100;
                    CREATE TRIGGER orders_touch AFTER INSERT ON orders BEGIN
                      UPDATE users SET name = name WHERE id = NEW.user_id;
                    END;""",
                    "DROP TRIGGER orders_touch; DROP VIEW big_orders; DROP INDEX users_lower_email; DROP INDEX orders_open; "
                            + "DROP INDEX orders_user;")),
            "", List.of());

    static final Schema POSTGRES = new Schema(List.of(
            new Migration("001_types.sql", """
                    CREATE EXTENSION IF NOT EXISTS citext;
                    CREATE SCHEMA billing;
                    CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy');
                    CREATE TYPE address AS (street text, city text, zip varchar(10));
                    CREATE DOMAIN positive_int AS integer DEFAULT 1 NOT NULL CONSTRAINT positive_int_check CHECK (VALUE > 0);
                    CREATE SEQUENCE ticket_seq AS integer START WITH 100 INCREMENT BY 5;""",
                    """
                    DROP SEQUENCE ticket_seq; DROP DOMAIN positive_int; DROP TYPE address; DROP TYPE mood;
                    DROP SCHEMA billing; DROP EXTENSION citext;"""),
            new Migration("002_tables.sql", """
                    CREATE TABLE users (
                        id bigint GENERATED ALWAYS AS IDENTITY,
                        email citext NOT NULL,
                        name text,
                        mood mood DEFAULT 'ok',
                        home address,
                        visits positive_int,
                        tags text[],
                        settings jsonb NOT NULL DEFAULT '{}',
                        token uuid,
                        referred_by bigint REFERENCES users (id),
                        created_at timestamptz NOT NULL DEFAULT now(),
                        PRIMARY KEY (id),
                        UNIQUE (email),
                        CHECK (name <> '')
                    );
                    COMMENT ON TABLE users IS 'People who order';
                    COMMENT ON COLUMN users.email IS 'Login, case-insensitive';
                    CREATE INDEX users_lower_name_idx ON users (lower(name)) WHERE name IS NOT NULL;
                    CREATE INDEX users_settings_idx ON users USING gin (settings);

                    CREATE TABLE orders (
                        id integer GENERATED BY DEFAULT AS IDENTITY (START WITH 1000 INCREMENT BY 2),
                        user_id bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
                        ticket integer DEFAULT nextval('ticket_seq'),
                        quantity integer NOT NULL,
                        unit_price numeric(10, 2) NOT NULL,
                        total numeric GENERATED ALWAYS AS (quantity * unit_price) STORED,
                        placed_at timestamp(3),
                        PRIMARY KEY (id)
                    );
                    ALTER TABLE orders ENABLE ROW LEVEL SECURITY;
                    CREATE POLICY own_orders ON orders FOR SELECT USING (user_id = current_setting('app.user_id')::bigint);

                    CREATE TABLE legacy (id serial PRIMARY KEY, note varchar(200), code char(3));
                    CREATE TABLE bookings (
                        id integer PRIMARY KEY,
                        room integer NOT NULL,
                        during box NOT NULL,
                        CONSTRAINT bookings_no_overlap EXCLUDE USING gist (during WITH &&)
                    );
                    CREATE TABLE measurements (
                        id bigint NOT NULL,
                        taken_on date NOT NULL,
                        value double precision,
                        PRIMARY KEY (id, taken_on)
                    ) PARTITION BY RANGE (taken_on);
                    CREATE TABLE measurements_2024 PARTITION OF measurements FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
                    CREATE TABLE measurements_default PARTITION OF measurements DEFAULT;
                    CREATE TABLE tags (id integer PRIMARY KEY, name text NOT NULL UNIQUE);
                    CREATE TABLE order_tags (
                        order_id integer NOT NULL REFERENCES orders (id),
                        tag_id integer NOT NULL REFERENCES tags (id),
                        PRIMARY KEY (order_id, tag_id)
                    );
                    CREATE TABLE billing.invoices (
                        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                        order_id integer NOT NULL REFERENCES orders (id),
                        user_id bigint NOT NULL REFERENCES users (id),
                        payer_id bigint REFERENCES users (id),
                        amount numeric(12, 2) CHECK (amount >= 0)
                    );
                    COMMENT ON COLUMN billing.invoices.amount IS 'It''s "gross"';
                    CREATE TABLE tenant_items (item text NOT NULL, tenant integer NOT NULL, qty integer, PRIMARY KEY (tenant, item));""",
                    """
                    DROP TABLE tenant_items; DROP TABLE billing.invoices; DROP TABLE order_tags; DROP TABLE tags; DROP TABLE measurements;
                    DROP TABLE bookings; DROP TABLE legacy; DROP TABLE orders; DROP TABLE users;"""),
            new Migration("003_objects.sql", """
                    CREATE VIEW active_users AS SELECT id, email FROM users WHERE mood <> 'sad';
                    CREATE VIEW active_user_emails AS SELECT email FROM active_users;
                    CREATE MATERIALIZED VIEW order_totals AS SELECT user_id, sum(total) AS total FROM orders GROUP BY user_id;
                    CREATE UNIQUE INDEX order_totals_user_idx ON order_totals (user_id);
                    CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$
                    BEGIN
                        NEW.created_at := now();
                        RETURN NEW;
                    END;
                    $$;
                    CREATE TRIGGER users_touch BEFORE UPDATE ON users FOR EACH ROW EXECUTE FUNCTION touch();""",
                    """
                    DROP TRIGGER users_touch ON users; DROP FUNCTION touch(); DROP MATERIALIZED VIEW order_totals;
                    DROP VIEW active_user_emails; DROP VIEW active_users;""")),
            "CREATE EXTENSION IF NOT EXISTS citext; CREATE TYPE address AS (street text, city text, zip varchar(10));",
            List.of("measurements_2024", "measurements_default"));

    static final Schema MYSQL = new Schema(List.of(
            new Migration("001_tables.sql", """
                    CREATE TABLE customers (
                      id int PRIMARY KEY AUTO_INCREMENT,
                      region char(2) NOT NULL,
                      code varchar(10) NOT NULL,
                      email varchar(100) NOT NULL COMMENT 'login; unique',
                      referred_by int,
                      active tinyint(1) NOT NULL DEFAULT 1,
                      created_at timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
                      UNIQUE KEY uq_customers_region_code (region, code),
                      UNIQUE KEY uq_customers_email (email),
                      CONSTRAINT fk_customers_referrer FOREIGN KEY (referred_by) REFERENCES customers (id) ON DELETE SET NULL
                    ) COMMENT 'people who buy';
                    CREATE TABLE orders (
                      id int PRIMARY KEY AUTO_INCREMENT,
                      customer_region char(2) NOT NULL,
                      customer_code varchar(10) NOT NULL,
                      quantity int NOT NULL,
                      unit_price decimal(10,2) NOT NULL,
                      total decimal(12,2) AS (quantity * unit_price) STORED,
                      label varchar(40) AS (concat('#', lower(customer_code))) VIRTUAL,
                      status enum('new','paid','shipped') NOT NULL DEFAULT 'new',
                      notes json,
                      big bigint unsigned,
                      placed_at datetime(3),
                      KEY idx_orders_label (label),
                      KEY idx_orders_status_total (status, total),
                      CONSTRAINT fk_orders_customer FOREIGN KEY (customer_region, customer_code)
                        REFERENCES customers (region, code) ON UPDATE CASCADE,
                      CONSTRAINT chk_orders_quantity CHECK (quantity > 0)
                    );
                    CREATE TABLE tags (id int PRIMARY KEY, name varchar(40) NOT NULL, body text, KEY idx_tags_body (body(20)));
                    CREATE TABLE order_tags (
                      order_id int NOT NULL,
                      tag_id int NOT NULL,
                      PRIMARY KEY (order_id, tag_id),
                      CONSTRAINT fk_order_tags_order FOREIGN KEY (order_id) REFERENCES orders (id),
                      CONSTRAINT fk_order_tags_tag FOREIGN KEY (tag_id) REFERENCES tags (id)
                    );
                    CREATE TABLE tenant_items (item varchar(40) NOT NULL, tenant int NOT NULL, qty int, PRIMARY KEY (tenant, item));""",
                    "DROP TABLE tenant_items; DROP TABLE order_tags; DROP TABLE tags; DROP TABLE orders; DROP TABLE customers;"),
            new Migration("002_objects.sql", """
                    CREATE FUNCTION order_value(q int, p decimal(10,2)) RETURNS decimal(12,2) DETERMINISTIC RETURN q * p;
                    CREATE PROCEDURE count_orders(IN wanted varchar(10), OUT n int)
                    BEGIN
                      SELECT count(*) INTO n FROM orders WHERE status = wanted;
                    END;
                    CREATE VIEW customer_orders AS
                      SELECT c.id AS customer_id, c.email, o.id AS order_id, o.total
                      FROM customers c JOIN orders o ON o.customer_region = c.region AND o.customer_code = c.code;
                    CREATE TRIGGER orders_before_insert BEFORE INSERT ON orders FOR EACH ROW
                      SET NEW.customer_code = upper(NEW.customer_code);""",
                    "DROP TRIGGER orders_before_insert; DROP VIEW customer_orders; DROP PROCEDURE count_orders; "
                            + "DROP FUNCTION order_value;"),
            // Every column type the reader maps, per-column character sets and collations, the index kinds
            // whose key parts MariaDB reports with a SUB_PART although only a prefix index may declare one, and
            // descending key parts, with and without prefix lengths beside them.
            new Migration("003_types.sql", """
                    CREATE TABLE samples (
                      id bigint unsigned NOT NULL AUTO_INCREMENT PRIMARY KEY,
                      tiny tinyint NOT NULL DEFAULT -1,
                      tiny_u tinyint unsigned,
                      flag tinyint(1) DEFAULT 0,
                      small smallint CHECK (small >= 0),
                      small_u smallint unsigned,
                      medium mediumint DEFAULT 7,
                      medium_u mediumint unsigned,
                      num_u int unsigned,
                      big bigint DEFAULT 9000000000,
                      price decimal(8,3) unsigned DEFAULT 1.500,
                      ratio float,
                      ratio_u float unsigned,
                      exact double NOT NULL DEFAULT 0,
                      bit_one bit(1),
                      bits bit(5),
                      made year,
                      code char(3) CHARACTER SET ascii COLLATE ascii_bin NOT NULL DEFAULT 'abc',
                      title varchar(60) CHARACTER SET latin1 COLLATE latin1_german1_ci,
                      name varchar(100) COLLATE utf8mb4_bin NOT NULL,
                      tt tinytext,
                      body text,
                      mt mediumtext,
                      lt longtext,
                      bin binary(4),
                      vbin varbinary(8),
                      tb tinyblob,
                      bl blob,
                      mb mediumblob,
                      lb longblob,
                      size enum('s','m','it''s') COLLATE utf8mb4_bin DEFAULT 's',
                      perms set('r','w','x') CHARACTER SET ascii NOT NULL DEFAULT 'r,w',
                      born date DEFAULT '2000-01-01',
                      seen datetime DEFAULT CURRENT_TIMESTAMP,
                      seen_ms datetime(6) DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6),
                      stamp timestamp(3) NULL DEFAULT NULL,
                      at time,
                      at_cs time(2),
                      doc json,
                      token uuid,
                      addr inet6,
                      location point NOT NULL,
                      route linestring,
                      area polygon,
                      shape geometry,
                      name_upper varchar(100) AS (upper(name)) VIRTUAL,
                      total_price decimal(12,3) AS (price * medium) STORED,
                      parent_id bigint unsigned,
                      CONSTRAINT chk_samples_tiny CHECK (tiny < 100),
                      CONSTRAINT fk_samples_parent FOREIGN KEY (parent_id) REFERENCES samples (id) ON DELETE CASCADE,
                      SPATIAL INDEX sp_location (location),
                      FULLTEXT KEY ft_tt_body (tt, body),
                      FULLTEXT KEY ft_name (name),
                      KEY idx_name_prefix (name(10)),
                      KEY idx_body_tt (body(30), tt(5), small),
                      KEY idx_made_desc (made DESC, tiny),
                      KEY idx_title_desc (title(8) DESC, made, small DESC),
                      UNIQUE KEY uq_samples_code_title (code, title(20)),
                      UNIQUE KEY uq_samples_bits_desc (bits DESC, tiny)
                    ) COMMENT 'every type';""",
                    "DROP TABLE samples;")),
            "", List.of());
}
