package io.matey.replay;

/**
 * Options of {@code schema plan|apply}.
 *
 * @param baseRef     {@code --base REF}: compare with the merge base of HEAD and REF instead of the lock (or null)
 * @param testUrl     {@code --test-url}: scratch server base URL overriding {@code test_url_env} (or null)
 * @param clean       {@code --clean}: replay every migration from an empty database
 * @param keepScratch {@code --keep-scratch}: leave the scratch database for debugging
 * @param keepGoing   {@code --keep-going}: check every down section and report all failures together
 */
public record ReplayOptions(String baseRef, String testUrl, boolean clean, boolean keepScratch, boolean keepGoing) {

    public ReplayOptions(String baseRef, String testUrl, boolean clean, boolean keepScratch) {
        this(baseRef, testUrl, clean, keepScratch, false);
    }

    public static ReplayOptions defaults() {
        return new ReplayOptions(null, null, false, false);
    }
}
