package io.matey.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import io.matey.codegen.model.SchemaModel;
import io.matey.codegen.model.Table;
import io.matey.codegen.sqlalchemy.TablesGenerator;
import io.matey.engine.EngineToolings;
import io.matey.engine.Engines;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Comments and defaults with quotes, backslashes and line breaks come out as the Python literals repr() gives. */
class PyLiteralTest {

    @Test
    void stringsAreRenderedAsPythonReprWould() {
        assertThat(comment("plain")).isEqualTo("'plain'");
        assertThat(comment("it's")).isEqualTo("\"it's\"");
        assertThat(comment("it's \"quoted\"")).isEqualTo("'it\\'s \"quoted\"'");
        assertThat(comment("a\\b\nc\td")).isEqualTo("'a\\\\b\\nc\\td'");
        assertThat(comment("café \u0007")).isEqualTo("'café \\x07'");
    }

    /** Renders a one-table model with the text as table comment and returns the literal. */
    private static String comment(String text) {
        Table table = new Table(null, "t", true, text, List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
        String out = new TablesGenerator(Set.of()).render(new SchemaModel(EngineToolings.of(Engines.byId("sqlite")).codegen(), List.of(table)));
        int start = out.indexOf("comment=") + "comment=".length();
        return out.substring(start, out.indexOf('\n', start));
    }
}
