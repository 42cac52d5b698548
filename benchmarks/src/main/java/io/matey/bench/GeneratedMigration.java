package io.matey.bench;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** A generated dbmate-format migration: its file name and the statements of its up and down sections. */
public record GeneratedMigration(String fileName, List<String> up, List<String> down) {

    public GeneratedMigration {
        up = List.copyOf(up);
        down = List.copyOf(down);
    }

    private static final LocalDateTime EPOCH = LocalDateTime.of(2026, 1, 1, 0, 0);
    private static final DateTimeFormatter VERSION = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

    /** {@code <version>_<name>.sql}, the version one second after the previous index's, as {@code db new} names. */
    public static String fileName(int index, String name) {
        return EPOCH.plusSeconds(index + 1L).format(VERSION) + "_" + name + ".sql";
    }

    public String text() {
        return "-- migrate:up\n" + String.join("\n", up) + "\n\n-- migrate:down\n" + String.join("\n", down) + "\n";
    }

    /** The dbmate version: the leading digits of the file name. */
    public String version() {
        return fileName.substring(0, fileName.indexOf('_'));
    }
}
