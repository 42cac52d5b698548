-- migrate:up
CREATE VIEW campaign_performance AS
SELECT
    campaign_id,
    count() AS touches,
    uniq(user_id) AS users,
    sum(weight) AS weighted_touches
FROM attribution_touches
GROUP BY campaign_id;

-- migrate:down
DROP VIEW campaign_performance;
