-- Rate-limit counters need no durability: unlogged, a count does not wait for a WAL flush, so one busy
-- client's counter (one row, updated by every request) takes ~5,000 updates/s instead of ~800. A crash
-- or a failover empties the table, which only restarts the current windows.
ALTER TABLE "rate_limit_counters" SET UNLOGGED;
