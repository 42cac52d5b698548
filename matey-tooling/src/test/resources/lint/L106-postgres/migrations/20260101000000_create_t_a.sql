-- migrate:up
CREATE TABLE public.t_a (id bigint, code text);

-- migrate:down
DROP TABLE public.t_a;
