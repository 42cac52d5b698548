-- migrate:up
CREATE TABLE items (id bigint NOT NULL PRIMARY KEY);
INSERT INTO other_db.audit (note) VALUES ('created items');

-- migrate:down
DROP TABLE items;
DELETE FROM other_db.audit WHERE note = 'created items';
