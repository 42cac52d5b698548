package io.matey.shell;

import io.matey.Matey;
import io.matey.MateyTools;
import io.matey.ci.CiProvider;
import io.matey.engine.Engine;
import io.matey.engine.Engines;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.springframework.shell.CompletionProposal;
import org.springframework.shell.completion.CompletionProvider;

/**
 * Tab completion of option values in interactive sessions. A command names a provider with
 * {@code @OptionValues(provider = "targetPaths")}: the method of that name here (docs/architecture.md §8).
 */
public class Completions {

    /** Target paths of the workspace the session stands in. */
    public CompletionProvider targetPaths() {
        return context -> {
            try {
                return proposals(Matey.at(null).workspace().targetNames());
            } catch (RuntimeException noWorkspace) {
                return List.of();
            }
        };
    }

    /** Engine names and the aliases they accept ({@code mariadb}, {@code postgresql}). */
    public CompletionProvider engines() {
        return context -> {
            List<String> names = new ArrayList<>();
            for (Engine engine : Engines.all()) {
                names.add(engine.id());
                names.addAll(engine.aliases());
            }
            return proposals(names);
        };
    }

    /**
     * The directories below the one the typed word names so far ({@code db/c} lists {@code db/core/}), each ending
     * in {@code /} so that the next Tab goes further down.
     */
    public CompletionProvider directories() {
        return context -> {
            String word = context.getWords().get(context.getWordIndex());
            return proposals(paths(word.startsWith("--") ? word.substring(word.indexOf('=') + 1) : word, false));
        };
    }

    /**
     * The entries of the directory {@code typed} names so far: its directories, each ending in {@code /}, and with
     * {@code files} its files too; hidden ones left out.
     */
    public static List<String> paths(String typed, boolean files) {
        int slash = typed.lastIndexOf('/');
        String parent = slash < 0 ? "" : typed.substring(0, slash + 1);
        List<String> paths = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(Path.of(parent.isEmpty() ? "." : parent))) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                if (name.startsWith(".")) {
                    continue;
                }
                if (Files.isDirectory(entry)) {
                    paths.add(parent + name + "/");
                } else if (files) {
                    paths.add(parent + name);
                }
            }
        } catch (IOException | RuntimeException unreadable) {
            return List.of();
        }
        Collections.sort(paths);
        return paths;
    }

    public CompletionProvider ciProviders() {
        return context -> proposals(Arrays.stream(CiProvider.values()).map(p -> p.name().toLowerCase(Locale.ROOT)).toList());
    }

    /** Data sets of the target that {@code --path} names (or the one the session stands in). */
    public CompletionProvider dataSets() {
        return context -> {
            List<String> words = context.getWords();
            int option = words.indexOf("--path");
            String path = option >= 0 && option + 1 < words.size() ? words.get(option + 1) : null;
            try {
                Matey matey = Matey.at(null);
                return proposals(new MateyTools(matey).dataSets(matey.target(path)));
            } catch (RuntimeException noDataSets) {
                return List.of();
            }
        };
    }

    private static List<CompletionProposal> proposals(List<String> values) {
        return values.stream().map(CompletionProposal::new).toList();
    }
}
