package io.matey.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.matey.error.MateyException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TargetSelectorTest {

    private static final Path ROOT = Path.of("/work/space");

    private static TargetConfig target(String name) {
        return new TargetConfig(name, ROOT.resolve(name).normalize(), "sqlite", 0, "URL", "TEST_URL", null,
                InexactDowns.NONE, false, true);
    }

    private static final Workspace NESTED = new Workspace(ROOT, ROOT.resolve("matey.toml"),
            List.of(target("."), target("db/core")), Optional.empty());

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
        Workspace siblings = new Workspace(ROOT, ROOT.resolve("matey.toml"), List.of(target("db/a"), target("db/b")),
                Optional.empty());
        assertThatThrownBy(() -> selected(siblings, ROOT)).isInstanceOf(MateyException.class)
                .hasMessage("Multiple targets configured; choose one with --path or use --all. Available paths: db/a, db/b");
    }
}
