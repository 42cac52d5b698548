package io.matey.shell.cli;

import io.matey.artifact.LargestInput;

/**
 * What a command that ran out of heap tells the user instead of the JVM's trace: the heap limit, the largest
 * migration or data file it read (bulk data is what exhausts it) and the ways on (README "Safety").
 */
final class OutOfMemory {

    private OutOfMemory() {
    }

    static String message(String command) {
        long heap = Runtime.getRuntime().maxMemory() / (1024 * 1024);
        LargestInput.Read largest = LargestInput.get().orElse(null);
        String read = largest == null ? "" : " while reading " + (largest.dataFile() ? "data file " : "migration ")
                + largest.file() + " (" + largest.megabytes() + ", the largest it read)";
        String otherWay = largest != null && largest.dataFile()
                ? "; a data set holds a file's rows in memory, about two to three times the file's size, so a file of hundreds of "
                        + "megabytes needs a heap of a gigabyte or more."
                : ", or move bulk data out of migrations: into a data set (data/data.toml, `matey data apply`) or "
                        + "split it over several smaller migrations.";
        return "matey " + command + " ran out of memory (a heap of " + heap + " MB)" + read + "; nothing more was "
                + "done. Run it with a larger heap, e.g. MATEY_JAVA_OPTS=-Xmx2g matey " + command + " (the launcher's "
                + "MATEY_JAVA_OPTS replaces its JVM options)" + otherWay;
    }
}
