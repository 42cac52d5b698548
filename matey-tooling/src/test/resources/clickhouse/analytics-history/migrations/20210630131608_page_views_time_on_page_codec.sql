-- migrate:up
ALTER TABLE page_views MODIFY COLUMN time_on_page_ms UInt32 CODEC(T64, LZ4);

-- migrate:down
ALTER TABLE page_views MODIFY COLUMN time_on_page_ms REMOVE CODEC;
