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
 * @param notices    what else the command did that the user must know, a line each (the roles bootstrap created)
 */
public record LiveChange(String target, LiveEndpoint url, String command, boolean created, int before, int after,
        List<MigrationTiming> migrations, List<String> notices) {

    public LiveChange(String target, LiveEndpoint url, String command, boolean created, int before, int after,
            List<MigrationTiming> migrations) {
        this(target, url, command, created, before, after, migrations, List.of());
    }
}
