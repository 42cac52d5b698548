-- migrate:up
ALTER TABLE accounts ALTER COLUMN email TYPE varchar(100);
ALTER TABLE accounts ALTER COLUMN handle TYPE varchar(60);
ALTER TABLE accounts ALTER COLUMN balance TYPE numeric(10, 2);
ALTER TABLE accounts ALTER COLUMN balance TYPE numeric(14, 2);
ALTER TABLE accounts ALTER COLUMN ratio TYPE numeric(8, 3);
ALTER TABLE accounts ALTER seen_at SET DATA TYPE timestamp(0);
ALTER TABLE accounts ALTER COLUMN created_at TYPE timestamp with time zone;
ALTER TABLE accounts ALTER COLUMN id TYPE integer;
ALTER TABLE accounts ALTER COLUMN n TYPE bigint;
ALTER TABLE accounts ALTER COLUMN note TYPE varchar(255);
ALTER TABLE accounts ALTER COLUMN code TYPE varchar(20);
CREATE TABLE sessions (id bigint, token varchar(64));
ALTER TABLE sessions ALTER COLUMN token TYPE varchar(32);
ALTER TABLE archive ALTER COLUMN title TYPE varchar(5);

-- migrate:down
DROP TABLE sessions;
ALTER TABLE accounts ALTER COLUMN email TYPE varchar(200), ALTER COLUMN handle TYPE character varying(30),
  ALTER COLUMN balance TYPE numeric(12, 2), ALTER COLUMN ratio TYPE numeric,
  ALTER COLUMN seen_at TYPE timestamp(6) without time zone, ALTER COLUMN id TYPE bigint, ALTER COLUMN n TYPE integer,
  ALTER COLUMN note TYPE text, ALTER COLUMN code TYPE char(10);
