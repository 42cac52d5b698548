package io.matey.migration;

import io.matey.engine.Engines;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class StatementSplitterTest {

    private static List<String> sql(SqlDialect dialect, String text) {
        return new StatementSplitter(dialect).split(text).stream().map(SqlStatement::sql).toList();
    }

    @Test
    void splitsAtTopLevelSemicolonsAndReportsLines() {
        List<SqlStatement> statements = new StatementSplitter(Engines.byId("postgres").dialect())
                .split("CREATE TABLE a (id int);\n\n-- note\nCREATE TABLE b (id int);\n", 10);
        assertThat(statements).extracting(SqlStatement::sql)
                .containsExactly("CREATE TABLE a (id int)", "-- note\nCREATE TABLE b (id int)");
        assertThat(statements).extracting(SqlStatement::line).containsExactly(10, 13);
    }

    @Test
    void ignoresSemicolonsInQuotesAndComments() {
        assertThat(sql(Engines.byId("postgres").dialect(), "INSERT INTO t VALUES ('a;b', \"c;d\"); /* x; /* nested; */ y; */ SELECT 1;"))
                .containsExactly("INSERT INTO t VALUES ('a;b', \"c;d\")", "/* x; /* nested; */ y; */ SELECT 1");
        assertThat(sql(Engines.byId("mysql").dialect(), "INSERT INTO t VALUES ('it\\'s; fine', `a;b`); # c;\nSELECT 2"))
                .containsExactly("INSERT INTO t VALUES ('it\\'s; fine', `a;b`)", "# c;\nSELECT 2");
        assertThat(sql(Engines.byId("mysql").dialect(), "SELECT \"a\\\";b\"; SELECT 2"))
                .containsExactly("SELECT \"a\\\";b\"", "SELECT 2");
        assertThat(sql(Engines.byId("postgres").dialect(), "SELECT E'a\\';b'; SELECT 'x''; y'"))
                .containsExactly("SELECT E'a\\';b'", "SELECT 'x''; y'");
    }

    @Test
    void keepsDollarQuotedBodiesWhole() {
        String fn = "CREATE FUNCTION f() RETURNS int AS $body$ BEGIN RETURN 1; END; $body$ LANGUAGE plpgsql";
        assertThat(sql(Engines.byId("postgres").dialect(), fn + "; SELECT foo$tag$bar FROM t; DO $$ BEGIN NULL; END $$;"))
                .containsExactly(fn, "SELECT foo$tag$bar FROM t", "DO $$ BEGIN NULL; END $$");
    }

    @Test
    void keepsBeginEndBodiesWhole() {
        String trigger = "CREATE TRIGGER t AFTER INSERT ON a BEGIN\n  UPDATE b SET n = CASE WHEN n > 1 THEN 1 ELSE 2 END;\n"
                + "  INSERT INTO c VALUES (1);\nEND";
        assertThat(sql(Engines.byId("sqlite").dialect(), trigger + ";\nCREATE INDEX i ON a (x);"))
                .containsExactly(trigger, "CREATE INDEX i ON a (x)");
        String procedure = "CREATE PROCEDURE p() BEGIN\n  IF 1 THEN SELECT 1; END IF;\n  WHILE 0 DO SELECT 2; END WHILE;\n"
                + "  CASE @x WHEN 1 THEN SET @x = 2; ELSE SET @x = CASE WHEN @x > 1 THEN 3 END; END CASE;\nEND";
        assertThat(sql(Engines.byId("mysql").dialect(), procedure + ";\nSELECT 3;")).containsExactly(procedure, "SELECT 3");
    }

    @Test
    void anonymousCompoundStatementsAreOneStatement() {
        String block = "BEGIN NOT ATOMIC\n  DECLARE c INT;\n  SELECT COUNT(*) INTO c FROM t;\n"
                + "  IF c = 0 THEN\n    INSERT INTO t VALUES (1);\n  END IF;\nEND";
        String labelled = "outer_block: BEGIN NOT ATOMIC\n  l: LOOP LEAVE l; END LOOP;\nEND outer_block";
        String topLevelIf = "IF (SELECT 1) THEN SELECT 1; ELSEIF 2 THEN SELECT 2; END IF";
        assertThat(sql(Engines.byId("mysql").dialect(), "CREATE TABLE t (id INT PRIMARY KEY);\n" + block + ";\n"
                + labelled + ";\n" + topLevelIf + ";\nBEGIN;\nBEGIN WORK;\nCOMMIT;"))
                .containsExactly("CREATE TABLE t (id INT PRIMARY KEY)", block, labelled, topLevelIf, "BEGIN",
                        "BEGIN WORK", "COMMIT");
    }

    @Test
    void blockWordsUsedAsNamesOpenNoBlock() {
        assertThat(sql(Engines.byId("mysql").dialect(),
                "CREATE TABLE bk (id INT, begin DATE, end DATE);\nCREATE TABLE t2 (id INT);\n"
                        + "SELECT begin, end, IF(id > 1, 'a', 'b'), REPEAT('x', 2) FROM bk;\nALTER TABLE bk ADD COLUMN loop INT;\n"
                        + "SELECT 1;"))
                .containsExactly("CREATE TABLE bk (id INT, begin DATE, end DATE)", "CREATE TABLE t2 (id INT)",
                        "SELECT begin, end, IF(id > 1, 'a', 'b'), REPEAT('x', 2) FROM bk",
                        "ALTER TABLE bk ADD COLUMN loop INT", "SELECT 1");
        String procedure = "CREATE PROCEDURE p()\nBEGIN NOT ATOMIC\n  DECLARE c CURSOR FOR SELECT begin FROM bk;\n"
                + "  DECLARE CONTINUE HANDLER FOR SQLEXCEPTION BEGIN SET @e = 1; END;\n"
                + "  SELECT b.begin, b.end FROM bk b;\n  UPDATE bk SET end = begin;\n"
                + "  REPEAT SET @n = @n + 1; UNTIL @n > 3 END REPEAT;\n  WHILE @n > 0 DO SET @n = @n - 1; END WHILE;\nEND";
        String trigger = "CREATE TRIGGER tr BEFORE INSERT ON bk FOR EACH ROW\nIF NEW.id > 1 THEN SET NEW.begin = NULL; END IF";
        assertThat(sql(Engines.byId("mysql").dialect(), procedure + ";\n" + trigger + ";\nSELECT 2;"))
                .containsExactly(procedure, trigger, "SELECT 2");
    }

    @Test
    void postgresBeginAtomicBodiesStayWhole() {
        String function = "CREATE FUNCTION f() RETURNS int LANGUAGE sql\nBEGIN ATOMIC\n  SELECT 1;\n  SELECT CASE WHEN true THEN 2 END;\nEND";
        assertThat(sql(Engines.byId("postgres").dialect(), function + ";\nBEGIN ISOLATION LEVEL SERIALIZABLE;\nSELECT 3;"))
                .containsExactly(function, "BEGIN ISOLATION LEVEL SERIALIZABLE", "SELECT 3");
    }

    @Test
    void postgresSemicolonsInsideParenthesesStayInTheStatement() {
        String rule = "CREATE RULE r AS ON INSERT TO t DO ALSO (\n  INSERT INTO a VALUES (NEW.id);\n  INSERT INTO b VALUES (NEW.id);\n)";
        String atomic = "CREATE FUNCTION f() RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT (1); SELECT $$;$$; END";
        assertThat(sql(Engines.byId("postgres").dialect(), rule + ";\n" + atomic + ";\nSELECT ')'; SELECT (2);"))
                .containsExactly(rule, atomic, "SELECT ')'", "SELECT (2)");
    }

    @Test
    void mysqlRoutineBodiesWithoutBeginAreOneStatement() {
        String ifBody = "CREATE PROCEDURE p() IF 1 = 1 THEN SELECT 1; END IF";
        String whileBody = "CREATE PROCEDURE p2(IN n INT) COMMENT 'loops; twice' NOT DETERMINISTIC SQL SECURITY INVOKER\n"
                + "READS SQL DATA WHILE n > 0 DO SET n = n - 1; END WHILE";
        String returnsCase = "CREATE FUNCTION f() RETURNS INT RETURN CASE WHEN 1 THEN 2 END";
        String caseBody = "CREATE FUNCTION g(x INT) RETURNS VARCHAR(10) CHARSET utf8mb4 DETERMINISTIC\n"
                + "CASE x WHEN 1 THEN RETURN 'a'; ELSE RETURN 'b'; END CASE";
        String labelled = "CREATE FUNCTION h() RETURNS INT l: LOOP RETURN 1; END LOOP l";
        assertThat(sql(Engines.byId("mysql").dialect(), ifBody + ";\n" + whileBody + ";\n" + returnsCase + ";\n"
                + "CREATE FUNCTION f2() RETURNS INT RETURN (SELECT 1);\n" + caseBody + ";\n" + labelled + ";\nSELECT 3;"))
                .containsExactly(ifBody, whileBody, returnsCase, "CREATE FUNCTION f2() RETURNS INT RETURN (SELECT 1)",
                        caseBody, labelled, "SELECT 3");
    }

    @Test
    void mysqlTriggerBodyStartsAfterItsOrderingClause() {
        String follows = "CREATE TRIGGER t2 BEFORE INSERT ON x FOR EACH ROW FOLLOWS t1 IF NEW.a IS NULL THEN SET NEW.a = 0; END IF";
        String precedes = "CREATE TRIGGER t3 BEFORE INSERT ON x FOR EACH ROW PRECEDES `t1`\n"
                + "CASE WHEN NEW.a < 0 THEN SET NEW.a = 0; ELSE SET NEW.b = 1; END CASE";
        String begin = "CREATE TRIGGER t4 AFTER INSERT ON x FOR EACH ROW FOLLOWS t1 BEGIN SET @n = 1; SET @m = 2; END";
        assertThat(sql(Engines.byId("mysql").dialect(), follows + ";\n" + precedes + ";\n" + begin + ";\nSELECT 1;"))
                .containsExactly(follows, precedes, begin, "SELECT 1");
    }

    @Test
    void postgresRoutineOptionsOpenNoBlock() {
        String transform = "CREATE FUNCTION f(x hstore) RETURNS int LANGUAGE plpython3u TRANSFORM FOR TYPE hstore AS $$ return 1 $$";
        String procedure = "CREATE PROCEDURE p() LANGUAGE sql BEGIN ATOMIC SELECT 1; END";
        assertThat(sql(Engines.byId("postgres").dialect(), transform + ";\n" + procedure + ";\nSELECT 2;"))
                .containsExactly(transform, procedure, "SELECT 2");
    }

    @Test
    void transactionBeginIsAStatementNotABlock() {
        assertThat(sql(Engines.byId("sqlite").dialect(), "BEGIN; CREATE TABLE a (x); COMMIT;"))
                .containsExactly("BEGIN", "CREATE TABLE a (x)", "COMMIT");
    }

    @Test
    void executableCommentsAreStatementsSentAsWritten() {
        String view = "/*!50001 CREATE ALGORITHM=UNDEFINED */\n/*!50001 VIEW v AS SELECT id FROM t */";
        List<SqlStatement> statements = new StatementSplitter(Engines.byId("mysql").dialect())
                .split(view + ";\n/*!40101 INSERT INTO t VALUES (1, 'x') */;\n/*M!100100 SET @a = 1 */;\n/* note */;");
        assertThat(statements).extracting(SqlStatement::sql)
                .containsExactly(view, "/*!40101 INSERT INTO t VALUES (1, 'x') */", "/*M!100100 SET @a = 1 */");
        assertThat(statements).extracting(SqlStatement::line).containsExactly(1, 3, 4);
        // Elsewhere /*! is an ordinary comment.
        assertThat(sql(Engines.byId("postgres").dialect(), "/*!50001 SELECT 1 */;")).isEmpty();
    }

    @Test
    void sqliteBracketQuotedNamesAreNotKeywords() {
        assertThat(sql(Engines.byId("sqlite").dialect(),
                "CREATE TABLE ev (id INT, [case] TEXT, [begin] INT, [end;] INT); CREATE VIEW v AS SELECT 1 AS [case]; CREATE TABLE t2 (id INT);"))
                .containsExactly("CREATE TABLE ev (id INT, [case] TEXT, [begin] INT, [end;] INT)",
                        "CREATE VIEW v AS SELECT 1 AS [case]", "CREATE TABLE t2 (id INT)");
    }

    @Test
    void commentOnlyTextHasNoStatements() {
        StatementSplitter splitter = new StatementSplitter(Engines.byId("postgres").dialect());
        assertThat(splitter.split("-- nothing here;\n/* DROP TABLE x; */\n;;\n")).isEmpty();
        assertThat(splitter.split("-- comment\nDROP TABLE x;")).hasSize(1);
    }
}
