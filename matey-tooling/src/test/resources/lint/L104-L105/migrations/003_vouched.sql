-- migrate:up
-- matey:nolint L104 the partition name is built from the date, in this database
EXECUTE IMMEDIATE CONCAT('ALTER TABLE events ADD PARTITION (PARTITION p', '2026', ' VALUES LESS THAN (2027))');
-- matey:nolint L104
EXECUTE IMMEDIATE CONCAT('DROP TABLE ', @old);
-- matey:nolint L104 a literal is checked whatever a comment says
EXECUTE IMMEDIATE 'DELETE FROM other_db.audit';
-- matey:nolint L105 wrong section's code
EXECUTE IMMEDIATE @cleanup;

-- migrate:down
ALTER TABLE events DROP PARTITION p2026;
