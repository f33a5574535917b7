-- The lines MySQL 8.0's mysqldump writes (not from the oracle, which is MariaDB): DEFAULT ENCRYPTION, 50503 SET lines, utf8mb4_0900_ai_ci.
/*!40101 SET @OLD_CHARACTER_SET_CLIENT=@@CHARACTER_SET_CLIENT */;
/*!50503 SET NAMES utf8mb4 */;
CREATE DATABASE /*!32312 IF NOT EXISTS*/ `lab` /*!40100 DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_0900_ai_ci */ /*!80016 DEFAULT ENCRYPTION='N' */;
USE `lab`;
DROP TABLE IF EXISTS `#kind`;
/*!40101 SET @saved_cs_client     = @@character_set_client */;
/*!50503 SET character_set_client = utf8mb4 */;
CREATE TABLE `#kind` (
  `kind` varchar(16) COLLATE utf8mb4_0900_ai_ci NOT NULL,
  `weight` double NOT NULL DEFAULT '1.5',
  `at` timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP,
  `n` int NOT NULL AUTO_INCREMENT COMMENT 'counter',
  PRIMARY KEY (`kind`),
  UNIQUE KEY `n` (`n`)
) ENGINE=InnoDB AUTO_INCREMENT=3 DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_0900_ai_ci COMMENT='kinds of things';
/*!40101 SET character_set_client = @saved_cs_client */;
LOCK TABLES `#kind` WRITE;
/*!40000 ALTER TABLE `#kind` DISABLE KEYS */;
INSERT INTO `#kind` VALUES ('a',2,'2024-01-01 00:00:00',1),('b',-1e-3,'2024-01-01 00:00:00',2);
/*!40000 ALTER TABLE `#kind` ENABLE KEYS */;
UNLOCK TABLES;
