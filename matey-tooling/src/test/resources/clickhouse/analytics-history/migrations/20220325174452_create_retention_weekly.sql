-- migrate:up
CREATE TABLE retention_weekly
(
    cohort_week Date,
    activity_week Date,
    users AggregateFunction(uniqCombined, UInt64)
)
ENGINE = AggregatingMergeTree
ORDER BY (cohort_week, activity_week);

-- migrate:down
DROP TABLE retention_weekly;
