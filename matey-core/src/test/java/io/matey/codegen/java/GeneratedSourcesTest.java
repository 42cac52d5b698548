package io.matey.codegen.java;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Only Matey's own records of this target are found: not a hand-written class, a nested target's, or the journal's. */
class GeneratedSourcesTest {

    @TempDir
    Path target;

    @Test
    void findsMarkedSourcesOfThisTargetOnly() throws Exception {
        write("old/com/example/Adults.java", JavaText.MARKER + "\npublic record Adults() {\n}\n");
        write("models/java/com/example/db/Tables.java", JavaText.MARKER + "\n");
        write("models/java/com/example/db/Helper.java", "// " + JavaText.MARKER + "\nclass Helper {\n}\n");
        write("models/Adults.txt", JavaText.MARKER + "\n");
        write("nested/config.toml", "engine = \"sqlite\"\n");
        write("nested/models/java/Other.java", JavaText.MARKER + "\n");
        write(".matey/tx/1/new/models/java/Staged.java", JavaText.MARKER + "\n");
        Files.write(target.resolve("models/Binary.java"), new byte[] {(byte) 0xff, (byte) 0xfe});

        assertThat(GeneratedSources.in(target))
                .containsExactly("models/java/com/example/db/Tables.java", "old/com/example/Adults.java");
    }

    private void write(String path, String text) throws Exception {
        Path file = target.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
