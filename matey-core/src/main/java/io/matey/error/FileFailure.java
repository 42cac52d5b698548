package io.matey.error;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/**
 * Why a file operation failed, without the path: a {@link FileSystemException}'s message is the path (and a reason
 * only for some), so a message that names the file itself would name it twice.
 */
public final class FileFailure {

    private FileFailure() {
    }

    /**
     * What failed and why, for a message that names {@code named} already: the reason alone when the failure is
     * about that path, else the path the file system names and the reason (an {@link java.nio.file.AccessDeniedException}'s
     * message is its path alone, which said nothing of the cause).
     */
    public static String detail(Object named, IOException e) {
        if (!(e instanceof FileSystemException failure) || failure.getFile() == null) {
            return e.getMessage();
        }
        String reason = reason(e);
        if (failure.getFile().equals(String.valueOf(named)) && failure.getOtherFile() == null) {
            return reason;
        }
        return failure.getFile() + (failure.getOtherFile() == null ? "" : " -> " + failure.getOtherFile()) + ": "
                + reason;
    }

    public static String reason(IOException e) {
        if (!(e instanceof FileSystemException failure)) {
            return e.getMessage();
        }
        if (failure.getReason() != null) {
            return failure.getReason();
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied: check the owner and mode of the file and of its directories";
        }
        if (e instanceof NoSuchFileException) {
            return "no such file or directory";
        }
        if (e instanceof NotDirectoryException) {
            return "not a directory";
        }
        return e instanceof FileAlreadyExistsException ? "a file of that name is in the way"
                : e.getClass().getSimpleName();
    }
}
