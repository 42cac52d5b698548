-- migrate:up
ALTER TABLE revenue_events MODIFY COLUMN amount Decimal(18, 4);

-- migrate:down
ALTER TABLE revenue_events MODIFY COLUMN amount Decimal(12, 2);
