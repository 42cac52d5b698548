-- migrate:up
CREATE TABLE users
(
    user_id UInt64,
    email String,
    name String,
    created_at DateTime,
    updated_at DateTime
)
ENGINE = ReplacingMergeTree(updated_at)
ORDER BY user_id;

-- migrate:down
DROP TABLE users;
