package io.matey.codegen;

import io.matey.codegen.java.JavaRecordsGenerator;
import io.matey.codegen.model.SchemaModel;
import io.matey.codegen.sqlalchemy.DeclarativeGenerator;
import io.matey.codegen.sqlalchemy.SqlModelGenerator;
import io.matey.codegen.sqlalchemy.TablesGenerator;
import io.matey.engine.Engine;
import io.matey.engine.EngineToolings;
import io.matey.error.MateyException;
import io.matey.workspace.CodegenConfig;
import io.matey.workspace.TargetConfig;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * A target's generated models, rendered from the replay scratch database once its schema is validated (never
 * from a live database), as target-relative files for {@code schema apply} to write with the other artifacts.
 */
public final class ModelGenerator {

    /** Where the SQLAlchemy generators write. */
    public static final String MODELS_PY = "models.py";

    private final TargetConfig target;
    private final CodegenConfig config;

    private ModelGenerator(TargetConfig target, CodegenConfig config) {
        this.target = target;
        this.config = config;
    }

    /** The generator a target asks for, or empty when it has no {@code [codegen]} table or it is disabled. */
    public static Optional<ModelGenerator> forTarget(TargetConfig target) {
        return target.enabledCodegen().map(config -> new ModelGenerator(target, config));
    }

    /** What the generator writes, for progress output: {@code models.py}, or the java-records package directory. */
    public String destination() {
        return config.generator().equals(CodegenConfig.JAVA_RECORDS) ? javaDirectory() + "/" : MODELS_PY;
    }

    /** Reads the scratch database's schema and renders it: target-relative path → content. */
    public Map<String, byte[]> generate(Engine engine, Connection scratch) {
        SchemaModel model;
        try {
            model = EngineToolings.of(engine).codegen().read(scratch);
        } catch (SQLException e) {
            throw new MateyException("Codegen failed for target " + target.name() + ": cannot read the replayed schema: "
                    + engine.maskedFailure(e), e);
        }
        Map<String, byte[]> files = new TreeMap<>();
        render(model).forEach((path, text) -> files.put(path, text.getBytes(StandardCharsets.UTF_8)));
        return files;
    }

    private Map<String, String> render(SchemaModel model) {
        Set<String> options = config.optionSet();
        return switch (config.generator()) {
            case "tables" -> python(new TablesGenerator(options).render(model));
            case "declarative" -> python(new DeclarativeGenerator(options, false).render(model));
            case "dataclasses" -> python(new DeclarativeGenerator(options, true).render(model));
            case "sqlmodels" -> python(new SqlModelGenerator(options).render(model));
            case CodegenConfig.JAVA_RECORDS -> {
                Map<String, String> files = new TreeMap<>();
                new JavaRecordsGenerator(config.javaPackage(), options).render(model)
                        .forEach((name, source) -> files.put(javaDirectory() + "/" + name, source));
                yield files;
            }
            default -> throw new MateyException(target.configFile() + ": codegen.generator: unknown generator '"
                    + config.generator() + "'.");
        };
    }

    /** {@code models.py}, marked as generated so that it is deleted once no configuration produces it. */
    private static Map<String, String> python(String module) {
        return Map.of(MODELS_PY, GeneratedFiles.PYTHON_MARKER + "\n" + module);
    }

    /** The target-relative directory of the java-records package. */
    private String javaDirectory() {
        return config.output() + "/" + config.javaPackage().replace('.', '/');
    }

    /** Whether a generation may produce this target-relative file (a record of the current package, models.py). */
    boolean mayWrite(String path) {
        if (!config.generator().equals(CodegenConfig.JAVA_RECORDS)) {
            return path.equals(MODELS_PY);
        }
        return path.startsWith(javaDirectory() + "/") && path.indexOf('/', javaDirectory().length() + 1) < 0;
    }
}
