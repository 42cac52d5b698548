package io.matey.sample;

import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /notes[?tag=t]} and {@code POST /notes {"title": ..., "body": ..., "tags": [...]}}. */
@RestController
@RequestMapping("/notes")
public class NoteController {

    static final String FORMAT = "POST /notes takes {\"title\": \"...\", \"body\": \"...\", \"tags\": [\"...\"]} "
            + "(title required, at most 200 characters; body and tags optional; tags at most 50 characters each)";

    private final NoteRepository notes;

    public NoteController(NoteRepository notes) {
        this.notes = notes;
    }

    @GetMapping
    public List<Note> list(@RequestParam(required = false) String tag) {
        return notes.find(tag);
    }

    /** A note the tables would refuse is answered 400 saying what to send, not 500 with the database's error. */
    @PostMapping
    public ResponseEntity<?> add(@RequestBody NewNote note) {
        String problem = note.problem();
        if (problem != null) {
            return ResponseEntity.badRequest().body(ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                    problem + ". " + FORMAT + "."));
        }
        return ResponseEntity.status(HttpStatus.CREATED).body(notes.add(note.title(), note.body(),
                note.tags() == null ? List.of() : note.tags()));
    }

    /** The request body of {@code POST /notes}. */
    public record NewNote(String title, String body, List<String> tags) {

        /** What the {@code notes} and {@code note_tags} columns would refuse, or null. */
        String problem() {
            if (title == null || title.isBlank()) {
                return "The note has no title";
            }
            if (title.length() > 200) {
                return "The title has " + title.length() + " characters";
            }
            if (tags != null && tags.stream().anyMatch(tag -> tag == null || tag.isBlank() || tag.length() > 50)) {
                return "A tag is empty or longer than 50 characters";
            }
            return null;
        }
    }
}
