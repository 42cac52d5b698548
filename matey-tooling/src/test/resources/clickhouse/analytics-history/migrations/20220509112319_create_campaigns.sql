-- migrate:up
CREATE TABLE campaigns
(
    campaign_id UInt32,
    name String,
    channel Enum8('email' = 1, 'social' = 2, 'search' = 3, 'display' = 4),
    budget Decimal(12, 2),
    starts_on Date,
    ends_on Nullable(Date),
    version UInt32
)
ENGINE = ReplacingMergeTree(version)
ORDER BY campaign_id;

-- migrate:down
DROP TABLE campaigns;
