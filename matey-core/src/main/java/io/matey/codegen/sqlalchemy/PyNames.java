package io.matey.codegen.sqlalchemy;

import java.util.HashSet;
import java.util.Set;

/** Hands out names unique within one scope, appending {@code _} until a wanted name is free. */
final class PyNames {

    private final Set<String> taken = new HashSet<>();

    PyNames(Set<String> reserved) {
        taken.addAll(reserved);
    }

    String claim(String wanted) {
        String name = wanted;
        while (!taken.add(name)) {
            name = name + "_";
        }
        return name;
    }

    boolean isTaken(String name) {
        return taken.contains(name);
    }
}
