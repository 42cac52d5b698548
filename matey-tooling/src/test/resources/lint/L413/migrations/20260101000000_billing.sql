-- migrate:up
CREATE SCHEMA billing;
SET LOCAL search_path TO billing, public;
CREATE TABLE coupons (code text PRIMARY KEY);

-- migrate:down
SELECT set_config('search_path', 'billing', true);
DROP TABLE coupons;
DROP SCHEMA billing;
