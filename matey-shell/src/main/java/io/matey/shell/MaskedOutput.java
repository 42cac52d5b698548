package io.matey.shell;

import io.matey.engine.MateyUrl;
import java.io.ByteArrayOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * A stream that masks URL passwords line by line before they reach the underlying stream: stderr carries
 * messages from libraries and stack traces too, not only Matey's own (docs/architecture.md §8).
 */
public final class MaskedOutput extends OutputStream {

    private final OutputStream target;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();

    MaskedOutput(OutputStream target) {
        this.target = target;
    }

    /** The process's stderr, masked, in UTF-8. */
    public static PrintStream stderr() {
        return new PrintStream(new MaskedOutput(new FileOutputStream(FileDescriptor.err)), true, StandardCharsets.UTF_8);
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
            target.write(MateyUrl.mask(line.toString(StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8));
            line.reset();
        }
        target.flush();
    }
}
