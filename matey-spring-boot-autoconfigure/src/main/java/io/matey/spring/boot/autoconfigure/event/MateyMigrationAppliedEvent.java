package io.matey.spring.boot.autoconfigure.event;

import java.time.Duration;
import org.springframework.context.ApplicationEvent;

/** A migration's up section ran and its version was recorded on a managed target's database. */
public class MateyMigrationAppliedEvent extends ApplicationEvent {

    private final String target;
    private final String migration;
    private final Duration duration;

    /**
     * @param target    the target path
     * @param migration the migration file, such as {@code migrations/20260101120000_create_notes.sql}
     */
    public MateyMigrationAppliedEvent(Object source, String target, String migration, Duration duration) {
        super(source);
        this.target = target;
        this.migration = migration;
        this.duration = duration;
    }

    public String getTarget() {
        return target;
    }

    public String getMigration() {
        return migration;
    }

    public Duration getDuration() {
        return duration;
    }
}
