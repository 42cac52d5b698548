package io.matey.artifact;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;

/**
 * JSON laid out like Python's {@code json.dumps(indent=2)}: two-space indentation, {@code "key": value}, empty
 * containers as {@code []} and {@code {}}. The journal manifest (read by Python matey too) and lint's JSON use it.
 */
public final class PythonJsonLayout {

    public static final ObjectWriter WRITER = new ObjectMapper().writer(new DefaultPrettyPrinter()
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withArrayIndenter(new DefaultIndenter("  ", "\n"))
            .withSeparators(Separators.createDefaultInstance()
                    .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                    .withArrayEmptySeparator("")
                    .withObjectEmptySeparator("")));

    private PythonJsonLayout() {
    }
}
