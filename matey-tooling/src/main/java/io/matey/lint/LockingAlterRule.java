package io.matey.lint;

import io.matey.lint.Finding.Level;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import net.sf.jsqlparser.parser.Token;

/**
 * L417, L418: {@code ALTER TABLE} clauses that hold a lock on a table an earlier migration created (squawk's and
 * strong_migrations' rewrite and validation checks), on engines where they do ({@link
 * LintDialect#alterTableRewritesAndScans}: PostgreSQL). A table created (or created and renamed) earlier in the up
 * section holds no rows yet and is not reported.
 * <ul>
 * <li>L417, a rewrite of every row under ACCESS EXCLUSIVE: {@code ALTER [COLUMN] c [SET DATA] TYPE t} (not to
 * a type PostgreSQL changes the column's earlier type to in place, without {@code USING} or with {@code USING c},
 * the column itself: a {@code varchar} or {@code numeric} made longer, a time type given more digits, {@link ColumnType#widensInPlace}; where the earlier
 * type is not known ({@link ColumnTypes}), a change to {@code text} or a {@code varchar} without length is taken for
 * the widening of a {@code varchar(n)}; where it is known, the hint names it and why the change rewrites,
 * {@link ColumnType#rewriteReason}),
 * {@code SET LOGGED|UNLOGGED}, {@code SET TABLESPACE}, and {@code ADD [COLUMN]} of a column existing rows get a
 * value computed for each: a default calling a volatile function, a serial type, an identity or a stored generated
 * column.</li>
 * <li>L418, {@code ADD [CONSTRAINT c] CHECK|FOREIGN KEY} without {@code NOT VALID}, which checks every row under a
 * lock that blocks writes (ACCESS EXCLUSIVE for CHECK, SHARE ROW EXCLUSIVE on both tables for a foreign key), and
 * {@code ADD [COLUMN] c ... CHECK (...)}, whose constraint PostgreSQL checks on every row under ACCESS EXCLUSIVE
 * whatever the column's default.</li>
 * </ul>
 * Only {@code ALTER TABLE} statements are lexed beyond their first two tokens.
 */
final class LockingAlterRule implements LintRule {

    /** Volatile built-in functions a column default may call; a user's function of unknown volatility is not one. */
    private static final Set<String> VOLATILE = Set.of("random", "random_normal", "gen_random_uuid", "uuidv4",
            "uuidv7", "uuid_generate_v1", "uuid_generate_v1mc", "uuid_generate_v4", "clock_timestamp", "timeofday",
            "nextval");
    private static final Set<String> SERIAL_TYPES = Set.of("serial", "bigserial", "smallserial", "serial2",
            "serial4", "serial8");
    /** Types a {@code varchar(n)} widens to without a rewrite ({@code varchar} without length is unbounded). */
    private static final Set<String> UNBOUNDED_TEXT = Set.of("text", "varchar", "character varying");
    private static final String LATER = "in a later migration";

    @Override
    public void check(LintContext context, Findings findings) {
        if (!context.facts().alterTableRewritesAndScans()) {
            return;
        }
        // The columns' earlier types, which tell a type change PostgreSQL makes in place from one that rewrites.
        ColumnTypes types = context.facts().columnTypes().map(ColumnTypes::new).orElse(null);
        for (MigrationFile file : context.readableMigrations()) {
            Set<String> created = new HashSet<>();
            int next = 0;
            for (ParsedStatement statement : file.upStatements()) {
                List<ColumnTypes.Change> typeChanges = types == null ? List.of() : types.read(statement);
                List<Token> head = statement.head(2);
                if (head.size() < 2 || !TokenCursor.is(head.get(0), "ALTER")
                        || !TokenCursor.is(head.get(1), "TABLE")) {
                    continue;
                }
                // The tables the section created up to here; its changes are read once an ALTER TABLE asks.
                List<MigrationChanges.Located> changes = file.upChanges();
                for (; next < changes.size() && changes.get(next).line() <= statement.line(); next++) {
                    String table = MigrationChanges.newTable(changes.get(next));
                    if (table != null) {
                        created.add(table);
                    }
                }
                check(file, statement, created, typeChanges, findings);
            }
        }
    }

