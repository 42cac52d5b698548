package io.matey.engine;

/** Identifier quoting shared by the engines' {@link Engine#quote(String)}. */
public final class Identifiers {

    private Identifiers() {
    }

    /** {@code identifier} between {@code quote} characters, each embedded one doubled, as standard SQL quotes. */
    public static String quoted(char quote, String identifier) {
        String mark = String.valueOf(quote);
        return mark + identifier.replace(mark, mark + mark) + mark;
    }
}
