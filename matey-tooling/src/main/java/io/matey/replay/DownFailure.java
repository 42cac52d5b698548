package io.matey.replay;

/**
 * A down section that failed its round trip.
 *
 * @param file    the migration ({@code migrations/<file>})
 * @param problem what went wrong and what to do
 * @param diff    unified diff of the state before the migration against the state after its down section;
 *                empty when the down section did not run or the states are equal
 */
public record DownFailure(String file, String problem, String diff) {

    public String render() {
        return file + ": " + problem + (diff.isEmpty() ? "" : "\n" + diff);
    }
}