    private static void check(MigrationFile file, ParsedStatement statement, Set<String> created,
            List<ColumnTypes.Change> typeChanges, Findings findings) {
        List<Token> tokens = statement.tokens();
        TokenCursor head = new TokenCursor(tokens);
        head.accept("ALTER", "TABLE");
        head.accept("IF", "EXISTS");
        head.accept("ONLY");
        String table = head.name();
        head.accept("*");
        if (table == null || created.contains(Names.key(table))) {
            return;
        }
        for (List<Token> clause : TokenCursor.clauses(tokens, head.position())) {
            Rewrite rewrite = rewrite(clause, typeChanges);
            if (rewrite != null) {
                findings.add(Level.WARNING, "L417", file.path(), statement.line(), "'" + statement.source().summary()
                        + "' rewrites existing table '" + table + "' (" + rewrite.what() + ") under an ACCESS "
                        + "EXCLUSIVE lock, which blocks its reads and writes until every row is written again.",
                        rewrite.hint());
            }
            String scan = scan(new TokenCursor(clause));
            if (scan != null) {
                boolean foreignKey = scan.equals("FOREIGN KEY");
                findings.add(Level.WARNING, "L418", file.path(), statement.line(), "'" + statement.source().summary()
                        + "' adds a " + scan + " constraint to existing table '" + table + "' without NOT VALID: "
                        + "PostgreSQL checks every row under a lock that blocks " + (foreignKey
                        ? "writes to it and to the referenced table" : "its reads and writes") + " until done.",
                        "add it with NOT VALID (new rows are checked from then on), then ALTER TABLE " + table
                        + " VALIDATE CONSTRAINT ... " + LATER + ", which checks the rows without blocking writes");
            }
            String checked = checkedColumn(clause);
            if (checked != null) {
                findings.add(Level.WARNING, "L418", file.path(), statement.line(), "'" + statement.source().summary()
                        + "' adds column '" + checked + "' with a CHECK constraint to existing table '" + table
                        + "': PostgreSQL checks every row under a lock that blocks its reads and writes until done.",
                        "add the column without the CHECK, then ALTER TABLE " + table + " ADD CONSTRAINT ... CHECK "
                        + "(...) NOT VALID (new rows are checked from then on), and VALIDATE CONSTRAINT ... " + LATER
                        + ", which checks the rows without blocking writes");
            }
        }
    }

    /** What of a clause rewrites the table, as written, and what to do instead. */
    private record Rewrite(String what, String hint) {
    }

    /**
     * What of the clause rewrites the table; null when nothing does. {@code typeChanges}: the statement's column
     * type changes, whose earlier types tell a widening made in place, and the hint why another change is not.
     */
    private static Rewrite rewrite(List<Token> tokens, List<ColumnTypes.Change> typeChanges) {
        TokenCursor clause = new TokenCursor(tokens);
        if (clause.accept("SET")) {
            for (String kind : List.of("LOGGED", "UNLOGGED", "TABLESPACE")) {
                if (clause.peek(kind)) {
                    return new Rewrite("SET " + kind, "no form of it avoids the lock: run it when the table can be "
                            + "blocked for the rewrite");
                }
            }
            return null;
        }
        if (clause.accept("ALTER")) {
            if (clause.peek("CONSTRAINT")) {
                return null;
            }
            clause.accept("COLUMN");
            String column = clause.name();
            if (column == null || !clause.accept("SET", "DATA", "TYPE") && !clause.accept("TYPE")) {
                return null;
            }
            String type = clause.textToTopLevel("USING").toLowerCase(Locale.ROOT);
            ColumnTypes.Change known = typeChanges.stream().filter(c -> c.before() != null && c.after() != null
                    && Names.key(c.column()).equals(Names.key(column))).findFirst().orElse(null);
            // USING c, the column itself, computes nothing: the change is what it would be without it
            boolean using = clause.accept("USING") && !(clause.position() == tokens.size() - 1
                    && Names.key(tokens.get(clause.position()).image).equals(Names.key(column)));
            boolean widening = !using && (known != null ? known.after().widensInPlace(known.before())
                    : UNBOUNDED_TEXT.contains(type.split(" collate ")[0]));
            return widening ? null : new Rewrite("ALTER COLUMN " + column + " TYPE", typeHint(column, known, using));
        }
        String column = addedColumn(clause);
        String value = column == null ? null : computedValue(tokens.subList(clause.position(), tokens.size()));
        return value == null ? null : new Rewrite("ADD COLUMN " + column + " " + value, "add the column with no value "
                + "computed per row (no default, or a constant one), give new rows theirs with ALTER COLUMN ... SET "
                + "DEFAULT (or ADD GENERATED ... AS IDENTITY), and fill the existing rows in batches " + LATER);
    }

