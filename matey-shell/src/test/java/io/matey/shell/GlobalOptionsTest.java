package io.matey.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class GlobalOptionsTest {

    @AfterEach
    void forgetWorkspace() {
        System.clearProperty(GlobalOptions.WORKSPACE_PROPERTY);
    }

    @Test
    void theWorkspaceComesOutAndTheCommandStays() {
        GlobalOptions options = GlobalOptions.extract(new String[] {"--workspace", "ws", "db", "up"});
        assertThat(options.global()).containsExactly("--workspace", "ws");
        assertThat(options.command()).containsExactly("db", "up");
        assertThat(System.getProperty(GlobalOptions.WORKSPACE_PROPERTY)).isEqualTo("ws");
    }

    @Test
    void liveCommandsAreTheDbAndDbmateGroups() {
        assertThat(GlobalOptions.liveCommand(GlobalOptions.extract(new String[] {"--workspace=ws", "db", "up"})
                .command())).isTrue();
        assertThat(GlobalOptions.liveCommand(List.of("dbmate", "status"))).isTrue();
        assertThat(GlobalOptions.liveCommand(List.of("schema", "status"))).isFalse();
        assertThat(GlobalOptions.liveCommand(List.of("data", "apply"))).isFalse();
        assertThat(GlobalOptions.liveCommand(List.of())).isFalse();
    }
}
