package io.matey.codegen;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.matey.testing.TestDatabase;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Runs {@code check_models.py}: loads a generated module in Python, creates its metadata in an empty database of
 * the source engine and describes the created tables next to the source schema's.
 */
final class ModelCheck {

    private ModelCheck() {
    }

    /**
     * @param prelude SQL run in the empty database first, for what a schema's tables need but models do not
     *                create (extensions, composite types); may be empty
     */
    static JsonNode run(Python.Interpreter python, Path models, String kind, String engine, String schemaSql, String prelude)
            throws Exception {
        python.requireDriver(engine);
        try (TestDatabase source = TestDatabase.create(engine); TestDatabase empty = TestDatabase.create(engine)) {
            source.execute(schemaSql);
            if (!prelude.isBlank()) {
                empty.execute(prelude);
            }
            String out = python.run(List.of(script("check_models.py").toString(), models.toString(), kind,
                    Python.sqlalchemyUrl(empty.url()), Python.sqlalchemyUrl(source.url())));
            return new ObjectMapper().readTree(out);
        }
    }

    /** A Python script of this package's test resources, copied to a temporary file to run. */
    static Path script(String name) {
        try (InputStream in = ModelCheck.class.getResourceAsStream(name)) {
            Path file = Files.createTempFile("matey-", "-" + name);
            file.toFile().deleteOnExit();
            Files.write(file, in.readAllBytes());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
