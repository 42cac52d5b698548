-- migrate:up
CREATE VIEW error_rates AS
SELECT
    service,
    toStartOfHour(occurred_at) AS hour,
    countIf(level IN ('error', 'fatal')) AS failures,
    count() AS total
FROM errors
GROUP BY service, hour;

-- migrate:down
DROP VIEW error_rates;
