-- migrate:up
ALTER TABLE page_views ADD PROJECTION by_url
(
    SELECT url, count(), avg(time_on_page_ms)
    GROUP BY url
);

-- migrate:down
ALTER TABLE page_views DROP PROJECTION by_url;
