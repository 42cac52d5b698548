package io.matey.shell;

import io.matey.Matey;
import io.matey.ci.CiProvider;
import io.matey.engine.Engine;
import io.matey.engine.Engines;
import java.util.Arrays;
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

    public CompletionProvider engines() {
        return context -> proposals(Engines.all().stream().map(Engine::id).toList());
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
                return proposals(matey.dataSets(matey.target(path)));
            } catch (RuntimeException noDataSets) {
                return List.of();
            }
        };
    }

    private static List<CompletionProposal> proposals(List<String> values) {
        return values.stream().map(CompletionProposal::new).toList();
    }
}
