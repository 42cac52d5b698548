package io.matey.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.matey.migration.ParsedSql;
import io.matey.migration.SqlStatement;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What each engine's write guard refuses and what it lets through; statements as migrations write them. */
class WriteGuardTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "CREATE TABLE other_db.events (id int)",
            "CREATE TABLE `other_db`.`events` (id int)",
            "CREATE TABLE IF NOT EXISTS other_db.events LIKE local_events",
            "ALTER TABLE other_db.events ADD COLUMN note text",
            "ALTER TABLE events RENAME TO other_db.events",
            "ALTER TABLE events RENAME other_db.events",
            "DROP TABLE IF EXISTS events, other_db.events",
            "DROP VIEW other_db.v",
            "DROP INDEX idx ON other_db.events",
            "CREATE INDEX idx ON other_db.events (id)",
            "INSERT INTO other_db.audit (note) VALUES ('x')",
            "INSERT IGNORE INTO other_db.audit SELECT * FROM audit",
            "REPLACE INTO other_db.audit VALUES (1)",
            "UPDATE other_db.audit SET note = 'y'",
            "UPDATE audit a JOIN other_db.audit b ON a.id = b.id SET b.note = a.note",
            "DELETE FROM other_db.audit WHERE id = 1",
            "DELETE b FROM audit a JOIN other_db.audit b ON a.id = b.id",
            "TRUNCATE TABLE other_db.audit",
            "RENAME TABLE audit TO other_db.audit",
            "LOAD DATA INFILE '/tmp/x.csv' INTO TABLE other_db.audit",
            "CALL other_db.refresh()",
            "CREATE VIEW other_db.v AS SELECT 1",
            "CREATE DEFINER=`root`@`%` TRIGGER t BEFORE INSERT ON other_db.events FOR EACH ROW SET NEW.id = 1",
            "CREATE TRIGGER t AFTER INSERT ON events FOR EACH ROW INSERT INTO other_db.log VALUES (NEW.id)",
            "CREATE PROCEDURE p() BEGIN DECLARE n int; UPDATE other_db.counters SET n = n + 1; END",
            "CREATE EVENT e ON SCHEDULE EVERY 1 DAY DO DELETE FROM other_db.log",
            "USE other_db",
            "CREATE DATABASE other_db",
            "CREATE SCHEMA IF NOT EXISTS other_db",
            "DROP DATABASE other_db",
            "ALTER DATABASE other_db CHARACTER SET utf8mb4",
            "EXECUTE IMMEDIATE 'CREATE TABLE other_db.evil (id int)'",
            "EXECUTE IMMEDIATE 'INSERT INTO other_db.log VALUES (?)' USING 1",
            "EXECUTE IMMEDIATE 'USE other_db'",
            "PREPARE s FROM 'DROP TABLE `other_db`.t'",
            "PREPARE s FROM 'INSERT INTO other_db.log VALUES (''it''''s'')'",
            "EXECUTE IMMEDIATE 'EXECUTE IMMEDIATE ''CREATE DATABASE other_db'''",
            "CREATE PROCEDURE p() BEGIN PREPARE s FROM 'DELETE FROM other_db.log'; EXECUTE s; END",
            "/*!40101 INSERT INTO other_db.log VALUES (1) */",
            "/*M!100100 DROP TABLE other_db.log */",
            "/*!50001 CREATE ALGORITHM=UNDEFINED */\n/*!50001 VIEW other_db.v AS SELECT 1 */",
    })
    void mysqlRefusesWritesToAnotherDatabase(String sql) {
        assertThat(guard("mysql", sql)).as(sql).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "CREATE TABLE events (id int)",
            "CREATE TABLE copy LIKE other_db.events",
            "CREATE TABLE copy AS SELECT * FROM other_db.events",
            "CREATE VIEW v AS SELECT e.id FROM other_db.events e JOIN local l ON l.id = e.id",
            "INSERT INTO local SELECT * FROM other_db.events",
            "UPDATE local l JOIN other_db.events e ON e.id = l.id SET l.note = e.note",
            "UPDATE local SET note = 'x' WHERE id IN (SELECT id FROM other_db.events)",
            "DELETE l FROM local l JOIN other_db.events e ON e.id = l.id",
            "ALTER TABLE local ADD CONSTRAINT fk FOREIGN KEY (a) REFERENCES parent (id) ON DELETE CASCADE ON UPDATE CASCADE",
            "ALTER TABLE local RENAME COLUMN a TO b",
            "INSERT INTO local (id, n) VALUES (1, 1) ON DUPLICATE KEY UPDATE local.n = local.n + 1",
            "CREATE TRIGGER t BEFORE UPDATE ON local FOR EACH ROW SET NEW.updated = OLD.updated + 1",
            "ALTER DATABASE CHARACTER SET utf8mb4",
            "SELECT * FROM other_db.events FOR UPDATE",
            "INSERT INTO local (note) VALUES ('INSERT INTO other_db.x')",
            "EXECUTE IMMEDIATE 'CREATE TABLE evil (id int)'",
            "PREPARE s FROM 'INSERT INTO local SELECT * FROM other_db.events'",
            "EXECUTE s",
            "DEALLOCATE PREPARE s",
            "CREATE TABLE `a.b` (id int)",
            "INSERT INTO `a.b` (id) VALUES (1)",
            "DROP TABLE IF EXISTS `a.b`",
    })
    void mysqlAllowsReadsFromOtherDatabases(String sql) {
        assertThat(guard("mysql", sql)).as(sql).isEmpty();
        assertThat(unchecked("mysql", sql)).as(sql).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "EXECUTE IMMEDIATE CONCAT('CREATE TABLE other_', 'db.evil (id int)')",
            "EXECUTE IMMEDIATE @s",
            "PREPARE st FROM @s",
            "PREPARE st FROM 'CREATE TABLE ' 'other_db.t (id int)'",
            "PREPARE st FROM 'INSERT INTO log VALUES (\\'x\\'); CREATE TABLE other_db.t (id int)'",
            "CREATE PROCEDURE p(IN q text) BEGIN SET @s = q; PREPARE st FROM @s; EXECUTE st; END",
            "CREATE EVENT e ON SCHEDULE EVERY 1 DAY DO EXECUTE IMMEDIATE CONCAT('DELETE FROM ', @t)",
    })
    void mysqlCannotCheckSqlBuiltAtRunTime(String sql) {
        assertThat(guard("mysql", sql)).as(sql).isEmpty();
        assertThat(unchecked("mysql", sql)).as(sql).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "ATTACH DATABASE 'other.sqlite3' AS aux",
            "ATTACH 'other.sqlite3' AS aux",
            "CREATE TABLE aux.t (id integer)",
            "INSERT OR REPLACE INTO aux.t VALUES (1)",
            "DROP TABLE aux.t",
            "VACUUM INTO '/tmp/copy.sqlite3'",
            "CREATE TABLE \"aux\".\"t\" (id integer)",
            "CREATE TABLE [aux].[t] (id integer)",
            "CREATE TABLE `aux`.`t` (id integer)",
            "CREATE TABLE \"aux\".t (id integer)",
            "CREATE TABLE [a.b].[c.d] (id integer)",
            "INSERT INTO [aux].[t.x] VALUES (1)",
            "CREATE INDEX \"aux\".\"i.x\" ON \"t.x\" (id)",
            "CREATE TRIGGER \"tr.x\" AFTER INSERT ON \"t.x\" BEGIN INSERT INTO \"aux\".\"log.x\" VALUES (1); END",
            "CREATE TRIGGER [it's] AFTER INSERT ON t BEGIN INSERT INTO aux.log VALUES (1); END",
    })
    void sqliteRefusesAttachedDatabases(String sql) {
        assertThat(guard("sqlite", sql)).as(sql).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "CREATE TABLE main.t (id integer)",
            "CREATE TEMP TABLE temp.scratch (id integer)",
            "INSERT INTO t SELECT * FROM main.u",
            "DETACH DATABASE aux",
            "VACUUM",
            "INSERT INTO t (id) VALUES (1) ON CONFLICT (id) DO UPDATE SET id = excluded.id",
            "CREATE TABLE \"a.b\" (id integer)",
            "CREATE TABLE [a.b] (id integer)",
            "CREATE TABLE `a.b` (id integer)",
            "CREATE TABLE IF NOT EXISTS main.\"a.b\" (id integer)",
            "CREATE TABLE \"a.b\" AS SELECT 1 AS x",
            "INSERT INTO \"a.b\" (id) VALUES (1)",
            "INSERT OR REPLACE INTO [a.b] VALUES (1)",
            "REPLACE INTO `a.b` VALUES (1)",
            "UPDATE \"a.b\" SET id = 2 WHERE id = 1",
            "UPDATE OR IGNORE [a.b] SET id = 2",
            "DELETE FROM \"a.b\" WHERE id = 1",
            "ALTER TABLE \"a.b\" ADD COLUMN note text",
            "ALTER TABLE \"a.b\" RENAME TO \"c.d\"",
            "ALTER TABLE [a.b] RENAME COLUMN id TO \"x.y\"",
            "DROP TABLE \"a.b\"",
            "DROP TABLE IF EXISTS [a.b]",
            "CREATE INDEX \"i.x\" ON \"a.b\" (id)",
            "CREATE UNIQUE INDEX IF NOT EXISTS [i.x] ON [a.b] (id)",
            "DROP INDEX \"i.x\"",
            "CREATE VIEW \"v.x\" AS SELECT id FROM \"a.b\"",
            "DROP VIEW [v.x]",
            "CREATE TRIGGER \"tr.x\" AFTER INSERT ON \"a.b\" BEGIN INSERT INTO \"log.x\" VALUES (NEW.id); "
                    + "UPDATE [c.d] SET n = n + 1; DELETE FROM `e.f`; END",
            "DROP TRIGGER \"tr.x\"",
    })
    void sqliteAllowsItsOwnSchemas(String sql) {
        assertThat(guard("sqlite", sql)).as(sql).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"CREATE DATABASE other", "DROP DATABASE IF EXISTS other", "ALTER DATABASE app SET timezone TO 'UTC'",
            "CREATE SUBSCRIPTION replica CONNECTION 'host=primary' PUBLICATION everything"})
    void postgresRefusesDatabaseStatements(String sql) {
        assertThat(guard("postgres", sql)).as(sql).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"CREATE TABLE other.t (id int)", "INSERT INTO audit.log SELECT * FROM public.t",
            "CREATE SCHEMA other", "DROP SCHEMA other CASCADE"})
    void postgresSchemasAreInsideTheDatabase(String sql) {
        assertThat(guard("postgres", sql)).as(sql).isEmpty();
    }

    @org.junit.jupiter.api.Test
    void reasonNamesTheTargetAndItsDatabase() {
        assertThat(guard("mysql", "INSERT INTO `other_db`.`audit` VALUES (1)"))
                .hasValue("write target other_db.audit names database other_db");
        assertThat(guard("mysql", "EXECUTE IMMEDIATE 'DROP TABLE other_db.audit'"))
                .hasValue("EXECUTE IMMEDIATE runs a string where write target other_db.audit names database other_db");
        assertThat(unchecked("mysql", "PREPARE s FROM @sql")).hasValue("PREPARE ... FROM runs SQL built at run "
                + "time, which cannot be checked before it runs: write the statement itself, or give PREPARE ... FROM "
                + "one string literal (a quote in it written '')");
        assertThat(guard("sqlite", "CREATE TABLE aux.t (id integer)"))
                .hasValue("write target aux.t is in attached database aux");
        assertThat(guard("sqlite", "INSERT INTO [a\"ux].\"t\"\"s\" VALUES (1)"))
                .hasValue("write target a\"ux.t\"s is in attached database a\"ux");
    }

    private static Optional<String> unchecked(String engine, String sql) {
        return Engines.byId(engine).writeGuard().unchecked(ParsedSql.of(new SqlStatement(sql, 1)));
    }

    private static Optional<String> guard(String engine, String sql) {
        return Engines.byId(engine).writeGuard().foreignWrite(ParsedSql.of(new SqlStatement(sql, 1)));
    }
}
