package io.matey.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import io.matey.codegen.java.JavaRecordsGenerator;
import io.matey.codegen.java.JavaRecordsGenerator;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Only Matey's own records of this target are found: not a hand-written class, a nested target's, or the journal's. */
class GeneratedFilesTest {

    @TempDir
    Path target;

    @Test
    void findsMarkedSourcesOfThisTargetOnly() throws Exception {
        write("old/com/example/Adults.java", JavaRecordsGenerator.MARKER + "\npublic record Adults() {\n}\n");
        write("models/java/com/example/db/Tables.java", JavaRecordsGenerator.MARKER + "\n");
        write("models/java/com/example/db/Helper.java", "// " + JavaRecordsGenerator.MARKER + "\nclass Helper {\n}\n");
        write("models/Adults.txt", JavaRecordsGenerator.MARKER + "\n");
        write("nested/config.toml", "engine = \"sqlite\"\n");
        write("nested/models/java/Other.java", JavaRecordsGenerator.MARKER + "\n");
        write(".matey/tx/1/new/models/java/Staged.java", JavaRecordsGenerator.MARKER + "\n");
        Files.write(target.resolve("models/Binary.java"), new byte[] {(byte) 0xff, (byte) 0xfe});

        assertThat(GeneratedFiles.in(target))
                .containsExactly("models/java/com/example/db/Tables.java", "old/com/example/Adults.java");
    }

    private void write(String path, String text) throws Exception {
        Path file = target.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
