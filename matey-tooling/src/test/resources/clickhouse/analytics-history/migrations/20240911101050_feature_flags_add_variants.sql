-- migrate:up
ALTER TABLE feature_flags ADD COLUMN variants Array(Tuple(name String, weight UInt8)) AFTER rollout_percent;

-- migrate:down
ALTER TABLE feature_flags DROP COLUMN variants;
