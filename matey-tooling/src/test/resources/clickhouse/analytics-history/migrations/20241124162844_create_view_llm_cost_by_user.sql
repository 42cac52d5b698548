-- migrate:up
CREATE VIEW llm_cost_by_user AS
SELECT
    user_id,
    model,
    sum(cost_usd) AS cost_usd,
    count() AS requests
FROM llm_requests
GROUP BY user_id, model;

-- migrate:down
DROP VIEW llm_cost_by_user;
