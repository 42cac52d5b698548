package io.matey.replay;

import io.matey.artifact.CheckpointFile;
import io.matey.artifact.LockState;
import io.matey.artifact.Snapshot;
import io.matey.migration.Migration;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * What a replay has to do, decided without touching a database.
 *
 * @param divergence  1-based index of the first migration to replay, empty when nothing diverges
 * @param anchorIndex migrations before the tail (0: start from an empty database)
 * @param anchorSql   the checkpoint loaded before the tail, or null at index 0
 * @param prefixCheckpoints the checkpoints of migrations 1..anchorIndex, to keep as they are
 * @param anchorRun   the migrations 1..anchorIndex, run up to build the anchor when its checkpoint's text cannot show
 *                    state the tail depends on ({@link io.matey.engine.Engine#dumpHidesStateFor}); empty when the
 *                    checkpoint is loaded
 * @param anchorRoles the roles the lock records migrations 1..anchorIndex create, which the anchor may name, each
 *                    with the migration file creating it
 */
public record ReplayPlan(Snapshot head, LockState headState, List<Migration> migrations, OptionalInt divergence,
        int anchorIndex, String anchorSql, List<Migration> tail, Map<String, CheckpointFile> prefixCheckpoints,
        List<Migration> anchorRun, Map<String, String> anchorRoles) {
}
