package io.matey.shell;

import io.matey.engine.MateyUrl;
import io.matey.shell.session.SessionSyntax;
import java.io.ByteArrayOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.function.UnaryOperator;

/**
 * A stream that rewrites its text line by line before it reaches the underlying stream (docs/architecture.md §8):
 * stderr masks URL passwords, as it carries messages from libraries and stack traces too, not only Matey's own; a
 * command of an interactive session names the commands it suggests as the session takes them.
 */
public final class FilteredOutput extends OutputStream {

    private final OutputStream target;
    private final UnaryOperator<String> filter;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();

    FilteredOutput(OutputStream target, UnaryOperator<String> filter) {
        this.target = target;
        this.filter = filter;
    }

    /** The process's stderr, masked, in UTF-8; in a session, with its commands' syntax. */
    public static PrintStream stderr() {
        UnaryOperator<String> masked = MateyUrl::mask;
        return new PrintStream(new FilteredOutput(new FileOutputStream(FileDescriptor.err),
                SessionSyntax.active() ? line -> SessionSyntax.hints(masked.apply(line)) : masked), true,
                StandardCharsets.UTF_8);
    }

    /** The process's stdout in UTF-8; in a session, with its commands' syntax (never masked: it carries SQL). */
    public static PrintStream stdout() {
        OutputStream out = new FileOutputStream(FileDescriptor.out);
        return new PrintStream(SessionSyntax.active() ? new FilteredOutput(out, SessionSyntax::hints) : out, false,
                StandardCharsets.UTF_8);
    }

    @Override
    public synchronized void write(int b) throws IOException {
        line.write(b);
        if (b == '\n') {
            flush();
        }
    }

    @Override
    public synchronized void write(byte[] bytes, int offset, int length) throws IOException {
        for (int i = offset; i < offset + length; i++) {
            write(bytes[i]);
        }
    }

    @Override
    public synchronized void flush() throws IOException {
        if (line.size() > 0) {
            target.write(filter.apply(line.toString(StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8));
            line.reset();
        }
        target.flush();
    }
}
