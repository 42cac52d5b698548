-- migrate:up
CREATE VIEW experiment_results AS
SELECT
    experiment_id,
    variant,
    uniqExact(user_id) AS users,
    min(exposed_at) AS first_exposure
FROM experiment_exposures
GROUP BY experiment_id, variant;

-- migrate:down
DROP VIEW experiment_results;