    /** The column an {@code ADD [COLUMN]} clause adds, the cursor then at its type; null for another clause. */
    private static String addedColumn(TokenCursor clause) {
        if (!clause.accept("ADD") || clause.peek("CONSTRAINT") || clause.peek("CHECK") || clause.peek("FOREIGN")
                || clause.peek("PRIMARY") || clause.peek("UNIQUE") || clause.peek("EXCLUDE")) {
            return null;
        }
        clause.accept("COLUMN");
        clause.accept("IF", "NOT", "EXISTS");
        return clause.name();
    }

    /**
     * The column an {@code ADD [COLUMN]} clause adds with a {@code CHECK} constraint, or null: PostgreSQL checks
     * every existing row, even where the column has no default and every row holds NULL, and a column constraint
     * takes no {@code NOT VALID}.
     */
    private static String checkedColumn(List<Token> clause) {
        TokenCursor cursor = new TokenCursor(clause);
        String column = addedColumn(cursor);
        return column != null && cursor.containsAtTopLevel("CHECK") ? column : null;
    }

    /**
     * What to do about a type change that rewrites: where the earlier migrations tell the column's type, that type
     * and why PostgreSQL converts every row; else which changes it makes in place.
     */
    private static String typeHint(String column, ColumnTypes.Change known, boolean using) {
        String instead = "add a column of the new type, fill it in batches " + LATER + ", and swap it in";
        if (known == null) {
            return instead + " (a varchar(n) or numeric(p, s) made longer is not rewritten: accept that)";
        }
        return "column '" + column + "' was " + known.before().text() + " after the earlier migrations, and "
                + (using ? "USING computes each row's new value" : known.after().rewriteReason(known.before()))
                + ", so PostgreSQL writes every row again: " + instead;
    }

    /**
     * What in an added column's definition (its type and what follows) computes a value for each existing row;
     * null when nothing does: a constant default, or one stable within the statement such as {@code now()}, is
     * stored once in the catalog (PostgreSQL 11 and later).
     */
    private static String computedValue(List<Token> definition) {
        if (definition.isEmpty()) {
            return null;
        }
        String type = definition.get(0).image.toLowerCase(Locale.ROOT);
        if (SERIAL_TYPES.contains(type)) {
            return type;
        }
        boolean defaulted = false;
        for (int i = 0; i < definition.size(); i++) {
            Token token = definition.get(i);
            if (TokenCursor.is(token, "IDENTITY") || TokenCursor.is(token, "STORED")) {
                return TokenCursor.is(token, "IDENTITY") ? "GENERATED ... AS IDENTITY" : "GENERATED ... STORED";
            }
            defaulted |= TokenCursor.is(token, "DEFAULT");
            String name = token.image.toLowerCase(Locale.ROOT);
            if (defaulted && VOLATILE.contains(name) && i + 1 < definition.size()
                    && definition.get(i + 1).image.equals("(")) {
                return "DEFAULT " + name + "()";
            }
        }
        return null;
    }

    /** The kind of constraint the clause adds that checks every row ({@code CHECK}, {@code FOREIGN KEY}), or null. */
    private static String scan(TokenCursor clause) {
        if (!clause.accept("ADD")) {
            return null;
        }
        if (clause.accept("CONSTRAINT") && !clause.peek("CHECK") && !clause.peek("FOREIGN")) {
            clause.name();
        }
        String kind = clause.accept("CHECK") ? "CHECK" : clause.accept("FOREIGN", "KEY") ? "FOREIGN KEY" : null;
        return kind == null || clause.containsAtTopLevel("NOT", "VALID") ? null : kind;
    }
}
