package io.matey.lint;

/**
 * What an up statement does to the schema, in the terms the safety rules (L4xx) reason about. Names are as
 * written, without quotes; {@link #subject()} is the table (or schema, or type) the change acts on.
 */
sealed interface SchemaChange {

    /** The kinds of object {@link #subject()} names: each has names of its own, so a type may share a table's. */
    enum Kind { TABLE, SCHEMA, TYPE }

    String subject();

    default Kind kind() {
        return Kind.TABLE;
    }

    /**
     * A new table, or a new materialized view: both are relations that indexes and constraints can act on.
     * {@code partitioned}: a PostgreSQL partitioned table ({@code PARTITION BY}), which refuses
     * {@code CREATE INDEX CONCURRENTLY}.
     */
    record CreateTable(String subject, boolean partitioned) implements SchemaChange {
        CreateTable(String subject) {
            this(subject, false);
        }
    }

    /**
     * A ClickHouse materialized view without {@code TO}, whose rows live in an inner table that dropping the view
     * drops (also a {@link CreateTable}).
     */
    record CreateInnerTableView(String subject) implements SchemaChange {
    }

    /** {@code DROP VIEW}: destructive where it drops a {@link CreateInnerTableView}'s inner table. */
    record DropView(String subject) implements SchemaChange {
    }

    /** {@code CREATE OR REPLACE TABLE}: an existing table's rows go with it (also a {@link CreateTable}). */
    record ReplaceTable(String subject) implements SchemaChange {
    }

    /** ClickHouse's {@code ALTER TABLE t CLEAR COLUMN c}: the column's values reset to its default. */
    record ClearColumn(String subject, String column) implements SchemaChange {
    }

    /**
     * ClickHouse's {@code ALTER TABLE t REPLACE PARTITION p FROM other}: the partition's rows replaced by the other
     * table's. {@code what} as written ({@code partition 202401}).
     */
    record ReplacePartition(String subject, String what) implements SchemaChange {
    }

    /** ClickHouse's {@code EXCHANGE TABLES a AND b}: each name then holds the other's rows. */
    record ExchangeTables(String subject, String other) implements SchemaChange {
    }

    record CreateSchema(String subject) implements SchemaChange {
        @Override
        public Kind kind() {
            return Kind.SCHEMA;
        }
    }

    /** PostgreSQL's {@code ALTER SCHEMA s RENAME TO n}: every name qualified with the schema changes. */
    record RenameSchema(String subject, String newName) implements SchemaChange {
        @Override
        public Kind kind() {
            return Kind.SCHEMA;
        }
    }

    /** PostgreSQL's {@code CREATE TYPE t ...} (an enum, composite, range or base type). */
    record CreateType(String subject) implements SchemaChange {
        @Override
        public Kind kind() {
            return Kind.TYPE;
        }
    }

    /**
     * PostgreSQL's {@code ALTER TYPE t RENAME VALUE 'old' TO 'new'} on an enum: code writing or comparing the old
     * value fails. The values as written, quoted.
     */
    record RenameEnumValue(String subject, String value, String newValue) implements SchemaChange {
        @Override
        public Kind kind() {
            return Kind.TYPE;
        }
    }

    record DropTable(String subject) implements SchemaChange {
    }

    record DropSchema(String subject) implements SchemaChange {
        @Override
        public Kind kind() {
            return Kind.SCHEMA;
        }
    }

    record DropColumn(String subject, String column) implements SchemaChange {
    }

    record Truncate(String subject) implements SchemaChange {
    }

    /**
     * {@code DELETE FROM t} without a row condition ({@code WHERE}, {@code USING}, {@code LIMIT}): it empties the
     * table as TRUNCATE does.
     */
    record DeleteAll(String subject) implements SchemaChange {
    }

    /**
     * Partitions (or ClickHouse data parts) of a table dropped or emptied with their rows: MySQL's and MariaDB's
     * {@code DROP|TRUNCATE PARTITION}, ClickHouse's {@code DROP PARTITION|PART}. {@code what} is as
     * written ({@code partition p0, p1}, {@code part 'all_1_1_0'}).
     */
    record DropPartition(String subject, String what, boolean truncate) implements SchemaChange {
    }

    /**
     * {@code requiresValue}: NOT NULL without a default, identity or generated value; {@code bare}: neither
     * {@code NULL}, {@code NOT NULL} nor a value written and a type that is not {@code Nullable(...)}, which is NOT
     * NULL without a default where columns are NOT NULL unless their type says otherwise (ClickHouse).
     */
    record AddColumn(String subject, String column, boolean requiresValue, boolean bare) implements SchemaChange {
    }

    /** A UNIQUE constraint or a PRIMARY KEY added to a table. */
    record AddUnique(String subject, boolean primaryKey) implements SchemaChange {
    }

    /**
     * {@code name} is null for PostgreSQL's unnamed {@code CREATE INDEX ON t (...)}; {@code only}: {@code ON ONLY t},
     * which builds nothing on a partitioned table's partitions.
     */
    record CreateIndex(String subject, String name, boolean unique, boolean concurrently, boolean only)
            implements SchemaChange {
        CreateIndex(String subject, String name, boolean unique, boolean concurrently) {
            this(subject, name, unique, concurrently, false);
        }
    }

    record SetNotNull(String subject, String column) implements SchemaChange {
    }

    record RenameTable(String subject, String newName) implements SchemaChange {
    }

    record RenameColumn(String subject, String column, String newName) implements SchemaChange {
    }

    /** PostgreSQL's {@code ALTER TABLE t SET SCHEMA s}: the table's qualified name changes, as in a rename. */
    record MoveTable(String subject, String schema) implements SchemaChange {
    }

    /** MariaDB's {@code ALTER TABLE t DROP SYSTEM VERSIONING}, which deletes the table's history rows. */
    record DropSystemVersioning(String subject) implements SchemaChange {
    }

    /**
     * Rows of {@code source} copied into {@code subject}: {@code INSERT INTO subject ... SELECT ... FROM source} or
     * {@code CREATE TABLE subject AS SELECT ... FROM source}, the copy step of a table rebuild.
     */
    record CopyRows(String subject, String source) implements SchemaChange {
    }
}
