package io.matey.data;

import java.util.List;

/** The outcome of {@code data apply}: every file of the set, written in one transaction. */
public record DataApplyResult(String target, String set, List<AppliedFile> files) {

    public DataApplyResult {
        files = List.copyOf(files);
    }
}
