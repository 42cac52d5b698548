-- migrate:up
ALTER TABLE campaigns MODIFY COLUMN channel Enum8('email' = 1, 'social' = 2, 'search' = 3, 'display' = 4, 'affiliate' = 5);

-- migrate:down
ALTER TABLE campaigns MODIFY COLUMN channel Enum8('email' = 1, 'social' = 2, 'search' = 3, 'display' = 4);
