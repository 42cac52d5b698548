package io.matey.engine.postgres;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * One unit of the dump: the statements that create an object and what belongs only to it (its comments,
 * its {@code ALTER}s, its privileges), emitted together after every object it depends on.
 */
final class DumpObject {

    private final String key;
    /** Each a statement or, for statements rendered only once the dump's cycles are broken, their supplier. */
    private final List<Object> statements = new ArrayList<>();
    private final SortedMap<String, String> comments = new TreeMap<>();
    private final Set<String> dependencies = new TreeSet<>();
    private final Set<String> grants = new TreeSet<>();
    private final Set<String> extensionDependencies = new TreeSet<>();

    DumpObject(String key) {
        this.key = key;
    }

    String key() {
        return key;
    }

    /** Appends a statement, given without its terminating semicolon. */
    void add(String statement) {
        statements.add(statement + ";\n");
    }

    /**
     * Appends statements rendered when the dump is, after {@link DumpGraph#breakCycles} has decided which of the
     * object's parts are written alone.
     */
    void addRendered(Supplier<List<String>> rendered) {
        statements.add(rendered);
    }

    /** Adds an {@code ALTER ... DEPENDS ON EXTENSION}; they follow the statements, sorted. */
    void extensionDependency(String statement) {
        extensionDependencies.add(statement + ";\n");
    }

    /** Adds a comment; {@code order} places it among the object's comments whatever order they were read in. */
    void comment(String order, String target, String literal) {
        comments.put(order, "COMMENT ON " + target + " IS " + literal + ";\n");
    }

    /** Adds a GRANT or REVOKE; they follow the comments, sorted, as none undoes another ({@link PrivilegeReader}). */
    void grant(String statement) {
        grants.add(statement + ";\n");
    }

    void dependOn(DumpObject other) {
        if (other != null && other != this) {
            dependencies.add(other.key);
        }
    }

    Set<String> dependencies() {
        return dependencies;
    }

    List<String> statements() {
        List<String> all = new ArrayList<>();
        for (Object statement : statements) {
            if (statement instanceof Supplier<?> rendered) {
                for (Object each : (List<?>) rendered.get()) {
                    all.add(each + ";\n");
                }
            } else {
                all.add((String) statement);
            }
        }
        all.addAll(extensionDependencies);
        all.addAll(comments.values());
        all.addAll(grants);
        return all;
    }
}
