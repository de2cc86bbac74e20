-- The months a LOCKED TPP run froze (DOMAIN §6, issue 12): nothing changes a day summary of a
-- locked month (absences, corrections, recomputes are refused; punches are stored but leave its
-- summaries as they are, dirty, until it is unlocked). As activity's month_locks.
CREATE TABLE month_locks (
  tenant_id text NOT NULL,
  year int NOT NULL,
  month int NOT NULL CHECK (month BETWEEN 1 AND 12),
  locked boolean NOT NULL,
  reference text NOT NULL,
  locked_by text NOT NULL,
  update_time timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, year, month)
);
