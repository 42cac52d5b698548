package io.matey.live;

import java.time.Duration;

/**
 * One migration section run against a live database, and how long it took (statements and version row).
 *
 * @param resumed the direction ({@code up}, {@code down}) of an interrupted section this run continued, which the
 *                report names so that a resumed rollback followed by the same migration's up section reads as two
 *                steps; null for a section run from its start
 */
public record MigrationTiming(String file, String version, Duration duration, String resumed) {

    public MigrationTiming(String file, String version, Duration duration) {
        this(file, version, duration, null);
    }

    /** The file as the report lists it: {@code migrations/004_x.sql (down section resumed)} for a resumed one. */
    public String label() {
        return resumed == null ? file : file + " (" + resumed + " section resumed)";
    }
}
