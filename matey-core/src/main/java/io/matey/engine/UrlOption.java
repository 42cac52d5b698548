package io.matey.engine;

import io.matey.log.Secrets;
import java.util.regex.Pattern;

/**
 * How a command a message tells the user to run names the database URL (docs/architecture.md §7): quoted for a
 * shell, with {@code <password>} where a masked password goes ({@code 'postgres://app:<password>@db/app'}), for the
 * user to fill in, since a masked password cannot log in; never the password itself. The CLI and the Spring Boot
 * starter both write their commands' URLs here.
 */
public final class UrlOption {

    /** What a command has in place of a masked password. */
    public static final String PASSWORD = Secrets.PLACEHOLDER;

    private UrlOption() {
    }

    /** {@code --url 'URL'} with a leading space, or {@code --url URL} for a URL a secret parameter of which is masked. */
    public static String of(MateyUrl url) {
        String argument = argument(url.toString());
        return " --url " + (argument != null ? argument : "URL");
    }

    /**
     * @param shown a URL as messages show it, its password masked
     * @return the URL quoted for a shell with {@code <password>} for its masked password; null when something else
     *         of it is masked (a secret parameter), which no placeholder stands for
     */
    public static String argument(String shown) {
        String url = shown.replaceFirst(":" + Pattern.quote(Secrets.MASK) + "@", ":" + PASSWORD + "@");
        return url.contains(Secrets.MASK) ? null : "'" + url.replace("'", "'\\''") + "'";
    }
}
