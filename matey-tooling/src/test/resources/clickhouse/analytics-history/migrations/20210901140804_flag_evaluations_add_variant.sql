-- migrate:up
ALTER TABLE flag_evaluations ADD COLUMN variant Nullable(String) AFTER result;

-- migrate:down
ALTER TABLE flag_evaluations DROP COLUMN variant;
