package io.matey.shell;

import io.matey.log.SectionProgress;
import java.io.PrintStream;
import java.util.Timer;
import java.util.TimerTask;

/**
 * Progress lines on a terminal: each line at once, and {@code running <file> (up)…} for a migration's section
 * still running after a while, so that a long replay or {@code db up} shows a sign of life (README "Commands").
 */
final class TerminalProgress implements SectionProgress {

    private final PrintStream out;
    private final long quietMillis;
    private Timer timer;
    private TimerTask pending;

    /** @param quietMillis how long a section runs before it is said to be running */
    TerminalProgress(PrintStream out, long quietMillis) {
        this.out = out;
        this.quietMillis = quietMillis;
    }

    @Override
    public synchronized void starting(String file, String direction) {
        cancelPending();
        if (timer == null) {
            timer = new Timer("matey-progress", true); // a daemon: never keeps a finished command alive
        }
        pending = new TimerTask() {
            @Override
            public void run() {
                synchronized (TerminalProgress.this) {
                    if (pending == this) {
                        out.println("  running " + file + " (" + direction + ")\u2026");
                        pending = null;
                    }
                }
            }
        };
        timer.schedule(pending, quietMillis);
    }

    @Override
    public synchronized void accept(String line) {
        cancelPending();
        out.println("  " + line);
    }

    private void cancelPending() {
        if (pending != null) {
            pending.cancel();
            pending = null;
        }
    }
}
