-- migrate:up
ALTER TABLE events ADD COLUMN event_date Date MATERIALIZED toDate(event_time) AFTER received_at;

-- migrate:down
ALTER TABLE events DROP COLUMN event_date;
