-- migrate:up
ALTER TABLE events MODIFY COLUMN device_type Enum8('desktop' = 1, 'mobile' = 2, 'tablet' = 3, 'tv' = 4);

-- migrate:down
ALTER TABLE events MODIFY COLUMN device_type Enum8('desktop' = 1, 'mobile' = 2, 'tablet' = 3);
