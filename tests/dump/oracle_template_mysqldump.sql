/*M!999999\- enable the sandbox mode */ 
-- MariaDB dump 10.19  Distrib 10.11.19-MariaDB, for debian-linux-gnu (x86_64)
--
-- Host: 127.0.0.1    Database: workshop_sailor
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
-- Current Database: `workshop_sailor`
--

CREATE DATABASE /*!32312 IF NOT EXISTS*/ `workshop_sailor` /*!40100 DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci */;

USE `workshop_sailor`;

--
-- Table structure for table `#my_params`
--

DROP TABLE IF EXISTS `#my_params`;
/*!40101 SET @saved_cs_client     = @@character_set_client */;
/*!40101 SET character_set_client = utf8mb4 */;
CREATE TABLE `#my_params` (
  `param_name` varchar(32) NOT NULL,
  `params` blob NOT NULL COMMENT 'dict of parameter values',
  PRIMARY KEY (`param_name`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci COMMENT='parameter sets';
/*!40101 SET character_set_client = @saved_cs_client */;

--
-- Dumping data for table `#my_params`
--

LOCK TABLES `#my_params` WRITE;
/*!40000 ALTER TABLE `#my_params` DISABLE KEYS */;
INSERT INTO `#my_params` VALUES
('default',0x646A300004040000000000000011000000000000000508000000000000006368616E6E656C732A0000000000000002030000000000000004000000000000000A01000104000000000000000A0100FE0100000000000000FF0D000000000000000504000000000000006E616D650B00000000000000050200000000000000C3A90B000000000000000502000000000000006F6E02000000000000000B010F0000000000000005060000000000000077696E646F7709000000000000000D000000000000D03F);
/*!40000 ALTER TABLE `#my_params` ENABLE KEYS */;
UNLOCK TABLES;

--
-- Table structure for table `__my_analysis`
--

DROP TABLE IF EXISTS `__my_analysis`;
/*!40101 SET @saved_cs_client     = @@character_set_client */;
/*!40101 SET character_set_client = utf8mb4 */;
CREATE TABLE `__my_analysis` (
  `subject_id` binary(16) NOT NULL COMMENT ':uuid:',
  `partner_id` binary(16) NOT NULL COMMENT ':uuid:',
  `total` double NOT NULL,
  `at` timestamp NOT NULL DEFAULT current_timestamp(),
  PRIMARY KEY (`subject_id`,`partner_id`),
  CONSTRAINT `__my_analysis_ibfk_1` FOREIGN KEY (`subject_id`, `partner_id`) REFERENCES `pairing` (`subject_id`, `partner_id`) ON UPDATE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;
/*!40101 SET character_set_client = @saved_cs_client */;

--
-- Dumping data for table `__my_analysis`
--

LOCK TABLES `__my_analysis` WRITE;
/*!40000 ALTER TABLE `__my_analysis` DISABLE KEYS */;
INSERT INTO `__my_analysis` VALUES
(0x1B4E28BA2FA111D2883F0016D3CCA427,0x6BA7B8109DAD11D180B400C04FD430C8,0.1,'2025-05-06 07:08:09');
/*!40000 ALTER TABLE `__my_analysis` ENABLE KEYS */;
UNLOCK TABLES;

--
-- Table structure for table `__my_analysis__unit`
--

DROP TABLE IF EXISTS `__my_analysis__unit`;
/*!40101 SET @saved_cs_client     = @@character_set_client */;
/*!40101 SET character_set_client = utf8mb4 */;
CREATE TABLE `__my_analysis__unit` (
  `subject_id` binary(16) NOT NULL COMMENT ':uuid:',
  `partner_id` binary(16) NOT NULL COMMENT ':uuid:',
  `unit_id` smallint(5) unsigned NOT NULL,
  `values` longblob NOT NULL,
  PRIMARY KEY (`subject_id`,`partner_id`,`unit_id`),
  CONSTRAINT `__my_analysis__unit_ibfk_1` FOREIGN KEY (`subject_id`, `partner_id`) REFERENCES `__my_analysis` (`subject_id`, `partner_id`) ON UPDATE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;
/*!40101 SET character_set_client = @saved_cs_client */;

--
-- Dumping data for table `__my_analysis__unit`
--

LOCK TABLES `__my_analysis__unit` WRITE;
/*!40000 ALTER TABLE `__my_analysis__unit` DISABLE KEYS */;
INSERT INTO `__my_analysis__unit` VALUES
(0x1B4E28BA2FA111D2883F0016D3CCA427,0x6BA7B8109DAD11D180B400C04FD430C8,7,0x646A300002020000000000000009000000000000000D59F3F8C21F6EA5010A0000000000000005010000000000000078);
/*!40000 ALTER TABLE `__my_analysis__unit` ENABLE KEYS */;
UNLOCK TABLES;

--
-- Table structure for table `pairing`
--

DROP TABLE IF EXISTS `pairing`;
/*!40101 SET @saved_cs_client     = @@character_set_client */;
/*!40101 SET character_set_client = utf8mb4 */;
CREATE TABLE `pairing` (
  `subject_id` binary(16) NOT NULL COMMENT ':uuid:',
  `partner_id` binary(16) NOT NULL COMMENT ':uuid:',
  `param_name` varchar(32) DEFAULT NULL,
  `weight` float NOT NULL DEFAULT 1.5,
  `score` decimal(5,2) NOT NULL DEFAULT 2.50,
  `note` varchar(64) NOT NULL DEFAULT '',
  PRIMARY KEY (`subject_id`,`partner_id`),
  KEY `partner_id` (`partner_id`),
  KEY `param_name` (`param_name`),
  KEY `note` (`note`),
  CONSTRAINT `pairing_ibfk_1` FOREIGN KEY (`subject_id`) REFERENCES `subject` (`subject_id`) ON UPDATE CASCADE,
  CONSTRAINT `pairing_ibfk_2` FOREIGN KEY (`partner_id`) REFERENCES `subject` (`subject_id`) ON UPDATE CASCADE,
  CONSTRAINT `pairing_ibfk_3` FOREIGN KEY (`param_name`) REFERENCES `#my_params` (`param_name`) ON UPDATE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;
/*!40101 SET character_set_client = @saved_cs_client */;

--
-- Dumping data for table `pairing`
--

LOCK TABLES `pairing` WRITE;
/*!40000 ALTER TABLE `pairing` DISABLE KEYS */;
INSERT INTO `pairing` VALUES
(0x1B4E28BA2FA111D2883F0016D3CCA427,0x6BA7B8109DAD11D180B400C04FD430C8,'default',1.5,2.50,''),
(0x6BA7B8109DAD11D180B400C04FD430C8,0x1B4E28BA2FA111D2883F0016D3CCA427,NULL,1.5,-3.25,'');
/*!40000 ALTER TABLE `pairing` ENABLE KEYS */;
UNLOCK TABLES;

--
-- Table structure for table `subject`
--

DROP TABLE IF EXISTS `subject`;
/*!40101 SET @saved_cs_client     = @@character_set_client */;
/*!40101 SET character_set_client = utf8mb4 */;
CREATE TABLE `subject` (
  `subject_id` binary(16) NOT NULL COMMENT ':uuid:',
  `name` varchar(32) NOT NULL COMMENT 'who',
  `sex` enum('M','F','U') NOT NULL DEFAULT 'U',
  `born` datetime DEFAULT NULL,
  PRIMARY KEY (`subject_id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;
/*!40101 SET character_set_client = @saved_cs_client */;

--
-- Dumping data for table `subject`
--

LOCK TABLES `subject` WRITE;
/*!40000 ALTER TABLE `subject` DISABLE KEYS */;
INSERT INTO `subject` VALUES
(0x1B4E28BA2FA111D2883F0016D3CCA427,'Ann \'the\' \\ \"first\"','U','2024-01-02 03:04:05'),
(0x6BA7B8109DAD11D180B400C04FD430C8,'Bo','M',NULL);
/*!40000 ALTER TABLE `subject` ENABLE KEYS */;
UNLOCK TABLES;
/*!40103 SET TIME_ZONE=@OLD_TIME_ZONE */;

/*!40101 SET SQL_MODE=@OLD_SQL_MODE */;
/*!40014 SET FOREIGN_KEY_CHECKS=@OLD_FOREIGN_KEY_CHECKS */;
/*!40014 SET UNIQUE_CHECKS=@OLD_UNIQUE_CHECKS */;
/*!40101 SET CHARACTER_SET_CLIENT=@OLD_CHARACTER_SET_CLIENT */;
/*!40101 SET CHARACTER_SET_RESULTS=@OLD_CHARACTER_SET_RESULTS */;
/*!40101 SET COLLATION_CONNECTION=@OLD_COLLATION_CONNECTION */;
/*!40111 SET SQL_NOTES=@OLD_SQL_NOTES */;

-- Dump completed on 2026-11-26 16:49:00
