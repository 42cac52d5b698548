-- migrate:up
CREATE DICTIONARY geo_ip
(
    prefix String,
    country_code String DEFAULT '??',
    city String,
    asn UInt32
)
PRIMARY KEY prefix
SOURCE(CLICKHOUSE(TABLE 'geo_networks'))
LIFETIME(MIN 3600 MAX 7200)
LAYOUT(IP_TRIE());

-- migrate:down
DROP DICTIONARY geo_ip;
