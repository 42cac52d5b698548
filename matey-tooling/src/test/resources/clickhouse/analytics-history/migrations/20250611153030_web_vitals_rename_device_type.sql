-- migrate:up
ALTER TABLE web_vitals RENAME COLUMN device_type TO device_class;

-- migrate:down
ALTER TABLE web_vitals RENAME COLUMN device_class TO device_type;
