-- migrate:up
CREATE TABLE hourly_revenue
(
    hour DateTime,
    currency LowCardinality(String),
    orders UInt64,
    amount Decimal(38, 2)
)
ENGINE = SummingMergeTree((orders, amount))
ORDER BY (hour, currency);

-- migrate:down
DROP TABLE hourly_revenue;
