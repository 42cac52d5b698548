package io.matey.lint;

import io.matey.data.DataManifest;
import io.matey.data.ManifestException;
import io.matey.lint.Finding.Level;
import java.nio.file.Files;

/**
 * L212: a {@code data/data.toml} that {@code matey data apply} would refuse (TOML syntax, an unknown mode, a
 * missing key), checked by the same reader, so that lint catches it before a deploy does, at the manifest's line.
 */
final class DataManifestRule implements LintRule {

    static final String MANIFEST = "data/data.toml";

    @Override
    public void check(LintContext context, Findings findings) {
        if (!Files.isRegularFile(context.target().dir().resolve(MANIFEST))) {
            return;
        }
        try {
            DataManifest.read(context.target().dir());
        } catch (ManifestException e) {
            findings.addWithFix(Level.ERROR, "L212", MANIFEST, e.line(), e.problem(),
                    "fix data/data.toml; `matey data apply` refuses it as it is");
        }
    }
}
