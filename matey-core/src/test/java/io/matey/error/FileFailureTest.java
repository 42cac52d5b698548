package io.matey.error;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** A file system failure's message is its path alone: what a message adds must say the cause, and no path twice. */
class FileFailureTest {

    @Test
    void aDeniedPathBelowTheNamedOneIsNamedWithTheCause() {
        String detail = FileFailure.detail(Path.of("ws"), new AccessDeniedException("ws/.matey"));
        assertThat(detail).startsWith("ws/.matey: permission denied: check the owner and mode");
    }

    @Test
    void theNamedPathItselfIsNotRepeated() {
        assertThat(FileFailure.detail(Path.of("m/1.sql"), new AccessDeniedException("m/1.sql")))
                .startsWith("permission denied");
        assertThat(FileFailure.detail(Path.of("a"), new FileSystemException("a", "b", "Read-only file system")))
                .isEqualTo("a -> b: Read-only file system");
    }

    @Test
    void anotherFailureKeepsItsOwnMessage() {
        assertThat(FileFailure.detail(Path.of("a"), new IOException("Input/output error"))).isEqualTo("Input/output error");
    }
}
