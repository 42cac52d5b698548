package io.matey.log;

import org.slf4j.LoggerFactory;

/** Debug lines to SLF4J; the logger factory is first touched by the first line asked about. */
final class Slf4jSink implements DebugLog.Sink {

    @Override
    public boolean enabled(Class<?> source) {
        return LoggerFactory.getLogger(source).isDebugEnabled();
    }

    @Override
    public void write(Class<?> source, String line) {
        LoggerFactory.getLogger(source).debug(line);
    }
}
