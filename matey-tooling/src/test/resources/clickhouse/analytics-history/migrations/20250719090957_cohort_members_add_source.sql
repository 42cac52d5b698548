-- migrate:up
ALTER TABLE cohort_members ADD COLUMN source LowCardinality(String) DEFAULT 'rule' AFTER joined_at;

-- migrate:down
ALTER TABLE cohort_members DROP COLUMN source;
