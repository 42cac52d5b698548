-- migrate:up
ALTER TABLE notifications_sent MODIFY COLUMN channel Enum8('email' = 1, 'push' = 2, 'sms' = 3, 'in_app' = 4, 'whatsapp' = 5);

-- migrate:down
ALTER TABLE notifications_sent MODIFY COLUMN channel Enum8('email' = 1, 'push' = 2, 'sms' = 3, 'in_app' = 4);
