/*M!999999\- enable the sandbox mode */ 
-- MariaDB dump 10.19  Distrib 10.11.19-MariaDB, for debian-linux-gnu (x86_64)
--
-- Host: 127.0.0.1    Database: dump_oracle
-- ------------------------------------------------------
-- Server version	10.11.19-MariaDB-0+deb12u1

/*!40101 SET @OLD_CHARACTER_SET_CLIENT=@@CHARACTER_SET_CLIENT */;
/*!40101 SET @OLD_CHARACTER_SET_RESULTS=@@CHARACTER_SET_RESULTS */;
/*!40101 SET @OLD_COLLATION_CONNECTION=@@COLLATION_CONNECTION */;
/*!40101 SET NAMES utf8mb4 */;
/*!40103 SET @OLD_TIME_ZONE=@@TIME_ZONE */;
/*!40103 SET TIME_ZONE='+00:00' */;
/*!40014 SET @OLD_UNIQUE_CHECKS=@@UNIQUE_CHECKS, UNIQUE_CHECKS=0 */;
/*!40014 SET @OLD_FOREIGN_KEY_CHECKS=@@FOREIGN_KEY_CHECKS, FOREIGN_KEY_CHECKS=0 */;
/*!40101 SET @OLD_SQL_MODE=@@SQL_MODE, SQL_MODE='NO_AUTO_VALUE_ON_ZERO' */;
/*!40111 SET @OLD_SQL_NOTES=@@SQL_NOTES, SQL_NOTES=0 */;

--
-- Current Database: `dump_oracle`
--

CREATE DATABASE /*!32312 IF NOT EXISTS*/ `dump_oracle` /*!40100 DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci */;

USE `dump_oracle`;

--
-- Table structure for table `#method`
--

