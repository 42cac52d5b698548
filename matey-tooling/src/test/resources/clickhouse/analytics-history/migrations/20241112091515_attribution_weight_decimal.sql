-- migrate:up
ALTER TABLE attribution_touches MODIFY COLUMN weight Decimal(9, 6);

-- migrate:down
ALTER TABLE attribution_touches MODIFY COLUMN weight Float32;
