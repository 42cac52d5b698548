-- migrate:up
DROP VIEW campaign_performance;

-- migrate:down
CREATE VIEW campaign_performance
(
    campaign_id UInt32,
    touches UInt64,
    users UInt64,
    weighted_touches Float64
) AS
SELECT
    campaign_id,
    count() AS touches,
    uniq(user_id) AS users,
    sum(weight) AS weighted_touches
FROM attribution_touches
GROUP BY campaign_id;
