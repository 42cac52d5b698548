package io.matey.dbmate;

import io.matey.error.MateyException;

/**
 * dbmate loads a schema file through psql, which runs meta-commands ({@code \name} lines) that Matey, loading
 * over JDBC, cannot. pg_dump 15.14+ frames its dump with {@code \restrict KEY} and {@code &#92;unrestrict KEY}, which
 * only guard an interactive psql session against a crafted dump, so they are blanked (keeping line numbers);
 * any other meta-command is refused.
 */
final class PsqlMetaCommands {

    private PsqlMetaCommands() {
    }

    /** {@code sql} without pg_dump's restrict lines; {@code file} names the schema file in the refusal. */
    static String strip(String sql, GivenPath file) {
        String[] lines = sql.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (!line.startsWith("\\")) {
                continue;
            }
            String command = line.split("\\s+", 2)[0];
            if (!command.equals("\\restrict") && !command.equals("\\unrestrict")) {
                throw new MateyException(file + ":" + (i + 1) + ": psql meta-command " + command
                        + " is not SQL; matey dbmate load runs SQL only (it skips pg_dump's \\restrict and "
                        + "\\unrestrict). Remove the line or replace it with SQL, then rerun the command.");
            }
            lines[i] = "";
        }
        return String.join("\n", lines);
    }
}
