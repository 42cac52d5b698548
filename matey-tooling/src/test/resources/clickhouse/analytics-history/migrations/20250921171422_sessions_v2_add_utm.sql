-- migrate:up
ALTER TABLE sessions_v2 ADD COLUMN utm Map(LowCardinality(String), String) AFTER device_type;

-- migrate:down
ALTER TABLE sessions_v2 DROP COLUMN utm;
