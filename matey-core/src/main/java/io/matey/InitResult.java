package io.matey;

import java.nio.file.Path;
import java.util.List;

/**
 * The outcome of {@code init}.
 *
 * @param wroteConfigs  workspace and target config files, and the workspace's {@code .gitignore}, that were written
 * @param changedFiles  target-relative artifact files written or deleted, and directories created
 * @param urlEnv        the variable the target's live URL is read from; {@code testUrlEnv} its test server's
 */
public record InitResult(String target, String engine, List<Path> wroteConfigs, List<String> changedFiles,
        String urlEnv, String testUrlEnv) {

    public boolean changed() {
        return !wroteConfigs.isEmpty() || !changedFiles.isEmpty();
    }
}
