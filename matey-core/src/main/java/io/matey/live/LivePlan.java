package io.matey.live;

import io.matey.engine.MateyUrl;
import io.matey.schema.SchemaDiff;

/**
 * The outcome of {@code db plan}: the live database compared with the worktree head. A database behind the
 * head is a mismatch, as is one ahead of or diverged from the worktree.
 *
 * @param targetIndex N, the worktree head
 * @param liveSql     the live dump
 * @param expectedSql the worktree {@code schema.sql} (the zero baseline with no migrations)
 */
public record LivePlan(String target, MateyUrl url, LivePrefix prefix, int targetIndex, boolean match,
        String liveSql, String expectedSql) {

    /** The live applied index K. */
    public int applied() {
        return prefix.index();
    }

    /** {@code --sql}: the schema the database will have at head. */
    public String sql() {
        return expectedSql;
    }

    /** {@code --diff}: labelled {@code live/schema.sql} and {@code expected/worktree.sql}; empty when equal. */
    public String diff() {
        return SchemaDiff.unified(liveSql, expectedSql, Postcheck.LIVE_LABEL, Postcheck.EXPECTED_LABEL);
    }
}
