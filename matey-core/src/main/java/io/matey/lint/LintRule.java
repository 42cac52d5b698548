package io.matey.lint;

/** One family of checks (one range of codes) over a target. */
interface LintRule {

    void check(LintContext context, Findings findings);
}
