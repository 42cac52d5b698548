package io.matey.schema;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Columns told from constraints and keys by what follows a word, not by the word alone: SQLite and PostgreSQL take
 * key, index, exclude and others unquoted as a column's name (docs/architecture.md §5).
 */
class TableElementsTest {

    @Test
    void columnsNamedLikeTheWordsThatStartAConstraint() {
        TableElements table = TableElements.parse("CREATE TABLE t (key TEXT PRIMARY KEY, like TEXT, exclude INTEGER, "
                + "period TEXT, fulltext TEXT, spatial TEXT, index integer, [my col] TEXT, key2, keyword (x), "
                + "CONSTRAINT c CHECK (key <> ''), PRIMARY KEY (key), UNIQUE (like), FOREIGN KEY (key) REFERENCES u)");
        assertThat(table.columns()).containsOnlyKeys("key", "like", "exclude", "period", "fulltext", "spatial",
                "index", "[my col]", "key2", "keyword");
        assertThat(table.constraints()).hasSize(4);
        assertThat(TableElements.primaryKeyColumns("PRIMARY KEY (key, index)")).containsExactly("key", "index");
    }

    @Test
    void keysIndexesAndExclusionsOfTheOtherEngines() {
        TableElements table = TableElements.parse("""
                CREATE TABLE t (
                  `key` int(11) NOT NULL,
                  KEY `idx` (`key`),
                  UNIQUE KEY `u` (`key`),
                  FULLTEXT KEY ft_body (body),
                  KEY idx_label (label),
                  INDEX requests_path path TYPE bloom_filter(0.01) GRANULARITY 4,
                  EXCLUDE USING gist (room WITH =),
                  PERIOD FOR valid (s, e)
                )""");
        assertThat(table.columns()).containsOnlyKeys("`key`");
        assertThat(table.constraints()).hasSize(7);
    }

    @Test
    void commasInsideBracketsSplitNothing() {
        TableElements sqlite = TableElements.parse("CREATE TABLE [a,b] ([x,y] INTEGER PRIMARY KEY, [p(q] TEXT, "
                + "[r\"s] TEXT, PRIMARY KEY ([x,y], [p(q]))");
        assertThat(sqlite.columns()).containsOnlyKeys("[x,y]", "[p(q]", "[r\"s]");
        assertThat(sqlite.constraints()).containsExactly("PRIMARY KEY ([x,y], [p(q])");
        assertThat(TableElements.primaryKeyColumns("PRIMARY KEY ([x,y], [p(q])")).containsExactly("[x,y]", "[p(q]");

        TableElements arrays = TableElements.parse("CREATE TABLE t (a integer[] DEFAULT ARRAY[1, 2], "
                + "b text[] DEFAULT ARRAY['x,]', 'y'], c Array(Array(UInt8)) DEFAULT [[1, 2], [3]], d int)");
        assertThat(arrays.columns()).containsOnlyKeys("a", "b", "c", "d");
    }
}
