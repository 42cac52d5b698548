package io.matey.engine.mysql;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A table's {@code SHOW CREATE TABLE} text made canonical and split in two: the table without its foreign keys,
 * and the foreign keys as one {@code ALTER TABLE}. Creating every table before any foreign key loads whatever
 * the references (cycles and self-references included). The text has one item per line, since the server
 * escapes newlines in literals and comments.
 */
final class TableDefinition {

    private static final Pattern FOREIGN_KEY = Pattern.compile("^  (CONSTRAINT `((?:[^`]|``)+)` FOREIGN KEY .*)$");
    /**
     * Non-unique indexes are listed in creation order, which says nothing about the schema (foreign keys
     * create theirs implicitly). Unique keys keep the server's order: without a primary key, the first
     * UNIQUE NOT NULL one becomes InnoDB's clustered index.
     */
    private static final Pattern SECONDARY_INDEX = Pattern.compile("^  (FULLTEXT |SPATIAL )?KEY `");
    /** The next id is data, not schema. */
    private static final Pattern AUTO_INCREMENT = Pattern.compile(" AUTO_INCREMENT=\\d+");
    /** An engine-defined table option with a number, quoted by MariaDB 10 ({@code `PAGE_COMPRESSED`='1'}), not by 11. */
    private static final Pattern QUOTED_NUMBER_OPTION = Pattern.compile(" (`\\w+`)='(\\d+)'");
    /** The table's character set and collation, printed in the options after ENGINE= (before any COMMENT=). */
    private static final Pattern TABLE_CHARSET = Pattern.compile("^(\\) ENGINE=\\w+)(?: DEFAULT CHARSET=\\w+)?(?: COLLATE=\\w+)?");

    private final String name;
    private final String createTable;
    private final SortedMap<String, String> foreignKeys;

    private TableDefinition(String name, String createTable, SortedMap<String, String> foreignKeys) {
        this.name = name;
        this.createTable = createTable;
        this.foreignKeys = foreignKeys;
    }

    /**
     * @param collations what the table's and its columns' collations are, to print the table's character set and only the collations that differ
     * @param srids the spatial reference systems of its geometry columns, which the text lacks
     */
    static TableDefinition parse(String name, String showCreateTable, Collations collations, SpatialReferences srids) {
        String[] lines = showCreateTable.split("\n", -1);
        int close = 1;
        while (close < lines.length && !lines[close].startsWith(")")) {
            close++;
        }
        List<String> items = new ArrayList<>();
        List<String> indexes = new ArrayList<>();
        int indexPosition = -1;
        SortedMap<String, String> foreignKeys = new TreeMap<>();
        for (int i = 1; i < close; i++) {
            String item = lines[i].endsWith(",") ? lines[i].substring(0, lines[i].length() - 1) : lines[i];
            Matcher fk = FOREIGN_KEY.matcher(item);
            if (fk.matches()) {
                foreignKeys.put(fk.group(2).replace("``", "`"), fk.group(1));
            } else if (SECONDARY_INDEX.matcher(item).find()) {
                indexPosition = indexPosition < 0 ? items.size() : indexPosition;
                indexes.add(item);
            } else {
                String quoted = ColumnText.quotedName(item);
                String column = quoted == null ? null : Backticks.unquote(quoted);
                items.add(column == null ? item
                        : ColumnText.canonical(item, collations.ofColumn(name, column), srids.of(name, column)));
            }
        }
        indexes.sort(null);
        items.addAll(Math.max(indexPosition, 0), indexes);
        lines[close] = AUTO_INCREMENT.matcher(lines[close]).replaceFirst("");
        lines[close] = QUOTED_NUMBER_OPTION.matcher(lines[close]).replaceAll(" $1=$2");
        lines[close] = TABLE_CHARSET.matcher(lines[close]).replaceFirst("$1" + Matcher.quoteReplacement(collations.ofTable(name)));
        String createTable = lines[0] + "\n" + String.join(",\n", items) + "\n"
                + String.join("\n", Arrays.asList(lines).subList(close, lines.length));
        return new TableDefinition(name, createTable, foreignKeys);
    }

    /** Fails unless the foreign keys found in the text are exactly those the catalog lists. */
    TableDefinition requireForeignKeys(Set<String> expected) throws SQLException {
        if (!foreignKeys.keySet().equals(expected)) {
            throw new SQLException("Table " + Backticks.quote(name) + ": information_schema lists foreign keys " + expected
                    + " but SHOW CREATE TABLE shows " + foreignKeys.keySet() + "; the dump cannot render them.");
        }
        return this;
    }

    String createTable() {
        return createTable;
    }

    /** {@code ALTER TABLE ... ADD CONSTRAINT ...} for every foreign key, by name; empty when there is none. */
    Optional<String> addForeignKeys() {
        if (foreignKeys.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("ALTER TABLE " + Backticks.quote(name) + "\n  ADD " + String.join(",\n  ADD ", foreignKeys.values()));
    }
}
