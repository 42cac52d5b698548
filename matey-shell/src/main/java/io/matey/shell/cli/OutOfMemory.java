package io.matey.shell.cli;

import io.matey.artifact.LargestMigration;

/**
 * What a command that ran out of heap tells the user instead of the JVM's trace: the heap limit, the largest
 * migration it read (a migration of bulk data is what exhausts it) and the two ways on (README "Safety").
 */
final class OutOfMemory {

    private OutOfMemory() {
    }

    static String message(String command) {
        long heap = Runtime.getRuntime().maxMemory() / (1024 * 1024);
        String read = LargestMigration.get()
                .map(largest -> " while reading migration " + largest.file() + " (" + largest.megabytes()
                        + ", the largest it read)")
                .orElse("");
        return "matey " + command + " ran out of memory (a heap of " + heap + " MB)" + read + "; nothing more was "
                + "done. Run it with a larger heap, e.g. MATEY_JAVA_OPTS=-Xmx2g matey " + command + " (the launcher's "
                + "MATEY_JAVA_OPTS replaces its JVM options), or move bulk data out of migrations: into a data set "
                + "(data/data.toml, `matey data apply`) or split it over several smaller migrations.";
    }
}
