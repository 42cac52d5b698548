-- migrate:up
CREATE DICTIONARY event_type_dict
(
    event_type String,
    category String DEFAULT 'other',
    description String
)
PRIMARY KEY event_type
SOURCE(CLICKHOUSE(TABLE 'event_types'))
LIFETIME(MIN 300 MAX 600)
LAYOUT(COMPLEX_KEY_HASHED());

-- migrate:down
DROP DICTIONARY event_type_dict;
