package io.matey.engine.postgres;

import io.matey.testing.Construct;
import java.util.List;

/**
 * The PostgreSQL construct corpus of issue 10: one migration per construct, each with an exact down section,
 * in an order where later ones may use earlier ones. Dump tests load the up sections; the façade test
 * replays them as a workspace history.
 */
public final class Constructs {

    public static final List<Construct> ALL = List.of(
            new Construct("in_lists", """
                    CREATE TABLE members (
                        id integer PRIMARY KEY,
                        name varchar(20) NOT NULL CHECK (name IN ('owner', 'admin')),
                        status varchar(10) DEFAULT 'new' CHECK (status IN ('new', 'open', 'closed')),
                        tags varchar(10)[] DEFAULT ARRAY['a', 'b']::varchar(10)[],
                        score numeric DEFAULT '1.5'::numeric::integer,
                        level text DEFAULT CASE WHEN now() > '2020-01-01' THEN 'x' END);
                    CREATE INDEX members_open ON members (id) WHERE status IN ('new', 'open');
                    CREATE VIEW admins AS SELECT id, name FROM members WHERE name IN ('owner', 'admin');
                    COMMENT ON VIEW admins IS 'Owners and admins';
                    COMMENT ON INDEX members_open IS 'Open members';
                    """, """
                    DROP VIEW admins;
                    DROP TABLE members;
                    """),
            new Construct("plain_indexes_and_serials", """
                    CREATE SCHEMA "it's";
                    CREATE TABLE "it's"."Odd Table" (
                        id bigserial PRIMARY KEY,
                        "Code" text COLLATE "C",
                        n smallserial,
                        ranked integer,
                        note varchar(40));
                    CREATE INDEX odd_code ON "it's"."Odd Table" ("Code" text_pattern_ops DESC NULLS LAST, ranked);
                    CREATE UNIQUE INDEX odd_note ON "it's"."Odd Table" (note COLLATE "POSIX") INCLUDE (ranked)
                        WITH (fillfactor = 70);
                    CREATE UNIQUE INDEX odd_ranked ON "it's"."Odd Table" (ranked) NULLS NOT DISTINCT;
                    CREATE INDEX odd_hash ON "it's"."Odd Table" USING hash (note);
                    """, """
                    DROP TABLE "it's"."Odd Table";
                    DROP SCHEMA "it's";
                    """),
            new Construct("unique_duplicating_pk", """
                    CREATE TABLE memberships (a integer, b integer, PRIMARY KEY (a, b));
                    ALTER TABLE memberships ADD CONSTRAINT memberships_ab UNIQUE (a, b);
                    COMMENT ON CONSTRAINT memberships_ab ON memberships IS 'Kept for an old foreign key';
                    """, """
                    DROP TABLE memberships;
                    """),
            new Construct("icu_collation", """
                    CREATE COLLATION case_insensitive (provider = icu, locale = 'und-u-ks-level2', deterministic = false);
                    CREATE COLLATION german (provider = libc, locale = 'C');
                    CREATE TABLE handles (handle text COLLATE case_insensitive PRIMARY KEY, label text COLLATE german);
                    COMMENT ON COLLATION case_insensitive IS 'Case-insensitive comparisons';
                    """, """
                    DROP TABLE handles;
                    DROP COLLATION german;
                    DROP COLLATION case_insensitive;
                    """),
            new Construct("operator", """
                    CREATE FUNCTION approx_equal(numeric, numeric) RETURNS boolean LANGUAGE sql IMMUTABLE
                        AS 'SELECT abs($1 - $2) < 0.01';
                    CREATE OPERATOR ~= (LEFTARG = numeric, RIGHTARG = numeric, FUNCTION = approx_equal,
                        COMMUTATOR = ~=, RESTRICT = eqsel, JOIN = eqjoinsel);
                    CREATE FUNCTION negate(integer) RETURNS integer LANGUAGE sql IMMUTABLE AS 'SELECT -$1';
                    CREATE OPERATOR ~- (RIGHTARG = integer, FUNCTION = negate);
                    COMMENT ON OPERATOR ~= (numeric, numeric) IS 'Equal to the cent';
                    """, """
                    DROP OPERATOR ~- (NONE, integer);
                    DROP FUNCTION negate(integer);
                    DROP OPERATOR ~= (numeric, numeric);
                    DROP FUNCTION approx_equal(numeric, numeric);
                    """),
            new Construct("shell_operator", """
                    CREATE FUNCTION int_far(integer, integer) RETURNS boolean LANGUAGE sql IMMUTABLE
                        AS 'SELECT abs($1 - $2) > 100';
                    CREATE OPERATOR <~> (LEFTARG = integer, RIGHTARG = integer, FUNCTION = int_far, NEGATOR = <!~>);
                    COMMENT ON OPERATOR <!~> (integer, integer) IS 'Not defined yet';
                    """, """
                    DROP OPERATOR <~> (integer, integer);
                    DROP OPERATOR <!~> (integer, integer);
                    DROP FUNCTION int_far(integer, integer);
                    """),
            new Construct("operator_class", """
                    CREATE FUNCTION abs_lt(integer, integer) RETURNS boolean LANGUAGE sql IMMUTABLE
                        AS 'SELECT abs($1) < abs($2)';
                    CREATE FUNCTION abs_eq(integer, integer) RETURNS boolean LANGUAGE sql IMMUTABLE
                        AS 'SELECT abs($1) = abs($2)';
                    CREATE FUNCTION abs_cmp(integer, integer) RETURNS integer LANGUAGE sql IMMUTABLE
                        AS 'SELECT btint4cmp(abs($1), abs($2))';
                    CREATE FUNCTION abs_cmp(integer, bigint) RETURNS integer LANGUAGE sql IMMUTABLE
                        AS 'SELECT btint8cmp(abs($1), abs($2))';
                    CREATE OPERATOR #<# (LEFTARG = integer, RIGHTARG = integer, FUNCTION = abs_lt);
                    CREATE OPERATOR #=# (LEFTARG = integer, RIGHTARG = integer, FUNCTION = abs_eq, COMMUTATOR = #=#);
                    CREATE OPERATOR FAMILY abs_ops USING btree;
                    CREATE OPERATOR CLASS abs_int_ops FOR TYPE integer USING btree FAMILY abs_ops AS
                        OPERATOR 1 #<#, OPERATOR 3 #=#, FUNCTION 1 abs_cmp(integer, integer);
                    ALTER OPERATOR FAMILY abs_ops USING btree ADD FUNCTION 1 (integer, bigint) abs_cmp(integer, bigint);
                    CREATE TABLE readings (delta integer);
                    CREATE INDEX readings_abs ON readings (delta abs_int_ops);
                    COMMENT ON OPERATOR FAMILY abs_ops USING btree IS 'Orderings by absolute value';
                    COMMENT ON OPERATOR CLASS abs_int_ops USING btree IS 'Integers by absolute value';
                    """, """
                    DROP TABLE readings;
                    DROP OPERATOR CLASS abs_int_ops USING btree;
                    DROP OPERATOR FAMILY abs_ops USING btree;
                    DROP OPERATOR #=# (integer, integer);
                    DROP OPERATOR #<# (integer, integer);
                    DROP FUNCTION abs_cmp(integer, bigint);
                    DROP FUNCTION abs_cmp(integer, integer);
                    DROP FUNCTION abs_eq(integer, integer);
                    DROP FUNCTION abs_lt(integer, integer);
                    """),
            new Construct("aggregate", """
                    CREATE FUNCTION concat_step(text, text) RETURNS text LANGUAGE sql IMMUTABLE
                        AS 'SELECT CASE WHEN $1 = '''' THEN $2 ELSE $1 || '','' || $2 END';
                    CREATE AGGREGATE comma_list(text) (SFUNC = concat_step, STYPE = text, INITCOND = '');
                    CREATE AGGREGATE product(integer) (SFUNC = int4mul, STYPE = integer, COMBINEFUNC = int4mul,
                        PARALLEL = SAFE);
                    COMMENT ON AGGREGATE comma_list(text) IS 'Joins with commas';
                    """, """
                    DROP AGGREGATE product(integer);
                    DROP AGGREGATE comma_list(text);
                    DROP FUNCTION concat_step(text, text);
                    """),
            new Construct("cast_and_domain", """
                    CREATE DOMAIN email AS varchar(200) CHECK (VALUE LIKE '%@%') CHECK (VALUE NOT IN ('a@b', 'c@d'));
                    CREATE TYPE priority AS ENUM ('low', 'high');
                    CREATE FUNCTION priority_rank(priority) RETURNS integer LANGUAGE sql IMMUTABLE
                        AS 'SELECT CASE $1 WHEN ''low'' THEN 1 ELSE 2 END';
                    CREATE CAST (priority AS integer) WITH FUNCTION priority_rank(priority) AS ASSIGNMENT;
                    COMMENT ON CAST (priority AS integer) IS 'Rank of a priority';
                    COMMENT ON DOMAIN email IS 'An address';
                    """, """
                    DROP CAST (priority AS integer);
                    DROP FUNCTION priority_rank(priority);
                    DROP TYPE priority;
                    DROP DOMAIN email;
                    """),
            new Construct("rule", """
                    CREATE TABLE archive (id integer PRIMARY KEY, note text);
                    CREATE RULE archive_no_delete AS ON DELETE TO archive WHERE old.note IN ('keep', 'hold')
                        DO INSTEAD NOTHING;
                    COMMENT ON RULE archive_no_delete ON archive IS 'Kept notes stay';
                    """, """
                    DROP TABLE archive;
                    """),
            new Construct("range_type", """
                    CREATE TYPE float_range AS RANGE (SUBTYPE = float8, SUBTYPE_DIFF = float8mi);
                    CREATE TYPE day_span AS RANGE (SUBTYPE = date, MULTIRANGE_TYPE_NAME = day_spans);
                    CREATE TABLE bookings (id integer PRIMARY KEY, during float_range, days day_spans);
                    COMMENT ON TYPE float_range IS 'A range of doubles';
                    """, """
                    DROP TABLE bookings;
                    DROP TYPE day_span;
                    DROP TYPE float_range;
                    """),
            new Construct("base_type", """
                    CREATE TYPE celsius;
                    CREATE FUNCTION celsius_in(cstring) RETURNS celsius LANGUAGE internal IMMUTABLE STRICT AS 'int4in';
                    CREATE FUNCTION celsius_out(celsius) RETURNS cstring LANGUAGE internal IMMUTABLE STRICT
                        AS 'int4out';
                    CREATE FUNCTION celsius_recv(internal) RETURNS celsius LANGUAGE internal IMMUTABLE STRICT
                        AS 'int4recv';
                    CREATE FUNCTION celsius_send(celsius) RETURNS bytea LANGUAGE internal IMMUTABLE STRICT
                        AS 'int4send';
                    CREATE TYPE celsius (INPUT = celsius_in, OUTPUT = celsius_out, RECEIVE = celsius_recv,
                        SEND = celsius_send, LIKE = integer, CATEGORY = 'N', DEFAULT = '0', DELIMITER = ';');
                    CREATE TYPE pending;
                    CREATE TABLE temperatures (id integer PRIMARY KEY, reading celsius, history celsius[]);
                    COMMENT ON TYPE celsius IS 'Degrees';
                    COMMENT ON TYPE pending IS 'Defined later';
                    COMMENT ON FUNCTION celsius_in(cstring) IS 'Parses degrees';
                    """, """
                    DROP TABLE temperatures;
                    DROP TYPE pending;
                    DROP TYPE celsius CASCADE;
                    """),
            new Construct("text_search", """
                    CREATE TEXT SEARCH DICTIONARY english_simple (TEMPLATE = simple, STOPWORDS = english);
                    CREATE TEXT SEARCH CONFIGURATION english_docs (COPY = english);
                    ALTER TEXT SEARCH CONFIGURATION english_docs ALTER MAPPING FOR word WITH english_simple, english_stem;
                    CREATE TABLE documents (id integer PRIMARY KEY, body text);
                    CREATE INDEX documents_body ON documents USING gin (to_tsvector('english_docs', body));
                    COMMENT ON TEXT SEARCH CONFIGURATION english_docs IS 'For documents';
                    COMMENT ON TEXT SEARCH DICTIONARY english_simple IS 'Simple words';
                    """, """
                    DROP TABLE documents;
                    DROP TEXT SEARCH CONFIGURATION english_docs;
                    DROP TEXT SEARCH DICTIONARY english_simple;
                    """),
            new Construct("text_search_parser_template", """
                    CREATE TEXT SEARCH TEMPLATE plain_words (INIT = dsimple_init, LEXIZE = dsimple_lexize);
                    CREATE TEXT SEARCH PARSER plain_parser (START = prsd_start, GETTOKEN = prsd_nexttoken,
                        END = prsd_end, LEXTYPES = prsd_lextype, HEADLINE = prsd_headline);
                    CREATE TEXT SEARCH DICTIONARY plain_dict (TEMPLATE = plain_words, STOPWORDS = english);
                    CREATE TEXT SEARCH CONFIGURATION plain_config (PARSER = plain_parser);
                    ALTER TEXT SEARCH CONFIGURATION plain_config ADD MAPPING FOR word, asciiword WITH plain_dict;
                    COMMENT ON TEXT SEARCH TEMPLATE plain_words IS 'Lower-cased words';
                    COMMENT ON TEXT SEARCH PARSER plain_parser IS 'The default parser again';
                    """, """
                    DROP TEXT SEARCH CONFIGURATION plain_config;
                    DROP TEXT SEARCH DICTIONARY plain_dict;
                    DROP TEXT SEARCH PARSER plain_parser;
                    DROP TEXT SEARCH TEMPLATE plain_words;
                    """),
            new Construct("typed_table", """
                    CREATE TYPE pair AS (a integer, b integer, label text COLLATE "C");
                    CREATE TABLE pairs OF pair (a WITH OPTIONS NOT NULL DEFAULT 1, PRIMARY KEY (a), CHECK (b > 0));
                    CREATE TABLE loose_pairs OF pair;
                    COMMENT ON TABLE pairs IS 'Typed by pair';
                    """, """
                    DROP TABLE loose_pairs;
                    DROP TABLE pairs;
                    DROP TYPE pair;
                    """),
            new Construct("access_method", """
                    CREATE ACCESS METHOD heap_again TYPE TABLE HANDLER heap_tableam_handler;
                    CREATE ACCESS METHOD btree_again TYPE INDEX HANDLER bthandler;
                    CREATE TABLE ledger (id integer PRIMARY KEY, amount numeric) USING heap_again;
                    COMMENT ON ACCESS METHOD heap_again IS 'The heap under another name';
                    """, """
                    DROP TABLE ledger;
                    DROP ACCESS METHOD btree_again;
                    DROP ACCESS METHOD heap_again;
                    """),
            new Construct("conversion", """
                    CREATE CONVERSION utf8_to_latin1 FOR 'UTF8' TO 'LATIN1' FROM utf8_to_iso8859_1;
                    CREATE DEFAULT CONVERSION latin1_to_utf8 FOR 'LATIN1' TO 'UTF8' FROM iso8859_1_to_utf8;
                    COMMENT ON CONVERSION utf8_to_latin1 IS 'For the old printer';
                    """, """
                    DROP CONVERSION latin1_to_utf8;
                    DROP CONVERSION utf8_to_latin1;
                    """),
            new Construct("partitions", """
                    CREATE TABLE events (id bigint NOT NULL, kind text NOT NULL, at timestamptz NOT NULL,
                        PRIMARY KEY (id, kind)) PARTITION BY LIST (kind);
                    CREATE TABLE events_click PARTITION OF events FOR VALUES IN ('click', 'tap');
                    CREATE TABLE events_other PARTITION OF events DEFAULT;
                    CREATE INDEX events_at ON events (at) WHERE kind IN ('click', 'view');
                    COMMENT ON TABLE events_click IS 'Clicks';
                    """, """
                    DROP TABLE events;
                    """),
            new Construct("exclusion", """
                    CREATE EXTENSION IF NOT EXISTS btree_gist;
                    CREATE TABLE rooms (room integer, during tstzrange, kind text,
                        EXCLUDE USING gist (room WITH =, during WITH &&) WHERE (kind IN ('meeting', 'call')));
                    """, """
                    DROP TABLE rooms;
                    DROP EXTENSION btree_gist;
                    """),
            new Construct("row_level_security", """
                    CREATE TABLE notes (id integer PRIMARY KEY, owner text NOT NULL, body text);
                    ALTER TABLE notes ENABLE ROW LEVEL SECURITY;
                    CREATE POLICY own_notes ON notes USING (owner = current_user)
                        WITH CHECK (owner IN ('alice', 'bob'));
                    CREATE POLICY read_all ON notes AS RESTRICTIVE FOR SELECT USING (body IS NOT NULL);
                    COMMENT ON POLICY own_notes ON notes IS 'Own notes only';
                    """, """
                    DROP TABLE notes;
                    """),
            // PostgreSQL prints these expressions with the table's own name (tasks.project_id, tasks.*); a second
            // schema holds a table of the same name whose policy names it too, and one named as a built-in type
            new Construct("expressions_naming_their_table", """
                    CREATE TABLE projects (id integer PRIMARY KEY, owner text);
                    CREATE TABLE tasks (id integer PRIMARY KEY, project_id integer,
                        CONSTRAINT tasks_not_blank CHECK (num_nonnulls(tasks.*) > 1));
                    CREATE INDEX tasks_whole ON tasks (id) WHERE tasks IS NOT NULL;
                    ALTER TABLE tasks ENABLE ROW LEVEL SECURITY;
                    CREATE POLICY in_own_project ON tasks
                        USING (EXISTS (SELECT 1 FROM projects x WHERE x.id = project_id AND x.owner = current_user))
                        WITH CHECK (project_id IN (SELECT id FROM projects));
                    CREATE SCHEMA archived;
                    CREATE TABLE archived.tasks (id integer, project_id integer);
                    CREATE POLICY in_project ON archived.tasks
                        USING (EXISTS (SELECT 1 FROM projects x WHERE x.id = tasks.project_id AND tasks.id > 0));
                    CREATE TABLE archived.text (body text, CHECK (num_nonnulls(text.*) > 0 AND body <> 'x'::text));
                    """, """
                    DROP SCHEMA archived CASCADE;
                    DROP TABLE tasks;
                    DROP TABLE projects;
                    """),
            new Construct("generated_identity", """
                    CREATE TABLE invoices (
                        id bigint GENERATED ALWAYS AS IDENTITY (START WITH 100) PRIMARY KEY,
                        net numeric NOT NULL,
                        gross numeric GENERATED ALWAYS AS (net * 1.2) STORED,
                        band varchar(10) GENERATED ALWAYS AS (CASE WHEN net::text IN ('1', '2') THEN 'low' END) STORED,
                        seq integer GENERATED BY DEFAULT AS IDENTITY);
                    COMMENT ON COLUMN invoices.gross IS 'With tax';
                    """, """
                    DROP TABLE invoices;
                    """),
            new Construct("identity_sequence_types", """
                    CREATE TABLE shipments (id integer GENERATED ALWAYS AS IDENTITY, label text);
                    CREATE TABLE shipments_archive (LIKE shipments INCLUDING IDENTITY);
                    CREATE TABLE parcels (id integer GENERATED BY DEFAULT AS IDENTITY (START WITH 10));
                    ALTER SEQUENCE parcels_id_seq AS bigint;
                    """, """
                    DROP TABLE parcels;
                    DROP TABLE shipments_archive;
                    DROP TABLE shipments;
                    """),
            new Construct("extension_version_and_dependents", """
                    CREATE EXTENSION pg_trgm VERSION '1.3';
                    CREATE FUNCTION trigram_count(t text) RETURNS integer LANGUAGE sql AS 'SELECT 1';
                    ALTER FUNCTION trigram_count(text) DEPENDS ON EXTENSION pg_trgm;
                    COMMENT ON SCHEMA public IS 'Corpus objects';
                    """, """
                    COMMENT ON SCHEMA public IS 'standard public schema';
                    DROP EXTENSION pg_trgm;
                    """),
            new Construct("event_trigger", """
                    CREATE FUNCTION log_ddl() RETURNS event_trigger LANGUAGE plpgsql AS $$
                    BEGIN
                        RAISE NOTICE 'ddl: %', tg_tag;
                    END;
                    $$;
                    CREATE EVENT TRIGGER log_table_ddl ON ddl_command_end WHEN TAG IN ('CREATE TABLE', 'ALTER TABLE')
                        EXECUTE FUNCTION log_ddl();
                    ALTER EVENT TRIGGER log_table_ddl DISABLE;
                    COMMENT ON EVENT TRIGGER log_table_ddl IS 'Logs table changes';
                    """, """
                    DROP EVENT TRIGGER log_table_ddl;
                    DROP FUNCTION log_ddl();
                    """),
            new Construct("publication", """
                    CREATE PUBLICATION member_changes FOR TABLE members, memberships WITH (publish = 'insert, update');
                    CREATE PUBLICATION filtered;
                    ALTER PUBLICATION filtered ADD TABLE members (id, name) WHERE (id IN (1, 2, 3));
                    COMMENT ON PUBLICATION member_changes IS 'For the search index';
                    """, """
                    DROP PUBLICATION filtered;
                    DROP PUBLICATION member_changes;
                    """),
            new Construct("foreign_tables", """
                    CREATE EXTENSION IF NOT EXISTS postgres_fdw;
                    CREATE EXTENSION IF NOT EXISTS file_fdw;
                    CREATE SERVER warehouse FOREIGN DATA WRAPPER postgres_fdw
                        OPTIONS (host 'warehouse.internal', dbname 'dw', port '5432');
                    CREATE FOREIGN TABLE remote_orders (id integer OPTIONS (column_name 'order_id') NOT NULL, total numeric)
                        SERVER warehouse OPTIONS (schema_name 'sales', table_name 'orders');
                    CREATE SERVER files FOREIGN DATA WRAPPER file_fdw;
                    CREATE FOREIGN TABLE imported_rates (code text, rate numeric CHECK (rate > 0))
                        SERVER files OPTIONS (filename '/tmp/rates.csv', format 'csv');
                    CREATE FOREIGN DATA WRAPPER dummy;
                    COMMENT ON SERVER warehouse IS 'The data warehouse';
                    COMMENT ON FOREIGN TABLE remote_orders IS 'Orders there';
                    """, """
                    DROP FOREIGN DATA WRAPPER dummy;
                    DROP FOREIGN TABLE imported_rates;
                    DROP SERVER files;
                    DROP FOREIGN TABLE remote_orders;
                    DROP SERVER warehouse;
                    DROP EXTENSION file_fdw;
                    DROP EXTENSION postgres_fdw;
                    """),
            new Construct("materialized_view", """
                    CREATE MATERIALIZED VIEW member_counts AS
                        SELECT status, count(*) AS n FROM members WHERE status IN ('new', 'open') GROUP BY status;
                    CREATE UNIQUE INDEX member_counts_status ON member_counts (status);
                    CREATE INDEX member_counts_n ON member_counts (n) WHERE n > 10;
                    COMMENT ON MATERIALIZED VIEW member_counts IS 'Refreshed nightly';
                    """, """
                    DROP MATERIALIZED VIEW member_counts;
                    """),
            new Construct("language", """
                    CREATE FUNCTION plmine_handler() RETURNS language_handler LANGUAGE c
                        AS '$libdir/plpgsql', 'plpgsql_call_handler';
                    CREATE FUNCTION plmine_validator(oid) RETURNS void LANGUAGE c
                        AS '$libdir/plpgsql', 'plpgsql_validator';
                    CREATE TRUSTED LANGUAGE plmine HANDLER plmine_handler VALIDATOR plmine_validator;
                    CREATE FUNCTION answer() RETURNS integer LANGUAGE plmine AS 'BEGIN RETURN 42; END';
                    CREATE TABLE answers (id integer PRIMARY KEY, value integer DEFAULT answer());
                    COMMENT ON LANGUAGE plmine IS 'PL/pgSQL under another name';
                    """, """
                    DROP TABLE answers;
                    DROP FUNCTION answer();
                    DROP LANGUAGE plmine;
                    DROP FUNCTION plmine_validator(oid);
                    DROP FUNCTION plmine_handler();
                    """),
            new Construct("transform", """
                    CREATE FUNCTION int_from_sql(internal) RETURNS internal LANGUAGE internal IMMUTABLE STRICT
                        AS 'int4recv';
                    CREATE FUNCTION int_to_sql(internal) RETURNS integer LANGUAGE internal IMMUTABLE STRICT
                        AS 'int4recv';
                    CREATE TRANSFORM FOR integer LANGUAGE plmine (FROM SQL WITH FUNCTION int_from_sql(internal),
                        TO SQL WITH FUNCTION int_to_sql(internal));
                    COMMENT ON TRANSFORM FOR integer LANGUAGE plmine IS 'Never called by plmine';
                    """, """
                    DROP TRANSFORM FOR integer LANGUAGE plmine;
                    DROP FUNCTION int_to_sql(internal);
                    DROP FUNCTION int_from_sql(internal);
                    """),
            new Construct("functions_and_triggers", """
                    CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$
                    BEGIN
                        NEW.body := coalesce(NEW.body, '');
                        RETURN NEW;
                    END;
                    $$;
                    CREATE FUNCTION double_it(x integer) RETURNS integer LANGUAGE sql IMMUTABLE
                    BEGIN ATOMIC
                        SELECT x * 2;
                    END;
                    CREATE PROCEDURE reset_notes() LANGUAGE sql AS 'DELETE FROM notes';
                    CREATE TRIGGER notes_touch BEFORE INSERT OR UPDATE ON notes FOR EACH ROW
                        WHEN (NEW.owner IN ('alice', 'bob')) EXECUTE FUNCTION touch();
                    CREATE STATISTICS members_stats (dependencies) ON id, status FROM members;
                    COMMENT ON FUNCTION double_it(integer) IS 'Twice';
                    COMMENT ON PROCEDURE reset_notes() IS 'Empties notes';
                    COMMENT ON TRIGGER notes_touch ON notes IS 'Fills the body';
                    COMMENT ON STATISTICS members_stats IS 'Status follows id';
                    """, """
                    DROP STATISTICS members_stats;
                    DROP TRIGGER notes_touch ON notes;
                    DROP PROCEDURE reset_notes();
                    DROP FUNCTION double_it(integer);
                    DROP FUNCTION touch();
                    """),
            new Construct("cluster_and_column_settings", """
                    CREATE TABLE visits (id integer PRIMARY KEY, page text, at date);
                    CREATE INDEX visits_page ON visits (page);
                    CREATE INDEX visits_day ON visits ((extract(dow FROM at)));
                    ALTER TABLE visits CLUSTER ON visits_page;
                    ALTER TABLE visits ALTER COLUMN page SET (n_distinct = 500, n_distinct_inherited = -0.25);
                    ALTER TABLE visits ALTER COLUMN at SET STATISTICS 300;
                    ALTER INDEX visits_day ALTER COLUMN 1 SET STATISTICS 50;
                    CREATE TABLE sessions (id integer PRIMARY KEY);
                    ALTER TABLE sessions CLUSTER ON sessions_pkey;
                    """, """
                    DROP TABLE sessions;
                    DROP TABLE visits;
                    """),
            new Construct("partition_index_settings", """
                    CREATE TABLE clicks (id bigint, at date, page text) PARTITION BY RANGE (at);
                    CREATE TABLE clicks_2024 PARTITION OF clicks FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
                    CREATE TABLE clicks_2025 PARTITION OF clicks FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
                    CREATE INDEX clicks_page ON clicks (page);
                    CREATE INDEX clicks_week ON clicks ((extract(week FROM at)));
                    ALTER INDEX clicks_week ALTER COLUMN 1 SET STATISTICS 60;
                    ALTER INDEX clicks_2025_extract_idx ALTER COLUMN 1 SET STATISTICS -1;
                    ALTER TABLE clicks_2024 CLUSTER ON clicks_2024_page_idx;
                    ALTER TABLE clicks ALTER COLUMN page SET (n_distinct_inherited = 1000);
                    COMMENT ON INDEX clicks_2024_page_idx IS 'Pages of one year';
                    """, """
                    DROP TABLE clicks;
                    """),
            new Construct("partitioned_index_attached_by_hand", """
                    CREATE TABLE gauges (id int, day date, v numeric) PARTITION BY LIST (day);
                    CREATE TABLE gauges_1 PARTITION OF gauges FOR VALUES IN ('2024-01-01');
                    CREATE TABLE gauges_2 PARTITION OF gauges FOR VALUES IN ('2024-01-02');
                    CREATE INDEX gauges_v ON ONLY gauges (v);
                    CREATE INDEX gauges_1_v ON gauges_1 (v);
                    ALTER INDEX gauges_v ATTACH PARTITION gauges_1_v;
                    COMMENT ON INDEX gauges_v IS 'Invalid until gauges_2 has one attached';
                    CREATE INDEX gauges_id ON gauges (id);
                    ALTER INDEX gauges_2_id_idx RENAME TO gauges_2_by_id;
                    """, """
                    DROP TABLE gauges;
                    """),
            new Construct("materialized_view_with_no_data", """
                    CREATE MATERIALIZED VIEW open_members AS SELECT id FROM members WHERE status = 'open' WITH NO DATA;
                    CREATE INDEX open_members_id ON open_members (id);
                    ALTER MATERIALIZED VIEW open_members CLUSTER ON open_members_id;
                    ALTER MATERIALIZED VIEW open_members ALTER COLUMN id SET STATISTICS 20;
                    ALTER MATERIALIZED VIEW open_members ALTER COLUMN id SET (n_distinct = -1);
                    """, """
                    DROP MATERIALIZED VIEW open_members;
                    """),
            new Construct("toast_parameters_and_statistics_targets", """
                    CREATE TABLE papers (id integer, body text)
                        WITH (fillfactor = 80, toast.autovacuum_enabled = false, toast.vacuum_truncate = false);
                    CREATE MATERIALIZED VIEW paper_bodies WITH (toast.autovacuum_enabled = false) AS
                        SELECT id, body FROM papers;
                    CREATE STATISTICS papers_stats (ndistinct) ON id, body FROM papers;
                    ALTER STATISTICS papers_stats SET STATISTICS 400;
                    """, """
                    DROP MATERIALIZED VIEW paper_bodies;
                    DROP TABLE papers;
                    """),
            // in a later replay than the extension's creation, before privileges' default ones: an anchor loaded without
            // the dependency kept the function
            new Construct("extension_dropped_with_its_dependents", """
                    DROP EXTENSION pg_trgm;
                    """, """
                    CREATE EXTENSION pg_trgm VERSION '1.3';
                    CREATE FUNCTION trigram_count(t text) RETURNS integer LANGUAGE sql AS 'SELECT 1';
                    ALTER FUNCTION trigram_count(text) DEPENDS ON EXTENSION pg_trgm;
                    """),
            new Construct("sql_body_cycles", """
                    CREATE TABLE tickets (n integer);
                    CREATE FUNCTION next_ticket() RETURNS integer LANGUAGE sql VOLATILE
                    BEGIN ATOMIC SELECT coalesce(max(n), 0) + 1 FROM tickets; END;
                    ALTER TABLE tickets ALTER COLUMN n SET DEFAULT next_ticket();
                    CREATE FUNCTION ticket_room() RETURNS integer LANGUAGE sql STABLE
                    BEGIN ATOMIC SELECT 1000 - count(*) FROM tickets; END;
                    ALTER TABLE tickets ADD CONSTRAINT tickets_room CHECK (n <= 1000 AND ticket_room() >= 0);
                    COMMENT ON CONSTRAINT tickets_room ON tickets IS 'Never more than 1000';
                    CREATE TABLE caps (c integer);
                    CREATE FUNCTION cap() RETURNS integer LANGUAGE sql STABLE BEGIN ATOMIC SELECT max(c) FROM caps; END;
                    CREATE DOMAIN capped AS integer CONSTRAINT capped_cap CHECK (VALUE <= cap());
                    ALTER TABLE caps ADD COLUMN used capped;
                    CREATE TABLE orders (qty integer, price integer);
                    CREATE FUNCTION order_total(q integer, p integer) RETURNS integer LANGUAGE sql IMMUTABLE
                    BEGIN ATOMIC SELECT q * p + 0 * (SELECT count(*) FROM orders)::integer; END;
                    ALTER TABLE orders ADD COLUMN total integer GENERATED ALWAYS AS (order_total(qty, price)) STORED;
                    ALTER TABLE orders ADD COLUMN note text;
                    COMMENT ON COLUMN orders.total IS 'Kept in place';
                    """, """
                    ALTER TABLE orders DROP COLUMN total;
                    DROP FUNCTION order_total(integer, integer);
                    DROP TABLE orders;
                    ALTER TABLE caps DROP COLUMN used;
                    DROP DOMAIN capped;
                    DROP FUNCTION cap();
                    DROP TABLE caps;
                    ALTER TABLE tickets DROP CONSTRAINT tickets_room;
                    ALTER TABLE tickets ALTER COLUMN n DROP DEFAULT;
                    DROP FUNCTION ticket_room();
                    DROP FUNCTION next_ticket();
                    DROP TABLE tickets;
                    """),
            new Construct("whole_row_arguments", """
                    CREATE TABLE people (first text, last text);
                    CREATE FUNCTION full_name(p people) RETURNS text LANGUAGE sql IMMUTABLE
                        AS $$ SELECT p.first || ' ' || p.last $$;
                    CREATE INDEX people_full_name ON people (full_name(people));
                    ALTER TABLE people ADD CONSTRAINT people_named CHECK (full_name(people) <> ' ');
                    """, """
                    DROP FUNCTION full_name(people) CASCADE;
                    DROP TABLE people;
                    """),
            new Construct("comments_on_identity_sequences_and_multiranges", """
                    CREATE TABLE badges (id integer GENERATED ALWAYS AS IDENTITY, label text);
                    COMMENT ON SEQUENCE badges_id_seq IS 'Badge numbers';
                    CREATE TABLE stamps (id bigint GENERATED BY DEFAULT AS IDENTITY);
                    ALTER SEQUENCE stamps_id_seq RENAME TO "Stamp ids";
                    COMMENT ON SEQUENCE "Stamp ids" IS 'Renamed';
                    CREATE TYPE spans AS RANGE (subtype = int8, multirange_type_name = "Span sets");
                    COMMENT ON TYPE "Span sets" IS 'Several spans';
                    """, """
                    DROP TYPE spans;
                    DROP TABLE stamps;
                    DROP TABLE badges;
                    """),
            new Construct("privileges", """
                    CREATE SCHEMA vault;
                    CREATE TABLE vault.secrets (id integer GENERATED ALWAYS AS IDENTITY, label text, body text);
                    CREATE VIEW vault.labels AS SELECT id, label FROM vault.secrets;
                    CREATE SEQUENCE vault.tickets;
                    CREATE FUNCTION vault.peek() RETURNS integer LANGUAGE sql AS 'SELECT 1';
                    CREATE TYPE vault.level AS ENUM ('low', 'high');
                    GRANT USAGE ON SCHEMA vault TO PUBLIC;
                    GRANT ALL ON vault.labels TO PUBLIC;
                    GRANT SELECT (label), UPDATE (label) ON vault.secrets TO PUBLIC;
                    GRANT USAGE ON ALL SEQUENCES IN SCHEMA vault TO PUBLIC;
                    REVOKE EXECUTE ON FUNCTION vault.peek() FROM PUBLIC;
                    REVOKE USAGE ON TYPE vault.level FROM PUBLIC;
                    ALTER DEFAULT PRIVILEGES IN SCHEMA vault GRANT SELECT ON TABLES TO PUBLIC;
                    ALTER DEFAULT PRIVILEGES REVOKE USAGE ON TYPES FROM PUBLIC;
                    """, """
                    ALTER DEFAULT PRIVILEGES GRANT USAGE ON TYPES TO PUBLIC;
                    ALTER DEFAULT PRIVILEGES IN SCHEMA vault REVOKE SELECT ON TABLES FROM PUBLIC;
                    DROP SCHEMA vault CASCADE;
                    """));

    private Constructs() {
    }
}
