package io.matey.codegen.java;

import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The imports of one generated file. Qualified names become simple names unless that would clash with a type
 * the generator writes into the same package, which then keeps its qualified name.
 */
final class JavaImports {

    private static final Pattern QUALIFIED = Pattern.compile("\\b((?:[a-z][a-z0-9]*\\.)+)([A-Z]\\w*)");

    private final Set<String> generatedTypes;
    private final Set<String> imports = new TreeSet<>();

    JavaImports(Set<String> generatedTypes) {
        this.generatedTypes = generatedTypes;
    }

    /** {@code java.util.List<java.util.UUID>} → {@code List<UUID>}, importing both. */
    String use(String type) {
        Matcher m = QUALIFIED.matcher(type);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String simple = m.group(2);
            if (generatedTypes.contains(simple)) {
                m.appendReplacement(out, m.group(0));
            } else {
                imports.add(m.group(1) + simple);
                m.appendReplacement(out, simple);
            }
        }
        m.appendTail(out);
        return out.toString();
    }

    String render() {
        StringBuilder out = new StringBuilder();
        imports.forEach(i -> out.append("import ").append(i).append(";\n"));
        return out.isEmpty() ? "" : out.append('\n').toString();
    }
}
