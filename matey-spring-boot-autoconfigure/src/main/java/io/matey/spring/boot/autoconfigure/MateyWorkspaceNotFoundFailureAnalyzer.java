package io.matey.spring.boot.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Explains a missing workspace and where Matey looks for one: the resources directory of the location given. */
class MateyWorkspaceNotFoundFailureAnalyzer extends AbstractFailureAnalyzer<MateyWorkspaceNotFoundException> {

    private static final String CLASSPATH = "classpath:";

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, MateyWorkspaceNotFoundException cause) {
        String location = cause.getLocation();
        String action = location.startsWith(CLASSPATH)
                ? "Package the Matey workspace (matey.toml and its targets) under src/main/resources/"
                        + location.substring(CLASSPATH.length()).replaceAll("^/+", "") + ", or point matey.workspace "
                        + "at another classpath location (classpath:...) or a directory. "
                : "Create the Matey workspace (matey init) in " + location + ", or point matey.workspace at another "
                        + "directory or a classpath location (classpath:...). ";
        return new FailureAnalysis(cause.getMessage(), action + FailureText.DISABLE, cause);
    }
}
