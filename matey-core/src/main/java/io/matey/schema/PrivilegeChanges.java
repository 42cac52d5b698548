package io.matey.schema;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The privileges a grantee holds of an object (or column, or by default) that both dumps write, but differently
 * (docs/architecture.md §5): a narrowed {@code GRANT INSERT, SELECT} that is now {@code GRANT SELECT}, a widened one,
 * one moved to or from the grant option. Each section takes back the statements only the other dump has and then
 * makes those only its own dump has, for the privileges that differ alone: two statements with the same verb and
 * grant option are compared privilege by privilege, so {@code REVOKE INSERT} is all a narrowed grant needs. Taking
 * back comes first, as a revoke takes a privilege's grant option with it, which a grant may then give back.
 *
 * @param up      the up section's statements, in order
 * @param down    the down section's statements, in order
 * @param handled the blocks (their keys) these statements stand for, which the rest of the draft leaves out
 */
record PrivilegeChanges(List<String> up, List<String> down, Set<String> handled) {

    static PrivilegeChanges of(Map<String, String> live, Map<String, String> committed) {
        Map<String, Map<String, Privilege>> added = onlyIn(live, committed);
        Map<String, Map<String, Privilege>> removed = onlyIn(committed, live);
        List<String> up = new ArrayList<>();
        List<String> down = new ArrayList<>();
        Set<String> handled = new LinkedHashSet<>();
        added.forEach((slot, now) -> {
            Map<String, Privilege> before = removed.get(slot);
            if (before != null) {
                up.addAll(change(List.copyOf(before.values()), List.copyOf(now.values())));
                down.addAll(change(List.copyOf(now.values()), List.copyOf(before.values())));
                handled.addAll(now.keySet());
                handled.addAll(before.keySet());
            }
        });
        return new PrivilegeChanges(up, down, handled);
    }

    /** The privilege statements of {@code blocks} that {@code other} lacks, by {@link Privilege#slot} and key. */
    private static Map<String, Map<String, Privilege>> onlyIn(Map<String, String> blocks, Map<String, String> other) {
        Map<String, Map<String, Privilege>> slots = new LinkedHashMap<>();
        blocks.forEach((key, block) -> {
            Privilege privilege = other.containsKey(key) ? null : Privilege.of(block);
            if (privilege != null) {
                slots.computeIfAbsent(privilege.slot(), s -> new LinkedHashMap<>()).put(key, privilege);
            }
        });
        return slots;
    }

    /** The statements that turn one slot's {@code from} statements into its {@code to} ones. */
    private static List<String> change(List<Privilege> from, List<Privilege> to) {
        List<String> statements = new ArrayList<>();
        for (Privilege old : from) {
            List<String> gone = without(old, to);
            if (!gone.isEmpty()) {
                statements.add(old.undo().text(gone));
            }
        }
        for (Privilege now : to) {
            List<String> comes = without(now, from);
            if (!comes.isEmpty()) {
                statements.add(now.text(comes));
            }
        }
        return statements;
    }

    /**
     * The column grants a section must give again at its end: PostgreSQL's {@code REVOKE p ON TABLE t} (or of its grant
     * option) takes {@code p} (or its option) on every column of {@code t} from that grantee too, so the column grants
     * of {@code p} that the section's own dump holds, a revoke in the section before them, are lost unless given after
     * it (a column grant kept beside a table-level revoke, or a table-level grant dropped while the column grants stay).
     *
     * @param section the section's statements, in order
     * @param target  the blocks of the dump the section turns the database into
     */
    static List<String> regranted(List<String> section, Map<String, String> target) {
        List<Privilege> revokes = new ArrayList<>();
        int last = -1;
        for (int i = 0; i < section.size(); i++) {
            for (String line : section.get(i).split("\n")) {
                Privilege revoke = line.startsWith("REVOKE ") ? Privilege.of(line) : null;
                if (revoke != null && revoke.prefix().isEmpty() && revoke.object().startsWith("TABLE ")
                        && revoke.privileges().stream().noneMatch(privilege -> privilege.contains(" ("))) {
                    revokes.add(revoke);
                    last = i;
                }
            }
        }
        List<String> after = section.subList(last + 1, section.size());
        return target.values().stream().filter(block -> !after.contains(block)).filter(block -> {
            Privilege grant = Privilege.of(block);
            return grant != null && grant.verb().equals("GRANT") && grant.prefix().isEmpty()
                    && grant.privileges().stream().allMatch(privilege -> privilege.contains(" ("))
                    && revokes.stream().anyMatch(revoke -> revoke.object().equals(grant.object())
                            && revoke.grantee().equals(grant.grantee()) && takes(revoke, grant));
        }).toList();
    }

    /** Whether the table-level revoke takes one of the column grant's privileges (its grant option, if so given). */
    private static boolean takes(Privilege revoke, Privilege grant) {
        return (grant.grantable() || revoke.verb().equals("REVOKE")) && grant.privileges().stream()
                .map(privilege -> privilege.substring(0, privilege.indexOf(" (")))
                .anyMatch(kind -> revoke.privileges().contains(kind) || revoke.privileges().contains("ALL"));
    }

    /** The privileges of {@code statement} that no statement of {@code others} with its verb and option names. */
    private static List<String> without(Privilege statement, List<Privilege> others) {
        List<String> left = new ArrayList<>(statement.privileges());
        others.stream().filter(statement::comparable).forEach(other -> left.removeAll(other.privileges()));
        return left;
    }
}
