package io.matey.live;

import io.matey.engine.MateyUrl;
import java.util.List;

/**
 * The outcome of {@code db up|migrate|down|bootstrap}, verified against the committed state at {@code after}.
 *
 * @param command    {@code up}, {@code migrate}, {@code down} or {@code bootstrap}
 * @param created    whether this command created the database
 * @param before     applied index before the change
 * @param after      applied index after it
 * @param migrations the sections run, in order (empty for bootstrap, which loads {@code schema.sql} at once)
 */
public record LiveChange(String target, MateyUrl url, String command, boolean created, int before, int after,
        List<MigrationTiming> migrations) {
}
