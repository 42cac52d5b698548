-- migrate:up
ALTER TABLE web_vitals ADD COLUMN inp Float64 CODEC(Gorilla, ZSTD(1)) AFTER cls;

-- migrate:down
ALTER TABLE web_vitals DROP COLUMN inp;
