package io.matey.toml;

/** A document that is not valid TOML, with the position tomlj reports. */
public final class TomlSyntaxException extends Exception {

    private final int line;
    private final int column;

    TomlSyntaxException(String message, int line, int column) {
        super(message);
        this.line = line;
        this.column = column;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }

    /** The message with its position, as tomlj writes a parse error. */
    public String describe() {
        return getMessage() + " (line " + line + ", column " + column + ")";
    }
}
