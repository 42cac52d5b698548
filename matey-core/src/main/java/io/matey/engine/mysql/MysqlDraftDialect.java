package io.matey.engine.mysql;

import io.matey.schema.DraftDialect;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * MySQL and MariaDB drop what {@code SHOW CREATE TABLE} writes inside a table each in its own way: a key (a
 * {@code UNIQUE} constraint is one) as an index, a check as a constraint, a foreign key as one; {@code MODIFY COLUMN}
 * gives a column the whole definition the dump writes, {@code ADD COLUMN} puts one {@code FIRST} or {@code AFTER} another,
 * and {@code CREATE OR REPLACE VIEW} changes any view, also in place after a rename, which the server does not follow
 * into it. A column is renamed with {@code RENAME COLUMN} from MariaDB 10.5 and MySQL 8.0, before them only by
 * {@code CHANGE COLUMN}, which restates its definition. A table's comment changes by {@code ALTER TABLE ... COMMENT},
 * its system versioning by {@code ADD|DROP SYSTEM VERSIONING} (MariaDB) and its partitioning by its whole
 * {@code PARTITION BY} clause or {@code REMOVE PARTITIONING}, whatever changed it ({@code REORGANIZE PARTITION} too),
 * but for partitions added or dropped at the end of a {@code RANGE} or {@code LIST} scheme ({@link PartitionsAtEnd}).
 */
final class MysqlDraftDialect implements DraftDialect {

    /** The major and minor version {@code SELECT VERSION()} begins with. */
    private static final Pattern VERSION = Pattern.compile("^(\\d+)\\.(\\d+)");
    private static final String CREATE = "CREATE ";
    private static final String FOREIGN_KEY = " FOREIGN KEY ";
    /** A plain key's {@code KEY `name` }, before its columns. */
    private static final Pattern PLAIN_KEY = Pattern.compile("^KEY (`(?:[^`]|``)*`) ");
    /** A table's comment among the options {@code SHOW CREATE TABLE} writes after its element list. */
    private static final Pattern COMMENT = Pattern.compile(" ?COMMENT='((?:[^'\\\\]|''|\\\\.)*)'");
    /** MariaDB's system versioning, last among a table's options. */
    private static final Pattern VERSIONING = Pattern.compile(" WITH SYSTEM VERSIONING(?=\\n|;?$)");
    /** The partitioning clause that ends a partitioned table (in a version comment on MySQL). */
    private static final Pattern PARTITIONING = Pattern.compile("\\n ?((?:/\\*!\\d+ )?PARTITION BY [\\s\\S]*?);?$");

    /** What lets MariaDB change a system-versioned table's columns (keeping its history rows), and its reset. */
    private static final String KEEP_HISTORY = "SET @@system_versioning_alter_history = KEEP;";
    private static final String RESET_HISTORY = "SET @@system_versioning_alter_history = DEFAULT;";

    private final boolean renamesColumns;

    private MysqlDraftDialect(boolean renamesColumns) {
        this.renamesColumns = renamesColumns;
    }

    /** The dialect of the server whose {@code SELECT VERSION()} is {@code version} ({@code 10.11.6-MariaDB}). */
    static MysqlDraftDialect of(String version) {
        Matcher m = VERSION.matcher(version);
        if (!m.find()) {
            return new MysqlDraftDialect(true);
        }
        int major = Integer.parseInt(m.group(1));
        int minor = Integer.parseInt(m.group(2));
        boolean mariadb = version.contains("MariaDB");
        return new MysqlDraftDialect(mariadb ? major > 10 || major == 10 && minor >= 5 : major >= 8);
    }

    @Override
    public boolean altersConstraints() {
        return true;
    }

    @Override
    public String dropConstraint(String table, String name, String element) {
        String drop;
        if (element.startsWith("PRIMARY KEY")) {
            drop = "DROP PRIMARY KEY";
        } else if (!element.startsWith("CONSTRAINT ")) {
            drop = "DROP INDEX " + name;
        } else if (element.contains(" FOREIGN KEY ")) {
            drop = "DROP FOREIGN KEY " + name;
        } else {
            drop = "DROP CONSTRAINT " + name;
        }
        return "ALTER TABLE " + table + " " + drop + ";";
    }

