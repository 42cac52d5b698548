package io.matey.live;

import java.util.List;

/**
 * The outcome of {@code db up|migrate|down|bootstrap}, verified against the committed state at {@code after}.
 *
 * @param url        where the live database is reached (a URL or a DataSource), password masked
 * @param command    {@code up}, {@code migrate}, {@code down} or {@code bootstrap}
 * @param created    whether this command created the database
 * @param before     applied index before the change
 * @param after      applied index after it
 * @param migrations the sections run, in order (empty for bootstrap, which loads {@code schema.sql} at once)
 * @param removedMarker what {@code db up --resume} removed first: the line naming the stale progress marker
 *                      ({@link StaleMarker}); null when it removed none
 */
public record LiveChange(String target, LiveEndpoint url, String command, boolean created, int before, int after,
        List<MigrationTiming> migrations, String removedMarker) {

    /** A change that removed no progress marker. */
    public LiveChange(String target, LiveEndpoint url, String command, boolean created, int before, int after,
            List<MigrationTiming> migrations) {
        this(target, url, command, created, before, after, migrations, null);
    }
}
