-- migrate:up
CREATE MATERIALIZED VIEW llm_usage_daily_mv TO llm_usage_daily AS
SELECT
    toDate(requested_at) AS day,
    model,
    count() AS requests,
    sum(prompt_tokens) AS prompt_tokens,
    sum(completion_tokens) AS completion_tokens,
    sum(cost_usd) AS cost_usd
FROM llm_requests
GROUP BY day, model;

-- migrate:down
DROP VIEW llm_usage_daily_mv;
