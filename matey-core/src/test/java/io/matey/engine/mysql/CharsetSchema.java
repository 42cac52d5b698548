package io.matey.engine.mysql;

/**
 * Columns whose printed form depends on the server version: integer display widths, zerofill, the boolean
 * {@code tinyint(1)}, {@code year}, JSON, and character sets and collations at table and column level, some equal
 * to what they inherit and some really different.
 */
final class CharsetSchema {

    private CharsetSchema() {
    }

    static final String SQL = """
            CREATE TABLE widths (
              id bigint(20) unsigned NOT NULL AUTO_INCREMENT PRIMARY KEY,
              small smallint(6) NOT NULL DEFAULT 0,
              medium mediumint(9),
              plain int(5),
              flag tinyint(1) NOT NULL DEFAULT 1,
              tiny tinyint(4),
              padded int(8) unsigned zerofill,
              made year(4),
              price decimal(10,2),
              bits bit(3)
            );
            CREATE TABLE texts (
              id int NOT NULL PRIMARY KEY,
              inherited varchar(40),
              exact varchar(40) COLLATE utf8mb4_bin NOT NULL,
              spelled_out varchar(40) CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci,
              legacy char(3) CHARACTER SET latin1,
              choice enum('a b','c''d') CHARACTER SET latin1 COLLATE latin1_bin DEFAULT 'a b',
              doc json,
              note text COMMENT 'COLLATE utf8mb4_bin is not a clause here',
              UNIQUE KEY uq_exact (exact)
            ) COMMENT 'texts DEFAULT CHARSET=latin1';
            CREATE TABLE legacy_table (
              id int NOT NULL PRIMARY KEY,
              name varchar(20),
              modern varchar(20) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin
            ) DEFAULT CHARSET=latin1 COLLATE=latin1_general_ci;
            CREATE TABLE binary_table (
              id int NOT NULL PRIMARY KEY,
              name varchar(20)
            ) COLLATE=utf8mb4_bin;
            """;
}
