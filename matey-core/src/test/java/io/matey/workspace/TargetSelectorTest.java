package io.matey.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.matey.error.MateyException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class TargetSelectorTest {

    private static final Path ROOT = Path.of("/work/space");

    private static TargetConfig target(String name) {
        return new TargetConfig(name, ROOT.resolve(name).normalize(), "sqlite", 0, "URL", "TEST_URL", null,
                InexactDowns.NONE, false, true);
    }

    private static Workspace workspace(String... names) {
        SortedMap<String, Supplier<TargetConfig>> targets = new TreeMap<>();
        for (String name : names) {
            targets.put(name, () -> target(name));
        }
        return new Workspace(ROOT, ROOT.resolve("matey.toml"), targets, Optional.empty());
    }

    private static final Workspace NESTED = workspace(".", "db/core");

    private static String selected(Workspace workspace, Path cwd) {
        return TargetSelector.selectOne(workspace, null, cwd).name();
    }

    @Test
    void theInnermostTargetContainingTheCurrentDirectoryIsChosen() {
        assertThat(selected(NESTED, ROOT.resolve("db/core"))).isEqualTo("db/core");
        assertThat(selected(NESTED, ROOT.resolve("db/core/migrations"))).isEqualTo("db/core");
        assertThat(selected(NESTED, ROOT.resolve("db"))).isEqualTo(".");
        assertThat(selected(NESTED, ROOT)).isEqualTo(".");
    }

    @Test
    void outsideEveryTargetSeveralTargetsNeedAChoice() {
        Workspace siblings = workspace("db/a", "db/b");
        assertThatThrownBy(() -> TargetSelector.select(siblings, null, false, ROOT)).isInstanceOf(MateyException.class)
                .hasMessage("Multiple targets configured; choose one with --path or use --all. Available paths: db/a, db/b");
    }

    @Test
    void aCommandOnOneTargetOffersNoAll() {
        Workspace siblings = workspace("db/a", "db/b");
        assertThatThrownBy(() -> TargetSelector.selectOne(siblings, null, ROOT)).isInstanceOf(MateyException.class)
                .hasMessage("Multiple targets configured; choose one with --path. Available paths: db/a, db/b");
    }
}
