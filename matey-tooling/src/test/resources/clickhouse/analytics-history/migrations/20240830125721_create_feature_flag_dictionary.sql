-- migrate:up
CREATE DICTIONARY feature_flag_dict
(
    flag_key String,
    enabled UInt8,
    rollout_percent UInt8
)
PRIMARY KEY flag_key
SOURCE(CLICKHOUSE(TABLE 'feature_flags'))
LIFETIME(MIN 30 MAX 60)
LAYOUT(COMPLEX_KEY_HASHED());

-- migrate:down
DROP DICTIONARY feature_flag_dict;
