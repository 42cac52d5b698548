package io.matey.sample;

import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /notes[?tag=t]} and {@code POST /notes {"title": ..., "body": ..., "tags": [...]}}. */
@RestController
@RequestMapping("/notes")
public class NoteController {

    private final NoteRepository notes;

    public NoteController(NoteRepository notes) {
        this.notes = notes;
    }

    @GetMapping
    public List<Note> list(@RequestParam(required = false) String tag) {
        return notes.find(tag);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    public Note add(@RequestBody NewNote note) {
        return notes.add(note.title(), note.body(), note.tags() == null ? List.of() : note.tags());
    }

    /** The request body of {@code POST /notes}. */
    public record NewNote(String title, String body, List<String> tags) {
    }
}
