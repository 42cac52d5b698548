package io.matey.workspace;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The optional {@code [codegen]} table of a target's {@code config.toml}.
 *
 * @param options     comma-separated generator options, or null
 * @param javaPackage the package of {@code java-records} output, or null for the SQLAlchemy generators
 * @param output      the target-relative directory of {@code java-records} output, or null for the SQLAlchemy
 *                    generators (they write {@code models.py} at the target root)
 */
public record CodegenConfig(boolean enabled, String generator, String options, String javaPackage, String output) {

    public static final String DEFAULT_GENERATOR = "tables";
    public static final String JAVA_RECORDS = "java-records";
    public static final String DEFAULT_JAVA_OUTPUT = "models/java";

    /** The generators and the options each understands. */
    public static final Map<String, List<String>> GENERATORS = Map.of(
            "tables", List.of("noindexes", "noconstraints", "nocomments"),
            "declarative", List.of("noindexes", "noconstraints", "nocomments"),
            "dataclasses", List.of("noindexes", "noconstraints", "nocomments"),
            "sqlmodels", List.of("noindexes", "noconstraints", "nocomments"),
            JAVA_RECORDS, List.of("nocomments"));

    /** The options, split on commas, trimmed, without empty entries. */
    public Set<String> optionSet() {
        Set<String> set = new LinkedHashSet<>();
        if (options != null) {
            Arrays.stream(options.split(",")).map(String::strip).filter(s -> !s.isEmpty()).forEach(set::add);
        }
        return set;
    }
}
