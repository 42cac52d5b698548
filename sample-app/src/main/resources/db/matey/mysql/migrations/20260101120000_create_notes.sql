-- migrate:up
CREATE TABLE notes (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    title VARCHAR(200) NOT NULL,
    body TEXT
);

-- migrate:down
DROP TABLE notes;
