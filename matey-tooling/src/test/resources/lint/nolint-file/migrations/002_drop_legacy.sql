-- Irreversible on purpose: the rows were archived to cold storage.
-- matey:nolint L101, L103

-- migrate:up
DROP TABLE legacy;

-- migrate:down
