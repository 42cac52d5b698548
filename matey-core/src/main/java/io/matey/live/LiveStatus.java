package io.matey.live;

import io.matey.migration.Migration;
import io.matey.workspace.GitCommands;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The outcome of {@code db status}: every worktree migration, applied ({@code [X]}) or pending ({@code [ ]}),
 * as dbmate lists them, plus applied versions the worktree does not have.
 *
 * @param url             where the live database is reached (a URL or a DataSource), password masked
 * @param unknownVersions applied versions without a worktree migration, sorted
 * @param interrupted     the section that stopped partway on this database, or null
 * @param staleMarker     the progress marker of a section whose migration is not in the worktree, or null
 * @param databaseMissing true when the database does not exist yet: every migration is pending, and
 *                        {@code db up} creates it once the artifacts are clean
 * @param staleArtifacts  why {@code db up}, {@code db drift} and {@code db plan} refuse the artifacts, with the way
 *                        forward, or null when they are clean
 */
public record LiveStatus(String target, LiveEndpoint url, List<Entry> migrations, List<String> unknownVersions,
        LivePrefix prefix, Interruption interrupted, StaleMarker staleMarker, boolean databaseMissing,
        String staleArtifacts) {

    /** One worktree migration and whether its version is recorded as applied. */
    public record Entry(String file, String version, boolean applied) {
    }

    /** @param prefix how {@code applied} relates to the worktree, as the caller read it on the database */
    static LiveStatus of(String target, LiveEndpoint url, List<Migration> worktree, List<String> applied,
            LivePrefix prefix, Interruption interrupted, StaleMarker staleMarker, String staleArtifacts) {
        return of(target, url, worktree, applied, prefix, interrupted, staleMarker, false, staleArtifacts);
    }

    /** A database that does not exist yet: nothing applied, as {@code db up} would find it after creating it. */
    static LiveStatus ofMissingDatabase(String target, GitCommands git, LiveEndpoint url, List<Migration> worktree,
            String staleArtifacts) {
        return of(target, url, worktree, List.of(), LivePrefix.check(target, git, worktree, List.of()), null, null, true,
                staleArtifacts);
    }

    private static LiveStatus of(String target, LiveEndpoint url, List<Migration> worktree, List<String> applied,
            LivePrefix prefix, Interruption interrupted, StaleMarker staleMarker, boolean databaseMissing,
            String staleArtifacts) {
        Set<String> appliedSet = new HashSet<>(applied);
        List<Entry> entries = worktree.stream()
                .map(m -> new Entry(m.file(), m.version(), appliedSet.contains(m.version()))).toList();
        Set<String> known = new HashSet<>();
        worktree.forEach(m -> known.add(m.version()));
        List<String> unknown = applied.stream().filter(v -> !known.contains(v)).sorted().toList();
        return new LiveStatus(target, url, entries, unknown, prefix, interrupted, staleMarker, databaseMissing,
                staleArtifacts);
    }

    /** {@code Applied: N}: versions recorded in {@code schema_migrations}. */
    public int applied() {
        return prefix.applied();
    }

    /** {@code Pending: M}: worktree migrations not applied. */
    public int pending() {
        return (int) migrations.stream().filter(e -> !e.applied()).count();
    }
}
