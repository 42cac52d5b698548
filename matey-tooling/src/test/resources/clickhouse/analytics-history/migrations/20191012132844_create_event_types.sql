-- migrate:up
CREATE TABLE event_types
(
    event_type String,
    category LowCardinality(String),
    description String,
    updated_at DateTime DEFAULT now()
)
ENGINE = ReplacingMergeTree(updated_at)
ORDER BY event_type;

-- migrate:down
DROP TABLE event_types;
