package io.matey.live;

import io.matey.schema.DriftDraft;
import io.matey.schema.SchemaDiff;

/**
 * The outcome of {@code db drift}: whether the live schema differs from the committed state at the live applied
 * index. Being behind the worktree is not drift; a database ahead of or diverged from it is.
 *
 * @param url         where the live database is reached (a URL or a DataSource), password masked
 * @param liveSql     the live dump
 * @param expectedSql the committed state at {@code prefix.index()}
 */
public record LiveDrift(String target, LiveEndpoint url, LivePrefix prefix, boolean drifted, String liveSql,
        String expectedSql) {

    /** {@code Applied index: K}. */
    public int appliedIndex() {
        return prefix.index();
    }

    /**
     * {@code clean}, {@code drifted} (the live schema differs from the committed state at its applied index), or,
     * when the applied versions are not a leading run of the worktree's, {@code ahead} or {@code diverged}
     * (also migrations applied out of order): then no committed state is the expected one, and the schema is
     * not judged.
     */
    public String status() {
        return switch (prefix.relation()) {
            case AHEAD -> "ahead";
            case DIVERGED, OUT_OF_ORDER -> "diverged";
            case BEHIND, EQUAL -> drifted ? "drifted" : "clean";
        };
    }

    /** What differs, as a unified diff ({@code live/schema.sql} against the expected state); empty when equal. */
    public String diff() {
        return SchemaDiff.unified(liveSql, expectedSql, Postcheck.LIVE_LABEL, Postcheck.EXPECTED_LABEL);
    }

    /** A draft migration that turns the committed state into the live one, to keep an out-of-band change. */
    public String draft() {
        return DriftDraft.of(liveSql, expectedSql);
    }
}
