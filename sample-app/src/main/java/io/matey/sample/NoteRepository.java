package io.matey.sample;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Notes over the tables Matey migrated. Plain SQL that SQLite, PostgreSQL and MariaDB all accept
 * ({@code RETURNING} included), so one repository serves every engine the sample runs on.
 */
@Repository
public class NoteRepository {

    private final JdbcTemplate jdbc;

    public NoteRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional
    public Note add(String title, String body, List<String> tags) {
        Long id = jdbc.queryForObject("INSERT INTO notes (title, body) VALUES (?, ?) RETURNING id", Long.class, title,
                body);
        for (String tag : tags) {
            jdbc.update("INSERT INTO note_tags (note_id, tag) VALUES (?, ?)", id, tag);
        }
        return new Note(id, title, body, List.copyOf(tags));
    }

    /** Every note with its tags, oldest first; {@code tag} narrows them to one tag when not null. */
    @Transactional(readOnly = true)
    public List<Note> find(String tag) {
        Map<Long, Note> notes = new LinkedHashMap<>();
        jdbc.query("SELECT id, title, body FROM notes ORDER BY id", rs -> {
            notes.put(rs.getLong("id"), new Note(rs.getLong("id"), rs.getString("title"), rs.getString("body"),
                    new java.util.ArrayList<>()));
        });
        jdbc.query("SELECT note_id, tag FROM note_tags ORDER BY tag", rs -> {
            notes.get(rs.getLong("note_id")).tags().add(rs.getString("tag"));
        });
        return notes.values().stream().filter(n -> tag == null || n.tags().contains(tag))
                .map(n -> new Note(n.id(), n.title(), n.body(), List.copyOf(n.tags()))).toList();
    }
}
