package io.matey.data;

import io.matey.error.MateyException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/** A target's {@code data/data.toml}: its named data sets in file order. */
public record DataManifest(Path file, List<DataSet> sets) {

    static final String DATA_DIR = "data";
    static final String MANIFEST = DATA_DIR + "/data.toml";

    public DataManifest {
        sets = List.copyOf(sets);
    }

    /** Reads and validates {@code <targetDir>/data/data.toml}. */
    public static DataManifest read(Path targetDir) {
        Path file = targetDir.resolve(MANIFEST);
        return new DataManifest(file, ManifestReader.read(file));
    }

    public List<String> names() {
        return sets.stream().map(DataSet::name).toList();
    }

    /** {@code --set NAME}, or the only set when {@code name} is null. */
    public DataSet select(String name) {
        if (sets.isEmpty()) {
            throw new MateyException("No data sets are defined in " + file + ".");
        }
        if (name == null || name.isBlank()) {
            if (sets.size() > 1) {
                throw new MateyException("Multiple data sets are defined; pass --set. Available sets: " + available() + ".");
            }
            return sets.get(0);
        }
        return sets.stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new MateyException("Unknown data set '" + name + "'. Available sets: " + available() + "."));
    }

    private String available() {
        return sets.stream().map(DataSet::name).collect(Collectors.joining(", "));
    }
}
