package io.matey.engine.mysql;

/**
 * One schema with every object kind the MySQL dump covers, as SQL in two creation orders. Both qualify a
 * procedure body with the database's own name, which the dump must strip.
 */
final class RichSchema {

    private RichSchema() {
    }

    private static final String SEQUENCE = """
            CREATE SEQUENCE order_numbers START WITH 1000 INCREMENT BY 1;
            """;

    private static final String PRICE_HISTORY = """
            CREATE TABLE price_history (sku varchar(20) PRIMARY KEY, price decimal(10,2)) WITH SYSTEM VERSIONING;
            """;

    private static final String CUSTOMERS_COLUMNS = """
              id int PRIMARY KEY AUTO_INCREMENT,
              region char(2) NOT NULL,
              code varchar(10) NOT NULL,
              email varchar(100) NOT NULL COMMENT 'login; unique',
              referred_by int,
              favourite_order_id int,
              created_at timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
              UNIQUE KEY uq_customers_region_code (region, code),
              UNIQUE KEY uq_customers_email (email)""";

    private static final String SELF_REFERENCE =
            "CONSTRAINT fk_customers_referrer FOREIGN KEY (referred_by) REFERENCES customers (id) ON DELETE SET NULL";

    /** Closes a reference cycle customers -> orders -> customers, so no table order alone can load the schema. */
    private static final String CYCLE = """
            ALTER TABLE customers ADD CONSTRAINT fk_customers_favourite_order FOREIGN KEY (favourite_order_id) REFERENCES orders (id);
            """;

    private static final String ORDERS = """
            CREATE TABLE orders (
              id int PRIMARY KEY AUTO_INCREMENT,
              number bigint NOT NULL DEFAULT (NEXT VALUE FOR order_numbers),
              customer_region char(2) NOT NULL,
              customer_code varchar(10) NOT NULL,
              quantity int NOT NULL,
              unit_price decimal(10,2) NOT NULL,
              total decimal(12,2) AS (quantity * unit_price) STORED,
              label varchar(40) AS (concat('#', lower(customer_code))) VIRTUAL,
              status enum('new','paid','shipped') NOT NULL DEFAULT 'new',
              KEY idx_orders_label (label),
              KEY idx_orders_status_total (status, total),
              CONSTRAINT fk_orders_customer FOREIGN KEY (customer_region, customer_code)
                REFERENCES customers (region, code) ON UPDATE CASCADE,
              CONSTRAINT chk_orders_quantity CHECK (quantity > 0)
            );
            """;

    private static final String FUNCTION = """
            CREATE FUNCTION order_value(q int, p decimal(10,2)) RETURNS decimal(12,2) DETERMINISTIC RETURN q * p;
            """;

    private static final String PROCEDURE = """
            CREATE PROCEDURE count_orders(IN wanted varchar(10), OUT n int)
            BEGIN
              DECLARE found int DEFAULT 0;
              SELECT count(*) INTO found FROM `%s`.orders WHERE status = wanted;
              SET n = found;
            END;
            """;

    private static final String CUSTOMER_ORDERS = """
            CREATE VIEW customer_orders AS
              SELECT c.id AS customer_id, c.email, o.id AS order_id, o.total
              FROM customers c JOIN orders o ON o.customer_region = c.region AND o.customer_code = c.code;
            """;

    /** Sorts before the view it reads, so only dependency order loads it. */
    private static final String BIG_SPENDERS = """
            CREATE VIEW big_spenders AS
              SELECT customer_id, sum(total) AS spent FROM customer_orders GROUP BY customer_id HAVING sum(total) > 1000;
            """;

    /** Calls a function, and has view options other than the defaults, which the dump keeps. */
    private static final String PRICED = """
            CREATE ALGORITHM=MERGE SQL SECURITY INVOKER VIEW priced_orders AS
              SELECT id, quantity, order_value(quantity, unit_price) AS value FROM orders WHERE quantity > 0
              WITH CHECK OPTION;
            """;

    private static final String TRIGGER = """
            CREATE TRIGGER orders_before_insert BEFORE INSERT ON orders FOR EACH ROW
            BEGIN
              IF NEW.quantity > 100 THEN
                SET NEW.status = 'paid';
              END IF;
              SET NEW.customer_code = upper(NEW.customer_code);
            END;
            """;

    /** Fires after orders_before_insert although its name sorts first. */
    private static final String SECOND_TRIGGER = """
            CREATE TRIGGER audit_before_insert BEFORE INSERT ON orders FOR EACH ROW SET NEW.unit_price = round(NEW.unit_price, 2);
            """;

    private static final String EVENT = """
            CREATE EVENT purge_new_orders ON SCHEDULE EVERY 1 DAY STARTS '2030-01-01 00:00:00'
            DO BEGIN
              DELETE FROM orders WHERE status = 'new';
              DELETE FROM price_history WHERE price IS NULL;
            END;
            """;

    /** Rows so that SHOW CREATE TABLE reports an AUTO_INCREMENT the dump must drop. */
    private static final String DATA = """
            INSERT INTO customers (region, code, email) VALUES ('eu', 'c1', 'a@example.com'), ('us', 'c2', 'b@example.com');
            """;

    /** The order a history of migrations would naturally create it in. */
    static String inCreationOrder(String database) {
        return SEQUENCE + PRICE_HISTORY
                + "CREATE TABLE customers (\n" + CUSTOMERS_COLUMNS + ",\n  " + SELF_REFERENCE + "\n) COMMENT 'people who buy';\n"
                + ORDERS + CYCLE + DATA + FUNCTION + PROCEDURE.formatted(database) + CUSTOMER_ORDERS + BIG_SPENDERS + PRICED
                + TRIGGER + SECOND_TRIGGER + EVENT;
    }

    /** The same schema built in another order, the self-reference added later. */
    static String inAnotherOrder(String database) {
        return EVENT + FUNCTION + PROCEDURE.formatted(database)
                + SEQUENCE
                + "CREATE TABLE customers (\n" + CUSTOMERS_COLUMNS + "\n) COMMENT 'people who buy';\n"
                + ORDERS + PRICED + CUSTOMER_ORDERS + BIG_SPENDERS
                + CYCLE + "ALTER TABLE customers ADD " + SELF_REFERENCE + ";\n"
                + TRIGGER + SECOND_TRIGGER + PRICE_HISTORY;
    }
}
