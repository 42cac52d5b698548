package io.matey.spring.boot.autoconfigure;

import io.matey.workspace.WorkspaceLoader;
import java.nio.file.Path;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Explains a missing workspace and where Matey looks for one: the resources directory of the location given. */
class MateyWorkspaceNotFoundFailureAnalyzer extends AbstractFailureAnalyzer<MateyWorkspaceNotFoundException> {

    private static final String CLASSPATH = "classpath:";

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, MateyWorkspaceNotFoundException cause) {
        String location = cause.getLocation();
        String action = cause.getDirectory().map(MateyWorkspaceNotFoundFailureAnalyzer::directoryAction)
                .orElseGet(() -> "Package the Matey workspace (matey.toml and its targets) under src/main/resources/"
                        + location.substring(CLASSPATH.length()).replaceAll("^/+", "") + ", or point matey.workspace "
                        + "at another classpath location (classpath:...) or a directory. ");
        return new FailureAnalysis(cause.getMessage(), action + FailureText.DISABLE, cause);
    }

    /** A target's directory names its workspace; any other directory is where {@code matey init} would make one. */
    private static String directoryAction(Path dir) {
        return WorkspaceLoader.enclosingRoot(dir).map(up -> "Point matey.workspace at " + up + ", the workspace "
                        + "holding " + dir + " (matey.primary-target=" + up.relativize(dir) + " chooses that target "
                        + "when the workspace has others), or at another directory or a classpath location "
                        + "(classpath:...). ")
                .orElseGet(() -> "Create the Matey workspace (matey init) in " + dir + ", or point matey.workspace at "
                        + "another directory or a classpath location (classpath:...). ");
    }
}
