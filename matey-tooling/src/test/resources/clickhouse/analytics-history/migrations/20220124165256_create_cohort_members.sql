-- migrate:up
CREATE TABLE cohort_members
(
    cohort_id UInt32,
    user_id UInt64,
    joined_at DateTime,
    sign Int8
)
ENGINE = CollapsingMergeTree(sign)
ORDER BY (cohort_id, user_id);

-- migrate:down
DROP TABLE cohort_members;
