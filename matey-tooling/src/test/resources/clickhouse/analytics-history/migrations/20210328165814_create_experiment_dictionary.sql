-- migrate:up
CREATE DICTIONARY experiment_dict
(
    experiment_id UInt64,
    name String,
    started_at DateTime
)
PRIMARY KEY experiment_id
SOURCE(CLICKHOUSE(TABLE 'experiments'))
LIFETIME(MIN 60 MAX 120)
LAYOUT(FLAT());

-- migrate:down
DROP DICTIONARY experiment_dict;
