-- migrate:up
CREATE MATERIALIZED VIEW hourly_revenue_mv TO hourly_revenue AS
SELECT
    toStartOfHour(toDateTime(event_time)) AS hour,
    currency,
    count() AS orders,
    sum(amount) AS amount
FROM revenue_events
GROUP BY hour, currency;

-- migrate:down
DROP VIEW hourly_revenue_mv;
