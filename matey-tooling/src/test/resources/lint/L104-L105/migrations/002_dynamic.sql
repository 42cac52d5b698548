-- migrate:up
CREATE TABLE made (id int);
EXECUTE IMMEDIATE CONCAT('CREATE TABLE other_', 'db.evil (id int)');
EXECUTE IMMEDIATE 'INSERT INTO other_db.audit (note) VALUES (''made'')';

-- migrate:down
SET @s = 'DROP TABLE made';
PREPARE st FROM @s;
EXECUTE st;
