package io.matey.toml;

import org.tomlj.Toml;
import org.tomlj.TomlParseError;
import org.tomlj.TomlParseResult;
import org.tomlj.TomlTable;

/**
 * Parses TOML. The files Matey reads at every start-up (matey.toml, config.toml, schema.lock.toml) are flat
 * enough for {@link FlatToml}, which spares a cold JVM loading and warming tomlj's ANTLR grammar (about 0.2 s
 * of CPU, docs/architecture.md §8); any other document, and every invalid one, is tomlj's.
 */
public final class TomlText {

    private TomlText() {
    }

    public static TomlMap parse(String text) throws TomlSyntaxException {
        TomlMap flat = FlatToml.parse(text);
        if (flat != null) {
            return flat;
        }
        TomlParseResult result = Toml.parse(text);
        if (result.hasErrors()) {
            TomlParseError error = result.errors().get(0);
            throw new TomlSyntaxException(error.getMessage(), error.position().line(), error.position().column());
        }
        // Cast, not passed as the parse result: the verifier would otherwise load tomlj's TomlTable (and open its
        // jar) with this class, at every start-up that only reads flat files (docs/architecture.md §8).
        return TomlMap.of((TomlTable) (Object) result);
    }
}
