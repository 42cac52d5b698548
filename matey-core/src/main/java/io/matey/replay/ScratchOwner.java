package io.matey.replay;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Who leased a scratch database, as its name tells (docs/architecture.md §6): the host (6 hex digits of a digest of
 * the host name and the kernel's boot id, so two machines or two boots never share it) and the process id (base
 * 36). A process on the same host whose owner process is gone may drop the database; one on another host cannot
 * tell and leaves it.
 */
record ScratchOwner(String host, long pid) {

    /** {@code matey_<target>_<purpose>_<host>_<pid>_<4 hex>}. */
    private static final Pattern NAME = Pattern.compile("^matey_.+_(?:replay|resume)_([0-9a-f]{6}_[0-9a-z]{1,13})_[0-9a-f]{4}$");
    /** {@code <host>_<pid>}. */
    private static final Pattern NAME_PART = Pattern.compile("^([0-9a-f]{6})_([0-9a-z]{1,13})$");

    private static final ScratchOwner CURRENT = new ScratchOwner(hostDigest(), ProcessHandle.current().pid());

    static ScratchOwner current() {
        return CURRENT;
    }

    /** The name part {@code <host>_<pid>}. */
    String namePart() {
        return host + "_" + Long.toString(pid, 36);
    }

    /** The owner a scratch database name records; empty for other names (templates, older scratch names). */
    static Optional<ScratchOwner> of(String databaseName) {
        Matcher m = NAME.matcher(databaseName);
        return m.matches() ? ofNamePart(m.group(1)) : Optional.empty();
    }

    /** The owner a {@link #namePart()} records; empty for other text. */
    static Optional<ScratchOwner> ofNamePart(String text) {
        Matcher m = NAME_PART.matcher(text);
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new ScratchOwner(m.group(1), Long.parseLong(m.group(2), 36)));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** True when this owner ran on this host and its process has ended. */
    boolean isGone() {
        return host.equals(CURRENT.host) && pid != CURRENT.pid && ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true);
    }

    private static String hostDigest() {
        String identity = read("/proc/sys/kernel/hostname") + "/" + read("/proc/sys/kernel/random/boot_id");
        if (identity.equals("/")) {
            try {
                identity = InetAddress.getLocalHost().getHostName();
            } catch (IOException e) {
                identity = "unknown-host";
            }
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(identity.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String read(String file) {
        try {
            return Files.readString(Path.of(file), StandardCharsets.UTF_8).strip();
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }
}
