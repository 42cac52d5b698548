package io.matey.lint;

import io.matey.artifact.Snapshot;
import io.matey.lint.Finding.Level;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * L109 ({@code lint --base REF}): a migration the base branch has, edited, deleted or renamed on this branch. A
 * database that applied it records only its version, so the edit never reaches it and shows up as drift at deploy
 * time (docs/architecture.md §7); the change belongs in a new migration. An edit made on purpose (say, to a
 * migration no database ran) is accepted with a file-level nolint comment; a deletion has no file to carry one.
 */
final class BaseBranchRule implements LintRule {

    /** Characters of a long line shown before the first that changed. */
    private static final int CONTEXT = 30;

    private final String ref;
    private final Snapshot base;

    /** @param base the target's files at the merge base of HEAD and {@code ref} */
    BaseBranchRule(String ref, Snapshot base) {
        this.ref = ref;
        this.base = base;
    }

    @Override
    public void check(LintContext context, Findings findings) {
        Map<String, byte[]> worktree = context.snapshot().migrations();
        String apply = ", then run `matey schema apply`";
        for (Map.Entry<String, byte[]> old : base.migrations().entrySet()) {
            String path = old.getKey();
            byte[] now = worktree.get(path);
            if (now == null) {
                Optional<String> renamed = renamedTo(old.getValue(), worktree);
                String gone = renamed.map(p -> " (renamed to " + p + ")").orElse("");
                String fix = renamed.map(p -> "rename " + p + " back to " + path + ": databases know by its version that"
                        + " they applied it").orElse("restore it as it is on " + ref + " and reverse what it did in a new"
                        + " migration (`matey db new NAME`)" + apply);
                findings.addWithFix(Level.ERROR, "L109", path, null, "Migration " + path + " is on " + ref
                        + " but not on this branch" + gone + "; databases that applied it still record its version.", fix);
            } else if (!Arrays.equals(old.getValue(), now)) {
                findings.add(Level.ERROR, "L109", path, null, "Migration " + path + " is on " + ref
                        + " with other content (" + firstDifference(old.getValue(), now) + "); databases that applied it"
                        + " keep the old version and report drift at deploy.", "restore it as it is on " + ref
                        + " and put the change in a new migration (`matey db new NAME`)" + apply);
            }
        }
    }

    private Optional<String> renamedTo(byte[] content, Map<String, byte[]> worktree) {
        return worktree.entrySet().stream()
                .filter(e -> !base.migrations().containsKey(e.getKey()) && Arrays.equals(e.getValue(), content))
                .map(Map.Entry::getKey).findFirst();
    }

    /** Where the two texts first differ: the line number and both versions of that line. */
    private String firstDifference(byte[] before, byte[] after) {
        List<String> old = lines(before);
        List<String> now = lines(after);
        int line = 0;
        while (line < old.size() && line < now.size() && old.get(line).equals(now.get(line))) {
            line++;
        }
        int from = Math.max(0, commonPrefix(stripped(old, line), stripped(now, line)) - CONTEXT);
        return "line " + (line + 1) + " was " + quoted(old, line, from) + " there, is " + quoted(now, line, from) + " here";
    }

    private static String stripped(List<String> lines, int index) {
        return index < lines.size() ? lines.get(index).strip() : "";
    }

    private static int commonPrefix(String a, String b) {
        int i = 0;
        while (i < a.length() && i < b.length() && a.charAt(i) == b.charAt(i)) {
            i++;
        }
        return i;
    }

    private static List<String> lines(byte[] text) {
        return new String(text, StandardCharsets.UTF_8).lines().toList();
    }

    /**
     * The line, quoted; one longer than 80 characters is cut to 77 of them from {@code from}, a little before where
     * the versions start to differ (within both), so that the two excerpts show the change side by side.
     */
    private static String quoted(List<String> lines, int index, int from) {
        if (index >= lines.size()) {
            return "missing";
        }
        String line = lines.get(index).strip();
        if (line.length() <= 80) {
            return "'" + line + "'";
        }
        int end = Math.min(line.length(), from + 77);
        return "'" + (from > 0 ? "..." : "") + line.substring(from, end) + (end < line.length() ? "..." : "") + "'";
    }
}
