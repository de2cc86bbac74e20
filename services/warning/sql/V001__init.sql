-- The warning service's schema (issue 13, DOMAIN §8): rule sets, sweeps, the warnings (the
-- inboxes), the streaks the sweeps carry from day to day, request ids and the audit log. The
-- outbound notifications are V002__outbox.sql.

-- Rule sets, one row per version; version 0 is the national defaults and is not stored.
CREATE TABLE rules (
  tenant_id text NOT NULL,
  version int NOT NULL CHECK (version > 0),
  disabled_rules text[] NOT NULL DEFAULT '{}',
  cutoff_days int NOT NULL,
  cutoff_minute int NOT NULL,
  early_reminder_minute int NOT NULL,
  escalation_workdays int NOT NULL,
  pending_workdays int NOT NULL,
  late_times int NOT NULL,
  skp_submit_by_month int NOT NULL,
  skp_submit_by_day int NOT NULL,
  skp_approve_by_month int NOT NULL,
  skp_approve_by_day int NOT NULL,
  low_kotak_boxes int[] NOT NULL,
  scheduled boolean NOT NULL,
  created_by text NOT NULL,
  create_time timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, version)
);

-- A rule set as the store reads it (arrays as text, the time as microseconds).
CREATE VIEW rule_rows AS
SELECT r.*, disabled_rules::text AS disabled_rules_text, low_kotak_boxes::text AS low_kotak_text,
       (extract(epoch FROM create_time) * 1000000)::bigint AS create_micros
FROM rules r;

-- Every sweep that finished (DONE, written in the transaction of its warnings) or failed.
CREATE TABLE sweeps (
  tenant_id text NOT NULL,
  id bigint GENERATED ALWAYS AS IDENTITY,
  day date NOT NULL,
  kind text NOT NULL CHECK (kind IN ('DAILY', 'EARLY')),
  state text NOT NULL CHECK (state IN ('DONE', 'FAILED')),
  started_by text NOT NULL,
  rules_version int NOT NULL,
  employees int NOT NULL DEFAULT 0,
  warnings_created int NOT NULL DEFAULT 0,
  start_time timestamptz NOT NULL,
  end_time timestamptz NOT NULL DEFAULT now(),
  error text NOT NULL DEFAULT '',
  -- The month ('2026-10') whose kotak this sweep read from a TPP run (LOW_KOTAK is judged once a
  -- month, by the first daily sweep that finds the month's run); '' for none.
  kotak_month text NOT NULL DEFAULT '',
  PRIMARY KEY (tenant_id, id)
);
-- The scheduler's question: which days are swept.
CREATE INDEX sweeps_done ON sweeps (tenant_id, kind, day) WHERE state = 'DONE';

-- The warnings. The unique key is DOMAIN §8's "the same rule never warns twice for the same
-- day": a sweep run twice, or killed and run again, inserts nothing twice.
CREATE TABLE warnings (
  tenant_id text NOT NULL,
  id bigint GENERATED ALWAYS AS IDENTITY,
  rule text NOT NULL,
  audience text NOT NULL CHECK (audience IN ('EMPLOYEE', 'SUPERVISOR', 'BKPSDM')),
  -- Whose inbox: '' for BKPSDM's (every tenant-wide reader).
  recipient_nip text NOT NULL,
  subject_nip text NOT NULL,
  subject_name text NOT NULL DEFAULT '',
  -- The subject's atasan langsung on the day (the supervisor's view of their subordinates).
  supervisor_nip text NOT NULL DEFAULT '',
  org_unit_code text NOT NULL DEFAULT '',
  opd_code text NOT NULL DEFAULT '',
  day date NOT NULL,
  title text NOT NULL,
  message text NOT NULL,
  action text NOT NULL,
  at_stake text NOT NULL DEFAULT '',
  sweep_id bigint NOT NULL,
  create_time timestamptz NOT NULL DEFAULT now(),
  acknowledge_time timestamptz,
  PRIMARY KEY (tenant_id, id),
  UNIQUE (tenant_id, rule, subject_nip, day)
);
-- A warning as the store reads it (dates as text, times as microseconds).
CREATE VIEW warning_rows AS
SELECT w.*, day::text AS day_text,
       (extract(epoch FROM create_time) * 1000000)::bigint AS create_micros,
       coalesce((extract(epoch FROM acknowledge_time) * 1000000)::bigint, 0) AS acknowledge_micros,
       (acknowledge_time IS NOT NULL)::int AS acked
FROM warnings w;
CREATE INDEX warnings_inbox ON warnings (tenant_id, recipient_nip, id);
CREATE INDEX warnings_unacknowledged ON warnings (tenant_id, recipient_nip, id)
  WHERE acknowledge_time IS NULL;
CREATE INDEX warnings_of_supervisor ON warnings (tenant_id, supervisor_nip, day);
CREATE INDEX warnings_by_day ON warnings (tenant_id, day, opd_code);

-- What a sweep carries to the next day's: per employee, the consecutive workdays without a
-- report (MISSING) and the late days of the month (LATE), as of last_day. A sweep of a day on or
-- before last_day changes nothing (a rerun or a backfill never counts a day twice).
CREATE TABLE streaks (
  tenant_id text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('MISSING', 'LATE')),
  nip text NOT NULL,
  last_day date NOT NULL,
  count int NOT NULL,
  PRIMARY KEY (tenant_id, kind, nip)
);

-- What a sweep computed, copied here (COPY) in its transaction, merged into warnings and streaks
-- by one statement each and deleted before it commits: empty between sweeps.
CREATE TABLE staged_warnings (
  tenant_id text NOT NULL,
  sweep_id bigint NOT NULL,
  rule text NOT NULL,
  audience text NOT NULL,
  recipient_nip text NOT NULL,
  subject_nip text NOT NULL,
  subject_name text NOT NULL,
  supervisor_nip text NOT NULL,
  org_unit_code text NOT NULL,
  opd_code text NOT NULL,
  day date NOT NULL,
  title text NOT NULL,
  message text NOT NULL,
  action text NOT NULL,
  at_stake text NOT NULL
);
CREATE INDEX staged_warnings_of_sweep ON staged_warnings (tenant_id, sweep_id);
CREATE TABLE staged_streaks (
  tenant_id text NOT NULL,
  sweep_id bigint NOT NULL,
  kind text NOT NULL,
  nip text NOT NULL,
  last_day date NOT NULL,
  count int NOT NULL
);
CREATE INDEX staged_streaks_of_sweep ON staged_streaks (tenant_id, sweep_id);

-- Client request ids of the writes that take one (a retry answers the first call's result).
CREATE TABLE request_keys (
  tenant_id text NOT NULL,
  caller text NOT NULL,
  rpc text NOT NULL,
  request_id text NOT NULL,
  result bigint NOT NULL,
  PRIMARY KEY (tenant_id, caller, rpc, request_id)
);

-- Rule and webhook changes, manual sweeps and retried deliveries, append-only.
CREATE TABLE audit_log (
  tenant_id text NOT NULL,
  id bigint GENERATED ALWAYS AS IDENTITY,
  event_time timestamptz NOT NULL DEFAULT now(),
  actor text NOT NULL,
  action text NOT NULL,
  target text NOT NULL,
  detail text NOT NULL DEFAULT '',
  PRIMARY KEY (tenant_id, id)
);
