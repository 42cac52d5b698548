package io.matey.artifact;

import java.util.Optional;

/** The {@code state} file of a journal transaction. Only APPLYING means the target may be half written. */
enum JournalState {
    PREPARED("prepared"),
    APPLYING("applying"),
    COMMITTED("committed");

    private final String text;

    JournalState(String text) {
        this.text = text;
    }

    /** The file content: the word and a newline. */
    String fileText() {
        return text + "\n";
    }

    static Optional<JournalState> fromFileText(String content) {
        for (JournalState state : values()) {
            if (state.fileText().equals(content)) {
                return Optional.of(state);
            }
        }
        return Optional.empty();
    }
}
