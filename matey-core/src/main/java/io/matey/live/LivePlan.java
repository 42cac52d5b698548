package io.matey.live;

import io.matey.artifact.ArtifactNames;
import java.util.List;

/**
 * The outcome of {@code db plan}: the live database compared with the worktree head. A database behind the head
 * whose schema is the committed state at its applied index is {@code pending} ({@code db up} applies the rest); any
 * other difference is a mismatch, as is a database ahead of or diverged from the worktree; one that does not exist
 * yet is {@code missing}: nothing applied, every migration pending ({@code db up} creates it and applies them).
 *
 * @param pendingOnly behind the head and otherwise at the committed state of its applied index
 * @param url         where the live database is reached (a URL or a DataSource), password masked
 * @param targetIndex N, the worktree head
 * @param liveSql     the live dump; null when the database does not exist
 * @param expectedSql the worktree {@code schema.sql} (the zero baseline with no migrations)
 * @param interrupted a section that stopped partway ({@code db status}'s {@code Interrupted:}), or null
 * @param unloadable  the live objects whose text the server would not load back, each with why, as
 *                    {@link LiveDrift#unloadable} lists them
 */
public record LivePlan(String target, LiveEndpoint url, LivePrefix prefix, int targetIndex, boolean match,
        boolean pendingOnly, String liveSql, String expectedSql, Interruption interrupted, List<String> unloadable) {

    public LivePlan {
        unloadable = List.copyOf(unloadable);
    }

    /** A database that does not exist yet, with nothing applied: it matches no head, as {@code db status} lists it. */
    static LivePlan ofMissingDatabase(String target, LiveEndpoint url, LivePrefix nothingApplied, int targetIndex,
            String expectedSql) {
        return new LivePlan(target, url, nothingApplied, targetIndex, false, false, null, expectedSql, null, List.of());
    }

    /** True when the database does not exist yet. */
    public boolean databaseMissing() {
        return liveSql == null;
    }

    /**
     * {@code match}, {@code pending}, {@code mismatch}, {@code missing} (the database does not exist yet), or
     * {@code unadopted} (it predates Matey: {@code db adopt} records the index it equals).
     */
    public String status() {
        return databaseMissing() ? "missing" : match ? "match" : pendingOnly ? "pending"
                : prefix.relation() == LivePrefix.Relation.UNADOPTED ? "unadopted" : "mismatch";
    }

    /** Worktree migrations not applied: every one when the database does not exist. */
    public int pending() {
        return targetIndex - prefix.index();
    }

    /** {@code matey <command>} for this target and database, as advice names it. */
    public String command(String command) {
        return LiveTarget.command(target, url, command);
    }

    /** The live applied index K. */
    public int applied() {
        return prefix.index();
    }

    /** {@code --sql}: the schema the database will have at head. */
    public String sql() {
        return expectedSql;
    }

    /**
     * {@code --diff}: the worktree head → {@code live/schema.sql} ({@link Postcheck#diff}); empty when equal, and when
     * the database does not exist (no live schema: {@code --sql} prints what {@code db up} would make).
     */
    public String diff() {
        return databaseMissing() ? "" : Postcheck.diff(ArtifactNames.SCHEMA_FILE, expectedSql, liveSql);
    }
}
