-- migrate:up
CREATE USER 'reporting'@'%' IDENTIFIED BY 'not-a-secret';
SET GLOBAL max_connections = 500;
SET PERSIST sql_mode = 'STRICT_ALL_TABLES';

-- migrate:down
DROP USER 'reporting'@'%';
