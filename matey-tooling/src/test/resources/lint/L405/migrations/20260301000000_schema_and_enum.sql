-- migrate:up
ALTER SCHEMA audit RENAME TO audit_trail;
ALTER TYPE public.mood RENAME VALUE 'sad' TO 'unhappy';
CREATE TYPE weather AS ENUM ('sun', 'rain');
ALTER TYPE weather RENAME VALUE 'rain' TO 'showers';
CREATE SCHEMA staging;
ALTER SCHEMA staging RENAME TO scratch;
ALTER SCHEMA scratch RENAME TO sandbox;

-- migrate:down
DROP SCHEMA sandbox;
DROP TYPE weather;
ALTER TYPE public.mood RENAME VALUE 'unhappy' TO 'sad';
ALTER SCHEMA audit_trail RENAME TO audit;
