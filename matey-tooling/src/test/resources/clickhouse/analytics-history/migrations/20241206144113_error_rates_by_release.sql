-- migrate:up
CREATE OR REPLACE VIEW error_rates AS
SELECT
    service,
    release,
    toStartOfHour(occurred_at) AS hour,
    countIf(level IN ('error', 'fatal')) AS failures,
    count() AS total
FROM errors
GROUP BY service, release, hour;

-- migrate:down
CREATE OR REPLACE VIEW error_rates AS
SELECT
    service,
    toStartOfHour(occurred_at) AS hour,
    countIf(level IN ('error', 'fatal')) AS failures,
    count() AS total
FROM errors
GROUP BY service, hour;
