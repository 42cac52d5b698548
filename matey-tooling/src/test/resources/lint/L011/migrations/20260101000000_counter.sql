-- migrate:up
CREATE TABLE counters (id int PRIMARY KEY, n int NOT NULL);
DELIMITER //
CREATE PROCEDURE bump(IN which int)
BEGIN
  UPDATE counters SET n = n + 1 WHERE id = which;
END //
DELIMITER ;

-- migrate:down
\connect other
DROP PROCEDURE bump;
DROP TABLE counters;
