-- migrate:up transaction:false
UPDATE public.t_a SET code = 'none' WHERE code IS NULL;

-- migrate:down
SELECT 1;
