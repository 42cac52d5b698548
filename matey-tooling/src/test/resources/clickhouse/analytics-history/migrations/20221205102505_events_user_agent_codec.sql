-- migrate:up
ALTER TABLE events MODIFY COLUMN user_agent String CODEC(LZ4HC(9));

-- migrate:down
ALTER TABLE events MODIFY COLUMN user_agent REMOVE CODEC;
