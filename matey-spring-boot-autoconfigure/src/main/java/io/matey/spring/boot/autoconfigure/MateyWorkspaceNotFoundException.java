package io.matey.spring.boot.autoconfigure;

/** {@code matey.workspace} names no workspace: neither a directory nor a classpath location with {@code matey.toml}. */
public class MateyWorkspaceNotFoundException extends RuntimeException {

    private final String location;

    public MateyWorkspaceNotFoundException(String location, String reason) {
        super("No Matey workspace at " + location + ": " + reason + ".");
        this.location = location;
    }

    public String getLocation() {
        return location;
    }
}
