-- migrate:up
CREATE DICTIONARY user_plans
(
    user_id UInt64,
    plan String DEFAULT 'free',
    country Nullable(String)
)
PRIMARY KEY user_id
SOURCE(CLICKHOUSE(TABLE 'users'))
LIFETIME(MIN 60 MAX 300)
LAYOUT(HASHED())

-- migrate:down
DROP DICTIONARY user_plans
