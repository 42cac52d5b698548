package io.matey.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DebugLogTest {

    @AfterEach
    void backToSlf4j() {
        DebugLog.to(new Slf4jSink());
    }

    @Test
    void linesNameTheirClassAndNeverAPassword() {
        List<String> lines = new ArrayList<>();
        DebugLog.to(DebugLog.lines(lines::add));
        DebugLog.log(DebugLogTest.class, () -> "opened postgres://app:s3cret@db:5432/shop");
        assertThat(lines).containsExactly("DebugLogTest: opened postgres://app:****@db:5432/shop");
    }

    @Test
    void offBuildsNoLine() {
        DebugLog.to(DebugLog.OFF);
        DebugLog.log(DebugLogTest.class, () -> {
            throw new AssertionError("built a line nobody reads");
        });
    }
}
