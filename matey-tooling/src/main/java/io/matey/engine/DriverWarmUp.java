package io.matey.engine;

import java.text.DateFormatSymbols;
import java.text.NumberFormat;
import java.util.GregorianCalendar;

/**
 * Builds, on a daemon thread, the JDK's locale and time-zone data that the JDBC drivers build on their first
 * connection: pgjdbc a number format (before it sends its login) and a calendar, sqlite-jdbc a calendar and date
 * symbols. In a fresh process that data costs 30–50 ms of interpreted code (the CLDR provider's tables), so a live
 * command starts this as its first act and the data is there when the connection needs it (docs/architecture.md
 * §7). The number format comes first, as pgjdbc needs it first.
 */
public final class DriverWarmUp {

    private DriverWarmUp() {
    }

    /** Starts the warm-up; returns at once. */
    public static void start() {
        Thread thread = new Thread(DriverWarmUp::loadLocaleData, "matey-driver-warm-up");
        thread.setDaemon(true);
        thread.start();
    }

    private static void loadLocaleData() {
        NumberFormat.getIntegerInstance();
        new GregorianCalendar();
        DateFormatSymbols.getInstance();
    }
}
