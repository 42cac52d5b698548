package io.matey.schema;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.function.Function;

/**
 * Orders objects so that each comes after the objects it depends on, and otherwise by name: the same set of
 * objects always gives the same order, whatever order they were created in.
 */
public final class DependencyOrder {

    private DependencyOrder() {
    }

    /**
     * @param items        the objects, any order
     * @param name         an object's unique name
     * @param dependencies names of the objects it depends on (names not among {@code items} are ignored)
     */
    public static <T> List<T> sort(List<T> items, Function<T, String> name, Function<T, Set<String>> dependencies) {
        Map<String, T> byName = new LinkedHashMap<>();
        items.forEach(item -> byName.put(name.apply(item), item));
        Map<String, Set<String>> waitingOn = new HashMap<>();
        Map<String, List<String>> dependents = new HashMap<>();
        for (T item : items) {
            String n = name.apply(item);
            Set<String> deps = new HashSet<>();
            for (String d : dependencies.apply(item)) {
                if (byName.containsKey(d) && !d.equals(n)) {
                    deps.add(d);
                    dependents.computeIfAbsent(d, k -> new ArrayList<>()).add(n);
                }
            }
            waitingOn.put(n, deps);
        }
        PriorityQueue<String> ready = new PriorityQueue<>(Comparator.naturalOrder());
        waitingOn.forEach((n, deps) -> {
            if (deps.isEmpty()) {
                ready.add(n);
            }
        });
        List<T> out = new ArrayList<>(items.size());
        while (!ready.isEmpty()) {
            String n = ready.poll();
            out.add(byName.get(n));
            for (String dependent : dependents.getOrDefault(n, List.of())) {
                Set<String> deps = waitingOn.get(dependent);
                deps.remove(n);
                if (deps.isEmpty()) {
                    ready.add(dependent);
                }
            }
        }
        if (out.size() < items.size()) {
            // A cycle: keep the remaining objects in name order rather than losing them.
            byName.keySet().stream().sorted().filter(n -> !waitingOn.get(n).isEmpty())
                    .forEach(n -> out.add(byName.get(n)));
        }
        return out;
    }
}
