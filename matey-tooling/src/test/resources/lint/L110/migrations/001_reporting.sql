-- migrate:up
CREATE TABLE reports (id int);
GRANT CONNECT, TEMPORARY ON DATABASE app TO reporting;
GRANT SELECT ON reports TO reporting;
GRANT SELECT ON LARGE OBJECT 16400 TO reporting;
GRANT reporting TO app;

-- migrate:down
REVOKE CONNECT, TEMPORARY ON DATABASE app FROM reporting;
DROP TABLE reports;
