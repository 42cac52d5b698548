-- migrate:up
CREATE MATERIALIZED VIEW ai_feature_usage_mv TO ai_feature_usage AS
SELECT
    toDate(requested_at) AS day,
    metadata['feature'] AS feature,
    uniqState(user_id) AS users,
    quantileState(0.95)(latency_ms) AS p95_latency,
    count() AS requests
FROM llm_requests
GROUP BY day, feature;

-- migrate:down
DROP VIEW ai_feature_usage_mv;
