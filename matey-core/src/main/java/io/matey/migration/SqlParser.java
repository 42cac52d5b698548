package io.matey.migration;

/** Whether JSqlParser is on the class path: optional where only runtime verification ships (the Spring Boot starter). */
public final class SqlParser {

    public static final boolean PRESENT = present();

    private SqlParser() {
    }

    private static boolean present() {
        try {
            Class.forName("net.sf.jsqlparser.parser.CCJSqlParserUtil", false, SqlParser.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
