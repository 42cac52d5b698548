-- migrate:up
ALTER TABLE web_vitals DROP COLUMN fid;

-- migrate:down
ALTER TABLE web_vitals ADD COLUMN fid Float64 CODEC(Gorilla, ZSTD(1)) AFTER lcp;
