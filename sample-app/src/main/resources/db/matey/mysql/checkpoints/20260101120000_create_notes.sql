CREATE TABLE `notes` (
  `id` bigint NOT NULL AUTO_INCREMENT,
  `title` varchar(200) NOT NULL,
  `body` text DEFAULT NULL,
  PRIMARY KEY (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- Dbmate schema migrations
CREATE TABLE IF NOT EXISTS `schema_migrations` (version varchar(128) primary key);
INSERT INTO `schema_migrations` (version) VALUES
  ('20260101120000');
