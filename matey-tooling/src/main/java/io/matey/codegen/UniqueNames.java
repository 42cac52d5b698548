package io.matey.codegen;

import java.util.HashSet;
import java.util.Set;

/** Hands out names unique within one scope, appending {@code _} until a wanted name is free. */
public final class UniqueNames {

    private final Set<String> taken = new HashSet<>();

    public UniqueNames(Set<String> reserved) {
        taken.addAll(reserved);
    }

    public String claim(String wanted) {
        String name = wanted;
        while (!taken.add(name)) {
            name = name + "_";
        }
        return name;
    }

    public boolean isTaken(String name) {
        return taken.contains(name);
    }
}
