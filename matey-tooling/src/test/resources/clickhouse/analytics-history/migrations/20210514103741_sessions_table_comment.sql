-- migrate:up
ALTER TABLE sessions MODIFY COMMENT 'collapsing: write sign -1 to cancel a row';

-- migrate:down
ALTER TABLE sessions MODIFY COMMENT '';
