-- migrate:up
-- matey:nolint L401 FID was retired by Core Web Vitals in favour of INP
ALTER TABLE web_vitals DROP COLUMN fid;

-- migrate:down
ALTER TABLE web_vitals ADD COLUMN fid Float64 CODEC(Gorilla, ZSTD(1)) AFTER lcp;
