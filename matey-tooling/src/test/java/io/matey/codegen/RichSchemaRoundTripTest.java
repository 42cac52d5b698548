package io.matey.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import io.matey.replay.ReplayOptions;
import io.matey.replay.SchemaApplyResult;
import io.matey.testing.EngineMatrix;
import io.matey.testing.TestWorkspace;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;

/**
 * Core acceptance item 7: each engine's rich schema, built by migrations, passes every down round trip, and
 * a clean replay gives the same bytes as the incremental one (the dump is deterministic and loadable).
 */
class RichSchemaRoundTripTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @EngineMatrix
    void everyDownSectionIsCheckedAndReplayIsDeterministic(String engine) {
        TestWorkspace ws = new TestWorkspace(dir, engine);
        RichSchemas.Schema schema = RichSchemas.of(engine);
        schema.writeTo(ws);
        SchemaApplyResult applied = ws.apply();
        assertThat(applied.downChecked()).hasSize(schema.migrations().size());
        assertThat(applied.downSkipped()).isEmpty();
        String schemaSql = ws.read("db/core/schema.sql");
        assertThat(ws.plan(new ReplayOptions(null, null, true, false)).replaySql()).isEqualTo(schemaSql);
        assertThat(ws.plan().match()).isTrue();
    }
}
