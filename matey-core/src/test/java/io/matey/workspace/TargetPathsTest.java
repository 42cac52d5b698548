package io.matey.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.matey.error.MateyException;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TargetPathsTest {

    private static final Path ROOT = Path.of("/work/ws");

    @ParameterizedTest
    @CsvSource({"db/core, db/core", "./db/core, db/core", "db/core/, db/core", "db//core, db/core", "db/./core, db/core",
            "., .", "./, .", "'', .", "/work/ws/db/core, db/core", "/work/ws, .", "db\\core, db/core"})
    void namesATargetAsTheWorkspaceRootDoes(String given, String name) {
        assertThat(TargetPaths.normalize(ROOT, given)).isEqualTo(name);
    }

    @ParameterizedTest
    @CsvSource({"../elsewhere", "db/../../elsewhere", "/work/other/db"})
    void refusesAPathThatCouldLeaveTheWorkspace(String given) {
        assertThatThrownBy(() -> TargetPaths.normalize(ROOT, given)).isInstanceOf(MateyException.class)
                .hasMessageContaining("Target path '" + given + "'");
    }
}
