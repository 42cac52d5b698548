CREATE TABLE `note_tags` (
  `note_id` bigint NOT NULL,
  `tag` varchar(50) NOT NULL,
  PRIMARY KEY (`note_id`,`tag`),
  KEY `note_tags_tag` (`tag`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE `notes` (
  `id` bigint NOT NULL AUTO_INCREMENT,
  `title` varchar(200) NOT NULL,
  `body` text DEFAULT NULL,
  PRIMARY KEY (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

ALTER TABLE `note_tags`
  ADD CONSTRAINT `note_tags_ibfk_1` FOREIGN KEY (`note_id`) REFERENCES `notes` (`id`) ON DELETE CASCADE;

-- Dbmate schema migrations
CREATE TABLE IF NOT EXISTS `schema_migrations` (version varchar(128) primary key);
INSERT INTO `schema_migrations` (version) VALUES
  ('20260101120000'),
  ('20260102120000'),
  ('20260103120000');
