-- migrate:up
CREATE TABLE feature_flags
(
    flag_key String,
    description String,
    enabled UInt8,
    rollout_percent UInt8,
    updated_at DateTime64(3)
)
ENGINE = ReplacingMergeTree(updated_at)
ORDER BY flag_key;

-- migrate:down
DROP TABLE feature_flags;
