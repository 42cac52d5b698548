-- migrate:up
ALTER TABLE events DROP INDEX idx_page_url;

-- migrate:down
ALTER TABLE events ADD INDEX idx_page_url page_url TYPE tokenbf_v1(4096, 2, 0) GRANULARITY 4;
