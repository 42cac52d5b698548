package io.matey.replay;

import io.matey.engine.MateyUrl;
import io.matey.engine.ServerProfile;
import java.util.List;
import java.util.Map;

/**
 * What a scratch replay produced.
 *
 * @param scratchUrl   the scratch database the replay ended in
 * @param schemaSql    the dump at head: what {@code schema.sql} must hold
 * @param downChecked  tail migrations whose down section this replay round-tripped, whatever the outcome
 * @param downSkipped  tail migrations without an executable down section
 * @param downAccepted tail migrations whose inexact down section config.toml accepts
 * @param downFailures down sections that failed their round trip ({@code --keep-going}; else the replay throws)
 * @param generated    generated model files (target-relative path → content), empty when codegen is off
 * @param server       the scratch server and database defaults the dumps depend on, or null where they depend on
 *                     none ({@link io.matey.engine.Engine#serverProfile})
 */
public record ReplayResult(MateyUrl scratchUrl, String schemaSql, List<String> downChecked, List<String> downSkipped,
        List<AcceptedDown> downAccepted, List<DownFailure> downFailures, Map<String, byte[]> generated,
        ServerProfile server) {
}
