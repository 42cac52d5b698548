-- migrate:up transaction:false
CREATE INDEX CONCURRENTLY t_a_code_idx ON public.t_a (code);

-- migrate:down transaction:false
DROP INDEX t_a_code_idx;
