package io.matey.dbmate;

import io.matey.error.MateyException;

/** A word that is no dbmate command: dbmate (urfave/cli) exits 3 for it, not 2, and so does {@code matey dbmate}. */
public final class UnknownCommand extends MateyException {

    public static final int EXIT_CODE = 3;

    UnknownCommand(String message) {
        super(message);
    }
}
