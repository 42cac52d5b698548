-- migrate:up
ALTER TABLE llm_requests ADD PROJECTION by_user
(
    SELECT user_id, model, sum(cost_usd), count()
    GROUP BY user_id, model
);

-- migrate:down
ALTER TABLE llm_requests DROP PROJECTION by_user;
