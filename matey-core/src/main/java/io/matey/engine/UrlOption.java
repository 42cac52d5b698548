package io.matey.engine;

/**
 * How a command a message tells the user to run names the database URL (docs/architecture.md §7): as given when
 * it holds no password, else as the placeholder {@code URL}, since a masked password cannot log in.
 */
public final class UrlOption {

    private UrlOption() {
    }

    /** {@code --url 'URL'} with a leading space, or {@code --url URL} for a URL whose password a message masks. */
    public static String of(MateyUrl url) {
        String shown = url.toString();
        return " --url " + (shown.equals(url.raw()) ? "'" + shown + "'" : "URL");
    }
}