DROP TABLE IF EXISTS `#method`;
/*!40101 SET @saved_cs_client     = @@character_set_client */;
/*!40101 SET character_set_client = utf8mb4 */;
CREATE TABLE `#method` (
  `method` varchar(16) NOT NULL,
  `params` longblob NOT NULL,
  `cost` decimal(6,2) NOT NULL DEFAULT 1.25,
  PRIMARY KEY (`method`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;
/*!40101 SET character_set_client = @saved_cs_client */;

--
-- Dumping data for table `#method`
--

LOCK TABLES `#method` WRITE;
/*!40000 ALTER TABLE `#method` DISABLE KEYS */;
INSERT INTO `#method` VALUES
('fast',0x646A30000404000000000000000A000000000000000501000000000000006B04000000000000000A0100030D00000000000000050400000000000000746167732D000000000000000202000000000000000A00000000000000050100000000000000610A00000000000000050100000000000000620A000000000000000501000000000000007809000000000000000D000000000000E03F0D000000000000000504000000000000006E6F6E650100000000000000FF,2.50),
('slow',0x646A300002030000000000000004000000000000000A01000109000000000000000D00000000000004400A000000000000000501000000000000007A,1.25);
/*!40000 ALTER TABLE `#method` ENABLE KEYS */;
UNLOCK TABLES;

--
-- Table structure for table `__score`
--

DROP TABLE IF EXISTS `__score`;
/*!40101 SET @saved_cs_client     = @@character_set_client */;
/*!40101 SET character_set_client = utf8mb4 */;
CREATE TABLE `__score` (
  `animal_id` binary(16) NOT NULL COMMENT ':uuid:',
  `run` smallint(5) unsigned NOT NULL,
  `value` double NOT NULL,
  PRIMARY KEY (`animal_id`,`run`),
  CONSTRAINT `__score_ibfk_1` FOREIGN KEY (`animal_id`, `run`) REFERENCES `run` (`animal_id`, `run`) ON UPDATE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;
/*!40101 SET character_set_client = @saved_cs_client */;

--
-- Dumping data for table `__score`
--

LOCK TABLES `__score` WRITE;
/*!40000 ALTER TABLE `__score` DISABLE KEYS */;
INSERT INTO `__score` VALUES
(0x11111111222233334444555555555555,1,0.125);
/*!40000 ALTER TABLE `__score` ENABLE KEYS */;
UNLOCK TABLES;

--
-- Table structure for table `__score__detail`
--

DROP TABLE IF EXISTS `__score__detail`;
/*!40101 SET @saved_cs_client     = @@character_set_client */;
/*!40101 SET character_set_client = utf8mb4 */;
CREATE TABLE `__score__detail` (
  `animal_id` binary(16) NOT NULL COMMENT ':uuid:',
  `run` smallint(5) unsigned NOT NULL,
  `idx` int(11) NOT NULL,
  `arr` blob NOT NULL,
  PRIMARY KEY (`animal_id`,`run`,`idx`),
  CONSTRAINT `__score__detail_ibfk_1` FOREIGN KEY (`animal_id`, `run`) REFERENCES `__score` (`animal_id`, `run`) ON UPDATE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;
/*!40101 SET character_set_client = @saved_cs_client */;

--
-- Dumping data for table `__score__detail`
--

LOCK TABLES `__score__detail` WRITE;
/*!40000 ALTER TABLE `__score__detail` DISABLE KEYS */;
INSERT INTO `__score__detail` VALUES
(0x11111111222233334444555555555555,1,0,0x6D596D0041010000000000000003000000000000000600000000000000000000000000F03F00000000000000400000000000000840),
(0x11111111222233334444555555555555,1,1,0x646A30000401000000000000000A000000000000000501000000000000006E04000000000000000A0100F9);
/*!40000 ALTER TABLE `__score__detail` ENABLE KEYS */;
UNLOCK TABLES;

--
-- Table structure for table `animal`
--

DROP TABLE IF EXISTS `animal`;
/*!40101 SET @saved_cs_client     = @@character_set_client */;
/*!40101 SET character_set_client = utf8mb4 */;
CREATE TABLE `animal` (
  `animal_id` binary(16) NOT NULL COMMENT ':uuid:',
  `name` varchar(32) NOT NULL COMMENT 'given name',
  `sex` enum('M','F','U') NOT NULL DEFAULT 'U',
  `born` date DEFAULT NULL,
  `weight` float DEFAULT NULL,
  PRIMARY KEY (`animal_id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci COMMENT='animals in the lab';
/*!40101 SET character_set_client = @saved_cs_client */;

--
-- Dumping data for table `animal`
--

LOCK TABLES `animal` WRITE;
/*!40000 ALTER TABLE `animal` DISABLE KEYS */;
INSERT INTO `animal` VALUES
(0x11111111222233334444555555555555,'O\'Neil','F','2020-01-02',3.5),
(0xAAAAAAAABBBBCCCCDDDDEEEEEEEEEEEE,'Bo','U',NULL,NULL);
/*!40000 ALTER TABLE `animal` ENABLE KEYS */;
UNLOCK TABLES;

--
-- Table structure for table `run`
--

DROP TABLE IF EXISTS `run`;
/*!40101 SET @saved_cs_client     = @@character_set_client */;
/*!40101 SET character_set_client = utf8mb4 */;
CREATE TABLE `run` (
  `animal_id` binary(16) NOT NULL COMMENT ':uuid:',
  `run` smallint(5) unsigned NOT NULL,
  `method` varchar(16) DEFAULT NULL,
  `buddy_id` binary(16) NOT NULL COMMENT ':uuid:',
  `started` datetime NOT NULL,
  `ok` tinyint(1) NOT NULL DEFAULT 1,
  PRIMARY KEY (`animal_id`,`run`),
  KEY `method` (`method`),
  KEY `buddy_id` (`buddy_id`),
  CONSTRAINT `run_ibfk_1` FOREIGN KEY (`animal_id`) REFERENCES `animal` (`animal_id`) ON UPDATE CASCADE,
  CONSTRAINT `run_ibfk_2` FOREIGN KEY (`method`) REFERENCES `#method` (`method`) ON UPDATE CASCADE,
  CONSTRAINT `run_ibfk_3` FOREIGN KEY (`buddy_id`) REFERENCES `animal` (`animal_id`) ON UPDATE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;
/*!40101 SET character_set_client = @saved_cs_client */;

--
-- Dumping data for table `run`
--

LOCK TABLES `run` WRITE;
/*!40000 ALTER TABLE `run` DISABLE KEYS */;
INSERT INTO `run` VALUES
(0x11111111222233334444555555555555,1,'fast',0xAAAAAAAABBBBCCCCDDDDEEEEEEEEEEEE,'2024-05-06 07:08:09',1),
(0xAAAAAAAABBBBCCCCDDDDEEEEEEEEEEEE,2,NULL,0x11111111222233334444555555555555,'2024-05-07 00:00:00',0);
/*!40000 ALTER TABLE `run` ENABLE KEYS */;
UNLOCK TABLES;

--
-- Table structure for table `~log`
--

DROP TABLE IF EXISTS `~log`;
/*!40101 SET @saved_cs_client     = @@character_set_client */;
/*!40101 SET character_set_client = utf8mb4 */;
CREATE TABLE `~log` (
  `id` int(10) unsigned NOT NULL AUTO_INCREMENT COMMENT 'event order id',
  `timestamp` timestamp NOT NULL DEFAULT current_timestamp() COMMENT 'event timestamp',
  `version` varchar(12) NOT NULL COMMENT 'datajoint version',
  `user` varchar(255) NOT NULL COMMENT 'user@host',
  `host` varchar(255) NOT NULL DEFAULT '' COMMENT 'system hostname',
  `event` varchar(255) NOT NULL DEFAULT '' COMMENT 'event message',
  PRIMARY KEY (`id`)
) ENGINE=InnoDB AUTO_INCREMENT=7 DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci COMMENT='event logging table for `dump_oracle`';
/*!40101 SET character_set_client = @saved_cs_client */;

--
-- Dumping data for table `~log`
--

LOCK TABLES `~log` WRITE;
/*!40000 ALTER TABLE `~log` DISABLE KEYS */;
INSERT INTO `~log` VALUES
(1,'2026-11-26 16:32:21','0.14.10py','root@127.0.0.1','vm','created'),
(2,'2026-11-26 16:32:21','0.14.10py','root@127.0.0.1','vm','Declared `dump_oracle`.`animal`'),
(3,'2026-11-26 16:32:21','0.14.10py','root@127.0.0.1','vm','Declared `dump_oracle`.`#method`'),
(4,'2026-11-26 16:32:21','0.14.10py','root@127.0.0.1','vm','Declared `dump_oracle`.`run`'),
(5,'2026-11-26 16:32:21','0.14.10py','root@127.0.0.1','vm','Declared `dump_oracle`.`__score`'),
(6,'2026-11-26 16:32:21','0.14.10py','root@127.0.0.1','vm','Declared `dump_oracle`.`__score__detail`');
/*!40000 ALTER TABLE `~log` ENABLE KEYS */;
UNLOCK TABLES;
/*!40103 SET TIME_ZONE=@OLD_TIME_ZONE */;

/*!40101 SET SQL_MODE=@OLD_SQL_MODE */;
/*!40014 SET FOREIGN_KEY_CHECKS=@OLD_FOREIGN_KEY_CHECKS */;
/*!40014 SET UNIQUE_CHECKS=@OLD_UNIQUE_CHECKS */;
/*!40101 SET CHARACTER_SET_CLIENT=@OLD_CHARACTER_SET_CLIENT */;
/*!40101 SET CHARACTER_SET_RESULTS=@OLD_CHARACTER_SET_RESULTS */;
/*!40101 SET COLLATION_CONNECTION=@OLD_COLLATION_CONNECTION */;
/*!40111 SET SQL_NOTES=@OLD_SQL_NOTES */;

-- Dump completed on 2026-11-26 16:32:21
