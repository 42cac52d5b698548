-- migrate:up
CREATE DICTIONARY campaign_dict
(
    campaign_id UInt64,
    name String,
    channel String
)
PRIMARY KEY campaign_id
SOURCE(CLICKHOUSE(TABLE 'campaigns'))
LIFETIME(MIN 300 MAX 900)
LAYOUT(HASHED());

-- migrate:down
DROP DICTIONARY campaign_dict;
