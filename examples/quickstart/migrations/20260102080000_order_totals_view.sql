-- migrate:up
CREATE VIEW user_order_totals AS
  SELECT u.id AS user_id, u.email, COALESCE(SUM(o.total_cents), 0) AS total_cents
  FROM users u LEFT JOIN orders o ON o.user_id = u.id
  GROUP BY u.id, u.email;

-- migrate:down
DROP VIEW user_order_totals;
