-- migrate:up
INSERT INTO event_types (event_type, category, description) VALUES
    ('page_view', 'navigation', 'A page was shown'),
    ('click', 'interaction', 'An element was clicked'),
    ('signup', 'lifecycle', 'A visitor created an account');

-- migrate:down
TRUNCATE TABLE event_types;
