package io.matey.workspace;

import io.matey.error.FileFailure;
import io.matey.error.MateyException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Adds a target to the workspace config, rewriting only the {@code targets} array so that the user's other
 * lines and comments stay as they were.
 */
public final class WorkspaceConfigWriter {

    private static final Pattern TARGETS = Pattern.compile("(?ms)^targets\\s*=\\s*\\[.*?\\]");

    private WorkspaceConfigWriter() {
    }

    /** The config text with {@code target} listed, or null when it is already listed. */
    public static String withTarget(Path root, Path configFile, String target) {
        if (configFile == null) {
            return render(List.of(target)) + "\n";
        }
        String text = read(configFile);
        List<String> current = WorkspaceLoader.targetNames(root, configFile, target);
        if (current.contains(target)) {
            return null;
        }
        List<String> targets = new ArrayList<>(current);
        targets.add(target);
        String rendered = render(targets);
        Matcher m = TARGETS.matcher(text);
        if (m.find()) {
            return text.substring(0, m.start()) + rendered + text.substring(m.end());
        }
        if (configFile.getFileName().toString().equals(WorkspaceLoader.PYPROJECT_FILE)) {
            return text.replaceFirst("(?m)^\\[tool\\.matey\\]\\s*$", "[tool.matey]\n" + Matcher.quoteReplacement(rendered));
        }
        return rendered + "\n" + text;
    }

    static String render(List<String> targets) {
        TreeSet<String> sorted = new TreeSet<>(targets);
        if (sorted.size() == 1) {
            return "targets = [\"" + sorted.first() + "\"]";
        }
        return sorted.stream().map(t -> "  \"" + t + "\",").collect(Collectors.joining("\n", "targets = [\n", "\n]"));
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new MateyException("Unable to read " + file + ": " + FileFailure.detail(file, e));
        }
    }
}
