package io.matey.sample;

import java.util.List;

/** A note and its tags, as stored in the migrated {@code notes} and {@code note_tags} tables. */
public record Note(Long id, String title, String body, List<String> tags) {
}
