package io.matey.migration;

/**
 * One migration file of a target.
 *
 * @param file    POSIX path relative to the target, starting with {@code migrations/}
 * @param version the dbmate version: the leading digits of the file name
 * @param bytes   the raw file content (digested as is)
 */
public record Migration(String file, String version, byte[] bytes) {

    public MigrationScript script() {
        return MigrationParser.parse(file, bytes);
    }
}