    /**
     * A foreign key added back uses the committed table's plain key on its columns, which InnoDB may have created
     * for it: adding the key would replace such an index under the key's name, so the index is declared again in
     * the same statement, which makes the server keep it (docs/architecture.md §6).
     */
    @Override
    public String restoreConstraint(String table, String element, List<String> elements) {
        int foreign = element.indexOf(FOREIGN_KEY);
        if (foreign < 0) {
            return null;
        }
        String columns = element.substring(foreign + FOREIGN_KEY.length(), element.indexOf(')', foreign) + 1);
        StringBuilder alter = new StringBuilder();
        for (String key : elements) {
            Matcher plain = PLAIN_KEY.matcher(key);
            if (plain.find() && key.startsWith(columns, plain.end()) && (key.length() == plain.end() + columns.length()
                    || key.charAt(plain.end() + columns.length()) == ' ')) {
                alter.append(" DROP INDEX ").append(plain.group(1)).append(", ADD ").append(key).append(',');
            }
        }
        return alter.isEmpty() ? null : "ALTER TABLE " + table + alter + " ADD " + element + ";";
    }

    @Override
    public String renameColumn(String table, String column, String name, String definition) {
        return renamesColumns ? DraftDialect.super.renameColumn(table, column, name, definition)
                : "ALTER TABLE " + table + " CHANGE COLUMN " + column + " " + name + " " + definition + ";";
    }

    /** {@code CREATE OR REPLACE}, before the view's options ({@code ALGORITHM}, {@code SQL SECURITY}) if any. */
    @Override
    public String replaceView(String view) {
        return redefine(view);
    }

    /** The server keeps a view's text; a rename leaves it reading the old name (docs/architecture.md §5). */
    @Override
    public boolean viewsKeepRenamedNames() {
        return true;
    }

    /** MySQL's and MariaDB's {@code CREATE OR REPLACE VIEW} takes any new definition, its columns too. */
    @Override
    public String redefine(String view) {
        return view.startsWith(CREATE) ? "CREATE OR REPLACE " + view.substring(CREATE.length()) : null;
    }

    @Override
    public String placeColumn(String previous) {
        return previous == null ? " FIRST" : " AFTER " + previous;
    }

    /**
     * The table's comment, system versioning and partitioning changed, when nothing else of its options did: versioning
     * added before the partitioning changes and dropped after them, as partitions by {@code SYSTEM_TIME} need it.
     */
    @Override
    public List<String> alterOptions(String table, String from, String to) {
        if (!otherOptions(from).equals(otherOptions(to))) {
            return null;
        }
        String alter = "ALTER TABLE " + table;
        List<String> statements = new ArrayList<>();
        String comment = comment(to);
        if (!comment.equals(comment(from))) {
            statements.add(alter + " COMMENT='" + comment + "';");
        }
        boolean versioned = VERSIONING.matcher(to).find();
        if (versioned && !VERSIONING.matcher(from).find()) {
            statements.add(alter + " ADD SYSTEM VERSIONING;");
        }
        String partitioning = partitioning(to);
        if (!partitioning.equals(partitioning(from))) {
            String atEnd = PartitionsAtEnd.alter(alter, partitioning(from), partitioning);
            statements.add(atEnd != null ? atEnd
                    : alter + (partitioning.isEmpty() ? " REMOVE PARTITIONING;" : "\n" + partitioning + ";"));
        }
        if (!versioned && VERSIONING.matcher(from).find()) {
            statements.add(alter + " DROP SYSTEM VERSIONING;");
        }
        return statements;
    }

    private static String comment(String options) {
        Matcher comment = COMMENT.matcher(options);
        return comment.find() ? comment.group(1) : "";
    }

    private static String partitioning(String options) {
        Matcher partitioning = PARTITIONING.matcher(options);
        return partitioning.find() ? partitioning.group(1) : "";
    }

    private static String otherOptions(String options) {
        String rest = PARTITIONING.matcher(options).replaceFirst("");
        return VERSIONING.matcher(COMMENT.matcher(rest).replaceFirst("")).replaceFirst("").replaceFirst(";$", "");
    }

    /**
     * MariaDB refuses to change a system-versioned table's columns or primary key (error 4119) unless
     * {@code system_versioning_alter_history} is {@code KEEP}, set here for the statements and set back to the
     * server's default after them; only MariaDB versions tables.
     */
    @Override
    public List<String> changingColumns(List<String> statements, String from, String to) {
        if (!VERSIONING.matcher(from).find() && !VERSIONING.matcher(to).find()) {
            return statements;
        }
        List<String> kept = new ArrayList<>(List.of(KEEP_HISTORY));
        kept.addAll(statements);
        kept.add(RESET_HISTORY);
        return kept;
    }

    /** {@code MODIFY COLUMN} restates the whole definition, and keeps the column's place. */
    @Override
    public List<String> alterColumn(String table, String column, String from, String to) {
        return List.of(modifyColumn(table, column, to));
    }

    @Override
    public String modifyColumn(String table, String column, String definition) {
        return "ALTER TABLE " + table + " MODIFY COLUMN " + definition + ";";
    }
}
