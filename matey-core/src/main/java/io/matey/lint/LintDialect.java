package io.matey.lint;

import java.util.List;
import java.util.Optional;

/**
 * What {@code matey lint}'s rules need to know about an engine's SQL beyond its lexical dialect; each engine
 * returns its own from {@code Engine.lint()} (docs/architecture.md §3). Every fact defaults to "no", so an engine
 * states only what makes a rule apply to it.
 */
public interface LintDialect {

    /** An engine none of the engine-specific rules apply to. */
    LintDialect PLAIN = new LintDialect() {
    };

    /**
     * {@code SET} statements change session settings only, so a down section holding nothing else restores
     * nothing (L102, as in Python matey).
     */
    default boolean setStatementsAreSessionSettings() {
        return false;
    }

    /**
     * Adding a NOT NULL column without a DEFAULT gives existing rows the type's implicit zero value instead of
     * failing (L402 says which).
     */
    default boolean notNullColumnGetsImplicitZero() {
        return false;
    }

    /**
     * A column is NOT NULL unless its type says otherwise ({@code Nullable(T)}, or a {@code NULL} written), so a
     * column added with neither a default nor nullability is NOT NULL without a DEFAULT (L402, ClickHouse).
     */
    default boolean columnsNotNullUnlessNullable() {
        return false;
    }

    /**
     * A plain {@code CREATE INDEX} blocks writes to its table until built, and {@code CONCURRENTLY} cannot run
     * inside a transaction (L406, L407).
     */
    default boolean concurrentIndexBuilds() {
        return false;
    }

    /**
     * {@code ALTER TABLE ... UPDATE|DELETE} (and a lightweight {@code DELETE FROM}) are mutations: background
     * rewrites of every data part of the table, whose changed rows no down can restore (L408).
     */
    default boolean alterMutations() {
        return false;
    }

    /**
     * The server refuses a request holding more than one statement, and dbmate sends a section as one request, so
     * dbmate fails on a section of several statements, which Matey runs one by one (L015).
     */
    default boolean oneStatementPerRequest() {
        return false;
    }

    /**
     * {@code ON CLUSTER} sends DDL to every replica through a distributed queue, outside the one database a
     * migration runs in (L409).
     */
    default boolean clusterDdl() {
        return false;
    }

    /**
     * {@code PARTITION BY SYSTEM_TIME INTERVAL ...} without {@code STARTS} starts its partitions on the day the statement
     * runs, which the dump then prints, so a replay on another day writes another schema (L410).
     */
    default boolean systemTimeIntervalStartsOnCreation() {
        return false;
    }

    /**
     * Events run on a schedule whose times the server stores as computed, so one computed from the clock is printed
     * by the dump as the second the statement ran (L412).
     */
    default boolean eventSchedules() {
        return false;
    }

    /**
     * A foreign key whose columns lead no index gets one the server creates and marks as its own, which no dump shows,
     * and which a key added later over those columns replaces (L414).
     */
    default boolean foreignKeysCreateHiddenIndexes() {
        return false;
    }

    /**
     * {@code search_path} is a session setting a statement can change; Matey starts every migration section from the
     * connection's own session, so such a change ends with its section (L411), while dbmate writes its version
     * row under it (L411, L413).
     */
    default boolean searchPathIsSessionState() {
        return false;
    }

    /**
     * Some {@code ALTER TABLE} clauses rewrite the table under an ACCESS EXCLUSIVE lock (a column's type, a volatile
     * default, {@code SET LOGGED|UNLOGGED|TABLESPACE}, L417), and an added CHECK or FOREIGN KEY constraint scans it
     * under a lock that blocks writes unless it is added {@code NOT VALID} (L418).
     */
    default boolean alterTableRewritesAndScans() {
        return false;
    }

    /**
     * {@code lock_timeout}, {@code statement_timeout} and {@code idle_in_transaction_session_timeout} are session
     * settings a statement can change, which dbmate's later migrations of a batch then run under (L419).
     */
    default boolean sessionTimeouts() {
        return false;
    }

    /**
     * An object a migration adds to an extension ({@code ALTER EXTENSION e ADD ...}) is one of its members, which the
     * dump leaves to {@code CREATE EXTENSION}, and which the catalog does not tell from those the extension's own
     * script creates (L420).
     */
    default boolean extensionMembersUndumped() {
        return false;
    }

    /**
     * How column types are written, where a migration changes one ({@code ALTER TABLE ... MODIFY|CHANGE} on MySQL,
     * {@code ALTER COLUMN c TYPE} on PostgreSQL), so that lint can tell a narrowing (L421) and a widening made in
     * place (L417); empty where lint compares no types.
     */
    default Optional<ColumnTypeFacts> columnTypes() {
        return Optional.empty();
    }

    /** An enum value {@code ALTER TYPE ... ADD VALUE} adds cannot be used before its transaction commits (L416). */
    default boolean newEnumValuesWaitForCommit() {
        return false;
    }

    /**
     * The dump holds the privileges on the objects inside a database, but not those on the database itself nor on
     * large objects, which a migration may also grant (L110).
     */
    default boolean dumpsObjectPrivileges() {
        return false;
    }

    /**
     * What a statement is when the server refuses to run it inside a transaction block, such as PostgreSQL's
     * {@code CREATE INDEX CONCURRENTLY}, given its text from the first token on; empty when it may run in one. dbmate
     * sends a {@code transaction:false} section as one query, which such a server runs as one implicit transaction,
     * so such a statement runs under dbmate only alone in its section (L013); Matey runs a {@code transaction:false}
     * section holding one statement by statement, any other in one transaction (docs/architecture.md §7).
     */
    default Optional<String> refusedInTransactionBlock(String statement) {
        return Optional.empty();
    }

    /**
     * Whether a statement takes effect only outside a transaction on an engine that runs a {@code
     * transaction:false} section statement by statement, as dbmate does there: SQLite's {@code PRAGMA foreign_keys}
     * does nothing inside one, {@code PRAGMA journal_mode} and {@code VACUUM} are refused. Given its text from the
     * first token on. A section holding one needs the directive (L106).
     */
    default boolean onlyOutsideTransaction(String statement) {
        return false;
    }

    /**
     * Why the engine's canonical dump cannot render what the statement creates (L301), given the token images of a
     * {@code CREATE} or {@code ALTER} statement (lint asks no other); empty when it can. Example: "The bigquery-emulator schema dump does not render views, ...".
     */
    default Optional<String> undumpable(List<String> tokens) {
        return Optional.empty();
    }
}
