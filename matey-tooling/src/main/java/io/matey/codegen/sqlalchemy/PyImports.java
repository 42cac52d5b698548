package io.matey.codegen.sqlalchemy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The import lines of a generated module: standard library first, then SQLAlchemy, then its dialects, each
 * sorted, so the same names always give the same lines. A name imported from two modules is a bug in the
 * generator, not in the schema, and fails loudly.
 */
final class PyImports {

    static final String SQLALCHEMY = "sqlalchemy";

    private final Map<String, Set<String>> fromImports = new TreeMap<>();
    private final Set<String> moduleImports = new TreeSet<>();
    private final Map<String, String> origin = new TreeMap<>();

    /** Imports {@code name} from {@code module} and returns it for use in an expression. */
    String use(String module, String name) {
        String previous = origin.putIfAbsent(name, module);
        if (previous != null && !previous.equals(module)) {
            throw new IllegalStateException(name + " imported from both " + previous + " and " + module);
        }
        fromImports.computeIfAbsent(module, m -> new TreeSet<>()).add(name);
        return name;
    }

    String sa(String name) {
        return use(SQLALCHEMY, name);
    }

    /** {@code import module}, for annotations such as {@code datetime.date}. */
    void module(String module) {
        moduleImports.add(module);
    }

    /** Every name this module binds through imports. */
    Set<String> names() {
        Set<String> names = new TreeSet<>(origin.keySet());
        names.addAll(moduleImports);
        return names;
    }

    String render() {
        List<String> standard = new ArrayList<>();
        moduleImports.forEach(m -> standard.add("import " + m));
        List<String> third = new ArrayList<>();
        fromImports.forEach((module, names) -> {
            String line = "from " + module + " import " + String.join(", ", names);
            (module.startsWith(SQLALCHEMY) ? third : standard).add(line);
        });
        standard.sort(null);
        third.sort((a, b) -> rank(a) != rank(b) ? Integer.compare(rank(a), rank(b)) : a.compareTo(b));
        StringBuilder out = new StringBuilder();
        standard.forEach(line -> out.append(line).append('\n'));
        if (!standard.isEmpty() && !third.isEmpty()) {
            out.append('\n');
        }
        third.forEach(line -> out.append(line).append('\n'));
        return out.toString();
    }

    private static int rank(String line) {
        return line.startsWith("from " + SQLALCHEMY + " import") ? 0 : 1;
    }
}
