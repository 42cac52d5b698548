package io.matey.spring.boot.autoconfigure;

import java.util.List;
import java.util.Optional;

/** The targets this application manages, each with its live endpoint, resolved once at start-up. */
public class MateyTargets {

    private final List<ManagedTarget> targets;

    public MateyTargets(List<ManagedTarget> targets) {
        this.targets = List.copyOf(targets);
    }

    public List<ManagedTarget> all() {
        return targets;
    }

    public Optional<ManagedTarget> find(String name) {
        return targets.stream().filter(t -> t.name().equals(name)).findFirst();
    }
}
