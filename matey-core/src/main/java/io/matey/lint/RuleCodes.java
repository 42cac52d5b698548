package io.matey.lint;

import io.matey.error.Suggestions;
import java.util.Optional;
import java.util.Set;

/**
 * Every code lint reports: what a {@code -- matey:nolint} directive may name, so that one naming anything else is
 * reported (L012) instead of silently silencing nothing. The README's rule table lists exactly these, and the rules
 * report no other (RuleCodesTest).
 */
final class RuleCodes {

    static final Set<String> ALL = Set.of("L001", "L002", "L003", "L004", "L005", "L006", "L007", "L008", "L009",
            "L010", "L011", "L012", "L013", "L014", "L015", "L101", "L102", "L103", "L104", "L105", "L106", "L107", "L108", "L109", "L110", "L200",
            "L201", "L202", "L203", "L204", "L205", "L206", "L208", "L209", "L210", "L211", "L212", "L301", "L401", "L402", "L403",
            "L404", "L405", "L406", "L407", "L408", "L409", "L410", "L411", "L412", "L413", "L414", "L415", "L416", "L417", "L418", "L419", "L420", "L421", "SF.LT01", "SF.LT12");

    private RuleCodes() {
    }

    static boolean known(String code) {
        return ALL.contains(code);
    }

    /**
     * The code a mistyped one probably meant: the same in upper case, or one edit away (codes differ from each other
     * by a digit, so two edits would suggest an unrelated rule).
     */
    static Optional<String> meant(String typed) {
        String upper = typed.toUpperCase(java.util.Locale.ROOT);
        return Suggestions.closest(upper, ALL).filter(code -> Suggestions.distance(upper, code) <= 1);
    }
}
