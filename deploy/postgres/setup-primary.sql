-- Run once on the primary as a superuser: the application's account and database, and a replication account.
create role tribune login password 'change-me';
create database tribune owner tribune;
create role replicator replication login password 'change-me-too';
-- a slot keeps the WAL a replica has not received yet (watch pg_replication_slots: a dead replica holds WAL forever)
select pg_create_physical_replication_slot('replica1');
