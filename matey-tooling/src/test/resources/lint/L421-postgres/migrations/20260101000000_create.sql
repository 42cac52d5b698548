-- migrate:up
CREATE TABLE accounts (id bigint PRIMARY KEY, email varchar(200) NOT NULL, handle character varying(30),
  balance numeric(12, 2), ratio numeric, seen_at timestamp(6) without time zone, created_at timestamptz,
  code char(10), n integer, note text);

-- migrate:down
DROP TABLE accounts;
