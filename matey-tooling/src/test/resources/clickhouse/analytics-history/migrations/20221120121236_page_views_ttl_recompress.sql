-- migrate:up
ALTER TABLE page_views MODIFY TTL view_time + INTERVAL 3 MONTH RECOMPRESS CODEC(ZSTD(12)), view_time + INTERVAL 18 MONTH;

-- migrate:down
ALTER TABLE page_views MODIFY TTL view_time + INTERVAL 18 MONTH;
