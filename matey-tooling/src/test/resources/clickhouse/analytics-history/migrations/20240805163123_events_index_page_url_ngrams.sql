-- migrate:up
ALTER TABLE events ADD INDEX idx_page_url_ngrams page_url TYPE ngrambf_v1(4, 8192, 2, 0) GRANULARITY 4;

-- migrate:down
ALTER TABLE events DROP INDEX idx_page_url_ngrams;
