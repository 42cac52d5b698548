package io.matey.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** What else the machine is doing: figures taken under load are noisy, so reports say what the load was. */
public final class Machine {

    private Machine() {
    }

    /** The 1-, 5- and 15-minute load averages and the core count, or "unknown" off Linux. */
    public static String load() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2] + " on " + Runtime.getRuntime().availableProcessors()
                    + " cores";
        } catch (IOException e) {
            return "unknown";
        }
    }
}
