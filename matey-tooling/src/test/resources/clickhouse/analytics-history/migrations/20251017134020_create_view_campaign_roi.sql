-- migrate:up
CREATE VIEW campaign_roi AS
SELECT
    c.campaign_id AS campaign_id,
    c.name AS name,
    c.budget AS budget,
    sum(r.amount) AS revenue
FROM campaigns AS c FINAL
LEFT JOIN revenue_events AS r ON r.campaign_id = c.campaign_id
GROUP BY campaign_id, name, budget;

-- migrate:down
DROP VIEW campaign_roi;
