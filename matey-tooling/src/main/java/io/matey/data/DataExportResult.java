package io.matey.data;

import java.util.List;

/** The outcome of {@code data export}: every file of the set, replaced together. */
public record DataExportResult(String target, String set, List<ExportedFile> files) {

    public DataExportResult {
        files = List.copyOf(files);
    }
}
