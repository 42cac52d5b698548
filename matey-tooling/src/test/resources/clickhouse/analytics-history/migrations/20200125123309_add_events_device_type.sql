-- migrate:up
ALTER TABLE events ADD COLUMN device_type Enum8('desktop' = 1, 'mobile' = 2, 'tablet' = 3) AFTER country;

-- migrate:down
ALTER TABLE events DROP COLUMN device_type;
