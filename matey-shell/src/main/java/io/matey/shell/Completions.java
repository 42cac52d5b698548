package io.matey.shell;

import io.matey.Matey;
import io.matey.engine.Engine;
import io.matey.engine.Engines;
import io.matey.workspace.TargetConfig;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.shell.CompletionProposal;
import org.springframework.shell.completion.CompletionProvider;

/** Tab completion of option values in interactive sessions. */
@Configuration(proxyBeanMethods = false)
public class Completions {

    /** Target paths of the workspace the session stands in. */
    @Bean
    CompletionProvider targetPaths() {
        return context -> {
            try {
                return Matey.at(null).workspace().targets().stream().map(TargetConfig::name)
                        .map(CompletionProposal::new).toList();
            } catch (RuntimeException noWorkspace) {
                return List.of();
            }
        };
    }

    @Bean
    CompletionProvider engines() {
        return context -> Engines.all().stream().map(Engine::id).map(CompletionProposal::new).toList();
    }

    @Bean
    CompletionProvider formats() {
        return context -> List.of(new CompletionProposal("text"), new CompletionProposal("json"));
    }

    /** Data sets of the target that {@code --path} names (or the one the session stands in). */
    @Bean
    CompletionProvider dataSets() {
        return context -> {
            List<String> words = context.getWords();
            int option = words.indexOf("--path");
            String path = option >= 0 && option + 1 < words.size() ? words.get(option + 1) : null;
            try {
                Matey matey = Matey.at(null);
                return matey.dataSets(matey.target(path)).stream().map(CompletionProposal::new).toList();
            } catch (RuntimeException noDataSets) {
                return List.of();
            }
        };
    }
}
