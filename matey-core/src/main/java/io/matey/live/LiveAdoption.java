package io.matey.live;

import java.util.List;

/**
 * The outcome of {@code db adopt}: the applied index whose committed state the live schema equals, and the
 * versions recorded for it (or that would be, on a dry run).
 *
 * @param url           where the live database is reached, password masked
 * @param index         K: the live schema equals the committed state after the first K migrations
 * @param head          N: the worktree migrations
 * @param source        the committed file of index K ({@code checkpoints/...}, {@code schema.sql}, or the zero baseline)
 * @param versions      the versions after the recorded ones up to K, recorded in {@code schema_migrations} when
 *                      {@code applied}; empty when the database already records K
 * @param alsoMatching  other indexes whose committed schema is the same (migrations that changed no schema)
 * @param applied       false on a dry run
 */
public record LiveAdoption(String target, LiveEndpoint url, int index, int head, String source, List<String> versions,
        List<Integer> alsoMatching, boolean applied) {

    public int pending() {
        return head - index;
    }
}
