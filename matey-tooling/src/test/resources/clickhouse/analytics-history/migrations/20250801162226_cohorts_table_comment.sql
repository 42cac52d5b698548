-- migrate:up
ALTER TABLE cohorts MODIFY COMMENT 'cohort definitions; members live in cohort_members';

-- migrate:down
ALTER TABLE cohorts MODIFY COMMENT '';
