-- migrate:up
ALTER TABLE search_queries ADD INDEX idx_query_ngrams query TYPE ngrambf_v1(3, 10240, 3, 0) GRANULARITY 4;

-- migrate:down
ALTER TABLE search_queries DROP INDEX idx_query_ngrams;
