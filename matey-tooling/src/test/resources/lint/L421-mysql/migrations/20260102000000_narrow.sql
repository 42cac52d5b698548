-- migrate:up
ALTER TABLE users MODIFY name varchar(50) NOT NULL;
ALTER TABLE users MODIFY COLUMN code char(4), CHANGE token token varbinary(32);
ALTER TABLE users MODIFY id int NOT NULL AUTO_INCREMENT;
ALTER TABLE users MODIFY age int;
ALTER TABLE users CHANGE COLUMN score score int;
ALTER TABLE users MODIFY price decimal(8,2);
ALTER TABLE users MODIFY price decimal(12,1);
ALTER TABLE users MODIFY bio text;
ALTER TABLE users MODIFY seen datetime;
ALTER TABLE users MODIFY status enum('new','active') NOT NULL DEFAULT 'new';
ALTER TABLE users MODIFY tags set('a','b','c','d');
ALTER TABLE users MODIFY note varchar(80);
ALTER TABLE posts CONVERT TO CHARACTER SET utf8mb3;
ALTER TABLE legacy CONVERT TO CHARACTER SET latin1;
ALTER TABLE legacy MODIFY title varchar(300);
ALTER TABLE archive MODIFY title varchar(1);
CREATE TABLE drafts (id int, body varchar(500));
ALTER TABLE drafts MODIFY body varchar(10);
-- matey:nolint L421 checked: no name is longer than 40 characters
ALTER TABLE users MODIFY name varchar(40) NOT NULL;

-- migrate:down
DROP TABLE drafts;
ALTER TABLE legacy MODIFY title varchar(200);
ALTER TABLE posts CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
ALTER TABLE users MODIFY name varchar(100) NOT NULL, MODIFY code char(8), MODIFY token varbinary(64),
  MODIFY id bigint NOT NULL AUTO_INCREMENT, MODIFY age int unsigned, MODIFY score smallint,
  MODIFY price decimal(10,2), MODIFY bio mediumtext, MODIFY seen datetime(6),
  MODIFY status enum('new','active','gone') NOT NULL DEFAULT 'new', MODIFY tags set('a','b','c'),
  MODIFY note varchar(50) CHARACTER SET utf8mb4;
