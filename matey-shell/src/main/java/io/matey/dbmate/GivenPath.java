package io.matey.dbmate;

import java.nio.file.Path;

/**
 * A path flag's value as the user gave it, which dbmate prints verbatim ({@code Writing: ./db/schema.sql}), and the
 * file it names, resolved against the working directory for reading and writing.
 */
record GivenPath(String given, Path path) {

    static GivenPath of(String given, Path cwd) {
        return new GivenPath(given, cwd.resolve(given).normalize());
    }

    /** A file in this directory as dbmate names it: Go's {@code filepath.Join}, which cleans the joined path. */
    String child(Path file) {
        return Path.of(given).resolve(file.getFileName()).normalize().toString();
    }

    @Override
    public String toString() {
        return given;
    }
}
