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

    /**
     * sqlacodegen 4's options for {@code Table} output. Matey never turns a native enum into a Python enum class
     * nor a {@code CHECK (c IN ...)} into an enum, so {@code nonativeenums} and {@code nosyntheticenums} describe
     * its output as it is.
     */
    private static final List<String> TABLE_OPTIONS = List.of("noindexes", "noconstraints", "nocomments",
            "nonativeenums", "nosyntheticenums");

    /** The class generators add these; Matey never maps joined-table inheritance, so {@code nojoined} is its output as it is. */
    private static final List<String> CLASS_OPTIONS = List.of("noindexes", "noconstraints", "nocomments",
            "nonativeenums", "nosyntheticenums", "noidsuffix", "nofknames", "use_inflect", "nojoined", "nobidi");

    /** The generators and the options each understands. */
    public static final Map<String, List<String>> GENERATORS = Map.of(
            "tables", TABLE_OPTIONS,
            "declarative", CLASS_OPTIONS,
            "dataclasses", CLASS_OPTIONS,
            "sqlmodels", CLASS_OPTIONS,
            JAVA_RECORDS, List.of("nocomments"));

    /** sqlacodegen options Matey's own generators cannot reproduce, with the reason given when one is set. */
    public static final Map<String, String> NOT_REPRODUCED = Map.of(
            "include_dialect_options", "Matey's schema model does not keep a table's dialect keywords (such as"
                    + " mysql_engine or sqlite_autoincrement)",
            "keep_dialect_types", "Matey writes SQLAlchemy's generic types (a type without one becomes NativeType)"
                    + " and has no dialect type classes to keep");

    /** The options, split on commas, trimmed, without empty entries. */
    public Set<String> optionSet() {
        Set<String> set = new LinkedHashSet<>();
        if (options != null) {
            Arrays.stream(options.split(",")).map(String::strip).filter(s -> !s.isEmpty()).forEach(set::add);
        }
        return set;
    }
}
