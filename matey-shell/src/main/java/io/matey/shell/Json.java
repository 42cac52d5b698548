package io.matey.shell;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.matey.artifact.PythonJsonLayout;

/**
 * The {@code --format json} renderer: keys in the documented order, laid out like lint's JSON
 * ({@link PythonJsonLayout}) so that every report reads the same.
 */
public final class Json {

    private static final ObjectWriter WRITER = new ObjectMapper().writer(PythonJsonLayout.printer());

    private Json() {
    }

    public static String render(Object value) {
        try {
            return WRITER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
