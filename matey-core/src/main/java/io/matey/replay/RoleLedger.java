package io.matey.replay;

import io.matey.artifact.Digests;
import io.matey.artifact.TargetLock;
import io.matey.engine.ServerRole;
import java.io.IOException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;

/**
 * The roles each replaying process of this host created on each test server, recorded as soon as the section that
 * created them ran (docs/architecture.md §6), so that when a process is killed before it can drop them, the next
 * replay on that server can: a role is Matey's to drop only while a record of an ended process names it. One file
 * per process ({@code <host>_<pid>}, as {@link ScratchOwner} names it) in the user's own Matey directory; a line
 * per role: the server's digest (never its URL, which may hold a password), the name and the host, URL-encoded.
 * The grants an account that was there had before the replay changed any are recorded too, on a line of their own
 * with a fourth field (a line per grant, each URL-encoded, joined by spaces), so that the next replay can give them
 * back. A role about to be created is recorded before its {@code CREATE} runs (write-ahead), with a fourth field
 * {@code creating} and a fifth saying whether the server lacked it then ({@code absent} or {@code present}): a
 * process killed between the create and its record leaves the intent, and only an {@code absent} one makes the role
 * Matey's to drop. Files are replaced whole through a temporary file, so a kill never leaves one half written.
 */
final class RoleLedger {

    private static final String SUFFIX = ".roles";
    private static final String CREATING = "creating";
    private static final String ABSENT = "absent";

    private RoleLedger() {
    }

    /** The digest naming a server in the records: its engine and URL with no database. */
    static String server(String serverKey) {
        return Digests.digest(serverKey.getBytes(StandardCharsets.UTF_8)).substring(0, 32);
    }

    /**
     * The mark a replay of {@code owner} sets on each role it intended and created ({@link ScratchServer#mark}): an
     * intent makes a role Matey's to drop only when it carries its process's mark.
     */
    static String mark(ScratchOwner owner) {
        return "matey-replay-" + owner.namePart().replace('_', '-');
    }

    /** Records that {@code owner} created {@code roles} on {@code server}. */
    static synchronized void record(ScratchOwner owner, String server, Collection<ServerRole> roles) throws IOException {
        if (roles.isEmpty()) {
            return;
        }
        List<String> lines = new ArrayList<>();
        for (ServerRole role : roles) {
            lines.add(line(server, role));
        }
        append(owner, lines);
    }

    /**
     * Records that {@code owner} is about to create each role of {@code lacked} on {@code server}, with whether the
     * server lacked it then: written before the {@code CREATE} runs, and withdrawn ({@link #confirm}, {@link
     * #forgetIntents}) once it did or did not.
     */
    static synchronized void intend(ScratchOwner owner, String server, Map<ServerRole, Boolean> lacked)
            throws IOException {
        if (lacked.isEmpty()) {
            return;
        }
        List<String> lines = new ArrayList<>();
        lacked.forEach((role, absent) -> lines.add(intentLine(server, role, absent)));
        append(owner, lines);
    }

    /**
     * Records that {@code owner} created {@code created} on {@code server} and withdraws its intents for
     * {@code intended}: the record is written before the intents go, so a kill in between leaves both.
     */
    static synchronized void confirm(ScratchOwner owner, String server, Collection<ServerRole> created,
            Collection<ServerRole> intended) throws IOException {
        record(owner, server, created);
        forgetIntents(owner, server, intended);
    }

    /** Withdraws every intent {@code owner} recorded on {@code server} for {@code roles} ({@link #intend}). */
    static synchronized void forgetIntents(ScratchOwner owner, String server, Collection<ServerRole> roles)
            throws IOException {
        if (roles.isEmpty()) {
            return;
        }
        Path file = file(owner);
        List<String> kept = new ArrayList<>(read(file));
        for (ServerRole role : roles) {
            kept.removeIf(line -> line.equals(intentLine(server, role, true)) || line.equals(intentLine(server, role,
                    false)));
        }
        write(file, kept);
    }

    /**
     * The intents each process recorded on {@code server} and never withdrew: role to whether the server lacked it
     * when the intent was written (false when any of a role's intents says it had it).
     */
    static synchronized Map<ScratchOwner, Map<ServerRole, Boolean>> intents(String server) throws IOException {
        Map<ScratchOwner, Map<ServerRole, Boolean>> intents = new HashMap<>();
        forEachLine(server, 5, (owner, fields) -> {
            if (fields[3].equals(CREATING)) {
                intents.computeIfAbsent(owner, o -> new LinkedHashMap<>())
                        .merge(role(fields), fields[4].equals(ABSENT), Boolean::logicalAnd);
            }
        });
        return intents;
    }

