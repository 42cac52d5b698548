package io.matey.spring.boot.autoconfigure;

import java.nio.file.Path;
import java.util.Optional;

/** {@code matey.workspace} names no workspace: neither a directory nor a classpath location with {@code matey.toml}. */
public class MateyWorkspaceNotFoundException extends RuntimeException {

    private final String location;
    private final Path directory;

    /** A classpath location without a workspace. */
    public MateyWorkspaceNotFoundException(String location, String reason) {
        this(location, null, reason);
    }

    /** A directory without a workspace: {@code directory} is the location as a path, without {@code file:}. */
    public MateyWorkspaceNotFoundException(String location, Path directory, String reason) {
        super("No Matey workspace at " + location + ": " + reason + ".");
        this.location = location;
        this.directory = directory;
    }

    public String getLocation() {
        return location;
    }

    /** The directory {@code matey.workspace} names, empty for a classpath location. */
    public Optional<Path> getDirectory() {
        return Optional.ofNullable(directory);
    }
}
