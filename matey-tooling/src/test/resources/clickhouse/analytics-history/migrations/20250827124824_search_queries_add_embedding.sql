-- migrate:up
ALTER TABLE search_queries ADD COLUMN embedding Array(Float32) CODEC(ZSTD(1)) AFTER clicked_position;

-- migrate:down
ALTER TABLE search_queries DROP COLUMN embedding;
