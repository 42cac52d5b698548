-- migrate:up
ALTER TABLE events MODIFY COMMENT 'raw client events, one row per event';

-- migrate:down
ALTER TABLE events MODIFY COMMENT '';
