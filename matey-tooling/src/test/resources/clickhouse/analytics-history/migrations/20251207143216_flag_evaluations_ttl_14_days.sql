-- migrate:up
ALTER TABLE flag_evaluations MODIFY TTL evaluated_at + INTERVAL 14 DAY;

-- migrate:down
ALTER TABLE flag_evaluations MODIFY TTL evaluated_at + INTERVAL 7 DAY;
