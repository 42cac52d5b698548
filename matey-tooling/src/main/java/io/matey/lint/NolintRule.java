package io.matey.lint;

import io.matey.lint.Finding.Level;

/**
 * L012: a {@code -- matey:nolint} directive naming something that is no rule's code silences nothing, so the
 * finding the author meant to accept would otherwise stay silent about the typo. Not silenceable: the fix is the code.
 */
final class NolintRule implements LintRule {

    @Override
    public void check(LintContext context, Findings findings) {
        for (MigrationFile file : context.readableMigrations()) {
            for (Nolint.UnknownCode unknown : file.nolint().unknownCodes()) {
                String meant = RuleCodes.meant(unknown.word()).orElse(null);
                String message = unknown.word().isEmpty()
                        ? "This -- matey:nolint directive names no rule code, so it silences nothing."
                        : "'" + unknown.word() + "' in this -- matey:nolint directive is not a lint rule code, so it "
                                + "silences nothing." + (meant == null ? "" : " Did you mean '" + meant + "'?");
                findings.addWithFix(Level.WARNING, "L012", file.path(), unknown.line(), message,
                        "name the rule by the code lint reports, then the reason: \"-- matey:nolint "
                                + (meant == null ? "CODE" : meant) + " <reason>\"");
            }
        }
    }
}
