-- migrate:up
CREATE TABLE users (
  id bigint NOT NULL AUTO_INCREMENT PRIMARY KEY,
  name varchar(100) NOT NULL,
  code char(8),
  token varbinary(64),
  age int unsigned,
  score smallint,
  price decimal(10,2),
  bio mediumtext,
  seen datetime(6),
  status enum('new','active','gone') NOT NULL DEFAULT 'new',
  tags set('a','b','c'),
  note varchar(50) CHARACTER SET utf8mb4
) ENGINE=InnoDB DEFAULT CHARSET=latin1;
CREATE TABLE posts (id int PRIMARY KEY, title varchar(200)) COLLATE=utf8mb4_unicode_ci;
CREATE TABLE legacy (id int PRIMARY KEY, title varchar(200));

-- migrate:down
DROP TABLE legacy;
DROP TABLE posts;
DROP TABLE users;
