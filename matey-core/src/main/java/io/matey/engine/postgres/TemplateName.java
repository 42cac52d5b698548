package io.matey.engine.postgres;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The name of an anchor template: {@code matey_anchor_<label>_<group digest>_<state digest>}. The group is the
 * canonical directory of a target (its workspace checkout and target path), so two checkouts of a workspace, and
 * targets whose names share a prefix ({@code x}, {@code x/core}), never share or evict each other's templates; the
 * label (the directory's last name) only helps a person reading {@code \l}. A template is built under
 * {@link #building()} and renamed when complete.
 */
record TemplateName(String label, String group, String state) {

    static final String PREFIX = "matey_anchor_";
    private static final String BUILDING_SUFFIX = "_b";
    private static final int DIGEST_HEX = 12;
    private static final int MAX_LABEL = 20;
    private static final Pattern NAME = Pattern.compile(
            Pattern.quote(PREFIX) + "([a-z0-9_]+)_([0-9a-f]{12})_([0-9a-f]{12})(" + BUILDING_SUFFIX + ")?");

    static TemplateName of(String group, String dump) {
        return new TemplateName(label(group), digest(group), digest(dump));
    }

    /** The template a database name stands for (also a template still being built), if it names one. */
    static Optional<TemplateName> parse(String database) {
        Matcher m = NAME.matcher(database);
        return m.matches() ? Optional.of(new TemplateName(m.group(1), m.group(2), m.group(3))) : Optional.empty();
    }

    static boolean isBuilding(String database) {
        return database.endsWith(BUILDING_SUFFIX);
    }

    String name() {
        return PREFIX + label + "_" + group + "_" + state;
    }

    String building() {
        return name() + BUILDING_SUFFIX;
    }

    boolean sameGroup(TemplateName other) {
        return group.equals(other.group);
    }

    private static String label(String group) {
        String last = group.replaceAll("[/\\\\]+$", "").replaceAll(".*[/\\\\]", "");
        String label = last.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
        if (label.isEmpty()) {
            return "target";
        }
        return label.length() > MAX_LABEL ? label.substring(0, MAX_LABEL) : label;
    }

    private static String digest(String text) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, DIGEST_HEX / 2);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
