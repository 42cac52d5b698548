package io.matey.shell.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** {@code matey --version}: the build's version and the git commit it was built from (written at build time). */
public final class Version {

    private Version() {
    }

    public static String describe() {
        Properties git = new Properties();
        try (InputStream in = Version.class.getResourceAsStream("/io/matey/shell/git.properties")) {
            if (in != null) {
                git.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String commit = git.getProperty("git.commit.id.abbrev", "");
        return "matey " + git.getProperty("git.build.version", "(version unknown)") + " (commit "
                + (commit.isEmpty() ? "unknown" : commit) + ("true".equals(git.getProperty("git.dirty")) ? ", with "
                + "uncommitted changes" : "") + ")";
    }
}
