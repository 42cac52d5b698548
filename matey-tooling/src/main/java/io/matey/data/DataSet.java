package io.matey.data;

import java.util.List;

/** A named list of data files, exported and applied together in manifest order. */
public record DataSet(String name, List<DataFile> files) {

    public DataSet {
        files = List.copyOf(files);
    }
}
