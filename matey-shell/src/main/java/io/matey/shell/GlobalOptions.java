package io.matey.shell;

import java.util.Arrays;

/**
 * Options given before the command ({@code matey --workspace DIR schema status}). Spring Shell only parses
 * options after a command, so the leading ones are taken out here and handed to the commands as properties.
 */
public final class GlobalOptions {

    public static final String WORKSPACE_PROPERTY = "matey.workspace";

    private GlobalOptions() {
    }

    static String[] extract(String[] args) {
        int i = 0;
        while (i < args.length) {
            if (args[i].equals("--workspace") && i + 1 < args.length) {
                System.setProperty(WORKSPACE_PROPERTY, args[i + 1]);
                i += 2;
            } else if (args[i].startsWith("--workspace=")) {
                System.setProperty(WORKSPACE_PROPERTY, args[i].substring("--workspace=".length()));
                i++;
            } else {
                break;
            }
        }
        String[] rest = Arrays.copyOfRange(args, i, args.length);
        // `matey --help` / `matey -h` as in most tools (and Python matey): the command list.
        return rest.length == 1 && (rest[0].equals("--help") || rest[0].equals("-h")) ? new String[] {"help"} : rest;
    }
}
