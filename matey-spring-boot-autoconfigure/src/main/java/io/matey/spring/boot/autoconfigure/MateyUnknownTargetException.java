package io.matey.spring.boot.autoconfigure;

import io.matey.error.MateyException;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A property names a target the workspace lacks: the failure analysis tells which property to set, and to what,
 * rather than a command that would look at no database.
 */
public class MateyUnknownTargetException extends MateyException {

    private final String target;
    private final String property;
    private final List<String> available;

    /**
     * @param property  what named it: {@code matey.primary-target} or {@code matey.targets.[name]}
     * @param workspace the workspace's root as the user knows it (a classpath workspace by its source)
     * @param available the workspace's targets
     */
    public MateyUnknownTargetException(String target, String property, String workspace, List<String> available) {
        super("Matey target '" + target + "' is not in the workspace " + workspace + ". Available targets: "
                + quoted(available) + ".");
        this.target = target;
        this.property = property;
        this.available = List.copyOf(available);
    }

    /** The same error with the workspace named as the user knows it ({@link MateyWorkspace#shown}). */
    MateyUnknownTargetException in(String shownWorkspace) {
        return new MateyUnknownTargetException(target, property, shownWorkspace, available);
    }

    String getProperty() {
        return property;
    }

    /** {@code '.', 'db/core'}: quoted, since the root target '.' would otherwise read as a full stop. */
    String availableTargets() {
        return quoted(available);
    }

    private static String quoted(List<String> names) {
        return names.stream().map(name -> "'" + name + "'").collect(Collectors.joining(", "));
    }
}
