package io.matey.data;

/**
 * One file written by {@code data export}.
 *
 * @param changed whether the file's bytes changed; an unchanged table leaves its file untouched
 */
public record ExportedFile(String file, String table, DataMode mode, int rows, boolean changed) {
}
