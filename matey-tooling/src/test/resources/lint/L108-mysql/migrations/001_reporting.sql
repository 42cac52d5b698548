-- migrate:up
CREATE USER 'reporting'@'%' IDENTIFIED BY 'not-a-secret';
SET GLOBAL max_connections = 500;
SET PERSIST sql_mode = 'STRICT_ALL_TABLES';
CREATE USER IF NOT EXISTS 'audit'@'localhost';
CREATE USER 'kept'@'localhost';

-- migrate:down
DROP USER IF EXISTS reporting, 'audit'@'localhost';
DROP USER 'kept'@'%';
