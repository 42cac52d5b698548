package io.matey.ci;

import io.matey.error.MateyException;
import java.util.Locale;

/** The CI systems {@code init --ci} writes a pipeline for, and where each expects its file. */
public enum CiProvider {
    GITHUB(".github/workflows/matey-schema.yml"),
    GITLAB("matey.gitlab-ci.yml"),
    BUILDKITE(".buildkite/matey-schema.yml");

    private final String path;

    CiProvider(String path) {
        this.path = path;
    }

    /** The file's path relative to the git repository root. */
    public String path() {
        return path;
    }

    public static CiProvider parse(String value) {
        try {
            return valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new MateyException("Unsupported --ci '" + value + "': use github, gitlab or buildkite.");
        }
    }
}
