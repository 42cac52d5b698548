-- migrate:up
ALTER TABLE page_views MODIFY SAMPLE BY user_id;

-- migrate:down
ALTER TABLE page_views REMOVE SAMPLE BY;
