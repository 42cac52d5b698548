-- migrate:up
ALTER TABLE api_requests MODIFY COLUMN region REMOVE DEFAULT;

-- migrate:down
ALTER TABLE api_requests MODIFY COLUMN region DEFAULT 'eu-west-1';
