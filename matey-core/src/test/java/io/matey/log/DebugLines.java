package io.matey.log;

import java.util.ArrayList;
import java.util.List;

/** The debug lines written while it is open, for a test in another package; closed, the lines go to SLF4J again. */
public final class DebugLines implements AutoCloseable {

    private final List<String> lines = new ArrayList<>();

    public DebugLines() {
        DebugLog.to(DebugLog.lines(lines::add));
    }

    public List<String> lines() {
        return lines;
    }

    @Override
    public void close() {
        DebugLog.to(new Slf4jSink());
    }
}
