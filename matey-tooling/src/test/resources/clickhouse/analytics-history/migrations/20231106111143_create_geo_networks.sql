-- migrate:up
CREATE TABLE geo_networks
(
    prefix String,
    country_code FixedString(2),
    city String,
    asn UInt32
)
ENGINE = ReplacingMergeTree
ORDER BY prefix;

-- migrate:down
DROP TABLE geo_networks;