    /** Records the grants each account of {@code grants} had on {@code server} before {@code owner} replayed there. */
    static synchronized void recordGrants(ScratchOwner owner, String server, Map<ServerRole, List<String>> grants)
            throws IOException {
        if (grants.isEmpty()) {
            return;
        }
        List<String> lines = new ArrayList<>();
        grants.forEach((role, listed) -> lines.add(grantsLine(server, role, listed)));
        append(owner, lines);
    }

    /** Forgets {@code roles} of {@code owner} on {@code server}: dropped, or no longer there. */
    static synchronized void forget(ScratchOwner owner, String server, Collection<ServerRole> roles) throws IOException {
        Path file = file(owner);
        List<String> kept = new ArrayList<>(read(file));
        for (ServerRole role : roles) {
            kept.remove(line(server, role));
        }
        write(file, kept);
    }

    /** Forgets the grants {@code owner} recorded for {@code roles} on {@code server}: given back, or gone. */
    static synchronized void forgetGrants(ScratchOwner owner, String server, Collection<ServerRole> roles)
            throws IOException {
        Path file = file(owner);
        List<String> kept = new ArrayList<>(read(file));
        for (ServerRole role : roles) {
            kept.removeIf(line -> line.startsWith(line(server, role) + "\t") && line.split("\t", -1).length == 4);
        }
        write(file, kept);
    }

    private static void append(ScratchOwner owner, List<String> lines) throws IOException {
        Files.write(file(owner), lines, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    private static void write(Path file, List<String> kept) throws IOException {
        if (kept.isEmpty()) {
            Files.deleteIfExists(file);
            return;
        }
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        Files.write(temporary, kept, StandardCharsets.UTF_8);
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** The roles each process recorded on {@code server}. */
    static synchronized Map<ScratchOwner, Set<ServerRole>> recorded(String server) throws IOException {
        Map<ScratchOwner, Set<ServerRole>> roles = new HashMap<>();
        forEachLine(server, 3, (owner, fields) -> roles.computeIfAbsent(owner, o -> new LinkedHashSet<>())
                .add(role(fields)));
        return roles;
    }

    /** The grants each process recorded on {@code server}, by account, as they were before it replayed there. */
    static synchronized Map<ScratchOwner, Map<ServerRole, List<String>>> recordedGrants(String server)
            throws IOException {
        Map<ScratchOwner, Map<ServerRole, List<String>>> grants = new HashMap<>();
        forEachLine(server, 4, (owner, fields) -> {
            List<String> listed = new ArrayList<>();
            for (String grant : fields[3].split(" ")) {
                listed.add(decode(grant));
            }
            grants.computeIfAbsent(owner, o -> new LinkedHashMap<>()).putIfAbsent(role(fields), listed);
        });
        return grants;
    }

    /** Hands each line on {@code server} with {@code fieldCount} fields, split, to {@code action} with its owner. */
    private static void forEachLine(String server, int fieldCount, BiConsumer<ScratchOwner, String[]> action)
            throws IOException {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(TargetLock.userDirectory(), "*" + SUFFIX)) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                var owner = ScratchOwner.ofNamePart(name.substring(0, name.length() - SUFFIX.length()));
                if (owner.isEmpty()) {
                    continue;
                }
                for (String line : read(file)) {
                    String[] fields = line.split("\t", -1);
                    if (fields.length == fieldCount && fields[0].equals(server)) {
                        action.accept(owner.get(), fields);
                    }
                }
            }
        }
    }

    private static ServerRole role(String[] fields) {
        return new ServerRole(decode(fields[1]), fields[2].isEmpty() ? null : decode(fields[2].substring(1)));
    }

    private static Path file(ScratchOwner owner) {
        return TargetLock.userDirectory().resolve(owner.namePart() + SUFFIX);
    }

    private static List<String> read(Path file) throws IOException {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return List.of();
        }
    }

    /** {@code <server>\t<name>\t[@<host>]}: PostgreSQL's roles have no host, a MariaDB role an empty one. */
    private static String line(String server, ServerRole role) {
        return server + "\t" + encode(role.name()) + "\t" + (role.host() == null ? "" : "@" + encode(role.host()));
    }

    /** {@code <server>\t<name>\t[@<host>]\tcreating\t<absent|present>}: whether the server lacked the role. */
    private static String intentLine(String server, ServerRole role, boolean absent) {
        return line(server, role) + "\t" + CREATING + "\t" + (absent ? ABSENT : "present");
    }

    /** {@code <server>\t<name>\t[@<host>]\t<grant> <grant>...}, each grant URL-encoded (so without spaces). */
    private static String grantsLine(String server, ServerRole role, List<String> grants) {
        return line(server, role) + "\t" + grants.stream().map(RoleLedger::encode).collect(Collectors.joining(" "));
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }
}
