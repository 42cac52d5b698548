package io.matey.shell.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The build's command index gives exactly the catalog the annotations declare, so a run may read it instead. */
class CommandIndexTest {

    private final ClassLoader loader = getClass().getClassLoader();

    @Test
    void theIndexReadsBackToTheDeclaredCatalog() throws IOException {
        List<CommandSpec> declared = CommandCatalog.scan().commands();
        ByteArrayOutputStream index = new ByteArrayOutputStream();
        CommandIndex.write(declared, index);

        List<CommandSpec> read = CommandIndex.read(new ByteArrayInputStream(index.toByteArray()), loader);

        assertThat(read).isEqualTo(declared);
        assertThat(read).anySatisfy(c -> assertThat(c.options()).anySatisfy(o -> assertThat(o.provider()).isNotNull()));
        assertThat(read).anySatisfy(c -> assertThat(c.verbatim()).isTrue());
    }

    @Test
    void theBuildsIndexIsTheOneLoadReadsAndIsCurrent() {
        assertThat(loader.getResource(CommandIndex.RESOURCE)).as("written by the build's process-classes step").isNotNull();
        assertThat(CommandCatalog.load().commands()).isEqualTo(CommandCatalog.scan().commands());
    }

    @Test
    void anIndexOfAnotherFormatIsRefusedWithAdvice() {
        assertThatThrownBy(() -> CommandIndex.read(new ByteArrayInputStream(new byte[] {0, 0, 0, 9}), loader))
                .isInstanceOf(IOException.class).hasMessageContaining("rebuild the app");
    }
}
