-- migrate:up
ALTER TABLE web_vitals ADD COLUMN ttfb Float64 CODEC(Gorilla, ZSTD(1)) AFTER inp;

-- migrate:down
ALTER TABLE web_vitals DROP COLUMN ttfb;
