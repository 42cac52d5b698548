package io.matey.artifact;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.PrettyPrinter;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import java.io.IOException;
import java.io.OutputStream;

/**
 * JSON laid out like Python's {@code json.dumps(indent=2)}: two-space indentation, {@code "key": value}, empty
 * containers as {@code []} and {@code {}}. The journal manifest (read by Python matey too) and every {@code --format json} report use it.
 * Only Jackson's streaming core is needed here, so that an application carrying the starter needs no
 * {@code jackson-databind} (docs/architecture.md §8, Lean).
 */
public final class PythonJsonLayout {

    private static final JsonFactory FACTORY = new JsonFactory();

    private PythonJsonLayout() {
    }

    /** A new printer (printers keep their nesting level, so one serves one document). */
    public static PrettyPrinter printer() {
        return new DefaultPrettyPrinter()
                .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                .withArrayIndenter(new DefaultIndenter("  ", "\n"))
                .withSeparators(Separators.createDefaultInstance()
                        .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                        .withArrayEmptySeparator("")
                        .withObjectEmptySeparator(""));
    }

    /** A generator writing UTF-8 to {@code out} in this layout. */
    static JsonGenerator generator(OutputStream out) throws IOException {
        return FACTORY.createGenerator(out).setPrettyPrinter(printer());
    }

    static JsonFactory factory() {
        return FACTORY;
    }
}
