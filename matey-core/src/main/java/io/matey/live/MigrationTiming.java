package io.matey.live;

import java.time.Duration;

/** One migration section run against a live database, and how long it took (statements and version row). */
public record MigrationTiming(String file, String version, Duration duration) {
}
