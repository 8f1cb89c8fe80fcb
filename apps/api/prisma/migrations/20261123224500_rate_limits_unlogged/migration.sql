-- hand-written: the rate-limit counters are written on every request, and a counter lost in a
-- crash only resets a budget early. As an UNLOGGED table they are written without the
-- write-ahead log, so a request no longer waits for a WAL flush to count itself (about four
-- times the upserts per second here). Unlogged tables are emptied by crash recovery and are not
-- copied to streaming replicas: limits hold on the primary, where every API process counts.
-- (No semicolons in comments here: the migration runner splits the script on them.)
SET lock_timeout = '5s';
ALTER TABLE "rate_limits" SET UNLOGGED;
