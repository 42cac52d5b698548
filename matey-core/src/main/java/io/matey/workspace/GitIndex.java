package io.matey.workspace;

import java.io.IOException;
import java.nio.file.Path;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/**
 * Whether git tracks a file: {@code git mv} refuses one it does not ("not under version control"), and any file
 * outside a repository. Read only where advice names a rename, never on a command's ordinary path. Without JGit
 * (optional, absent from the Spring Boot starter) a file in a repository is taken as tracked, the usual case for a
 * migration another branch brought.
 */
final class GitIndex {

    private static final boolean JGIT = present();

    private GitIndex() {
    }

    static boolean tracks(Path file) {
        if (GitRoots.find(file.getParent()).isEmpty()) {
            return false;
        }
        return !JGIT || JGitIndex.holds(file);
    }

    private static boolean present() {
        try {
            Class.forName("org.eclipse.jgit.lib.Repository", false, GitIndex.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /** Apart, so that JGit's classes load only where JGit is present. */
    private static final class JGitIndex {

        static boolean holds(Path file) {
            FileRepositoryBuilder builder = new FileRepositoryBuilder().findGitDir(file.getParent().toFile());
            if (builder.getGitDir() == null) {
                return false;
            }
            try (Repository repo = builder.build()) {
                if (repo.isBare()) {
                    return false;
                }
                String path = repo.getWorkTree().toPath().toRealPath().relativize(file).toString().replace('\\', '/');
                return repo.readDirCache().findEntry(path) >= 0;
            } catch (IOException | IllegalArgumentException e) {
                return true; // an index that cannot be read: keep the usual advice
            }
        }
    }
}
