package io.matey.dbmate;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.matey.engine.MateyUrl;
import io.matey.error.MateyException;
import io.matey.testing.EngineMatrix;
import io.matey.testing.TestEngines;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;

/** A login the server refuses: {@code matey dbmate} says so in the database's words, without the driver's wrapping. */
class DbmateLoginRefusalTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @EngineMatrix(servers = true, variants = true)
    void aRefusedLoginReadsAsTheDatabaseSaysItWithoutThePassword(String engine) throws Exception {
        Files.createDirectories(dir.resolve("db/migrations"));
        MateyUrl base = TestEngines.named(engine).base();
        URI server = URI.create(base.raw());
        String url = new URI(server.getScheme(), "matey_nobody:s3cret-pw", server.getHost(), server.getPort(),
                "/matey_refused", server.getQuery(), null).toString();
        PrintStream out = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        Dbmate dbmate = new Dbmate("test", Map.of(), dir, out, Clock.systemUTC());
        for (String verb : List.of("status", "create")) {
            assertThatThrownBy(() -> dbmate.run(List.of("--url", url, verb))).isInstanceOf(MateyException.class)
                    .hasMessageStartingWith("dbmate " + verb + " failed: ")
                    .hasMessageNotContaining("(conn=").hasMessageNotContaining("s3cret-pw");
        }
    }
}
