-- The attendance service's schema (DESIGN §2): devices and PINs, raw punches, calendars, holidays,
-- absences, corrections and the daily summaries. Every key leads with tenant_id.

-- Rules that differ between Pemda (DESIGN §6); a tenant without a row uses the national defaults.
CREATE TABLE rules (
  tenant_id text PRIMARY KEY,
  time_zone text NOT NULL,
  tier_max_minutes int[] NOT NULL CHECK (cardinality(tier_max_minutes) = 3),
  future_tolerance_minutes int NOT NULL CHECK (future_tolerance_minutes >= 0),
  window_margin_minutes int NOT NULL CHECK (window_margin_minutes BETWEEN 0 AND 720),
  update_time timestamptz NOT NULL DEFAULT now()
);

-- ADMS names a device by serial only, so a serial belongs to one tenant of the deployment.
CREATE TABLE devices (
  tenant_id text NOT NULL,
  serial_number text NOT NULL UNIQUE,
  time_zone text NOT NULL,
  org_unit_code text NOT NULL DEFAULT '',
  in_service_date date NOT NULL,
  description text NOT NULL DEFAULT '',
  register_time timestamptz NOT NULL DEFAULT now(),
  last_seen_time timestamptz,
  PRIMARY KEY (tenant_id, serial_number)
);

-- device_serial '' maps the PIN on every device of the tenant; a device's own mapping wins.
CREATE TABLE pin_mappings (
  tenant_id text NOT NULL,
  device_serial text NOT NULL,
  pin text NOT NULL,
  nip text NOT NULL,
  update_time timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, device_serial, pin)
);
CREATE INDEX pin_mappings_by_nip ON pin_mappings (tenant_id, nip);

-- Every punch received, once: (device, PIN, instant) is the idempotency key of all three paths.
-- nip is NULL while the PIN maps to nobody.
CREATE TABLE punches (
  tenant_id text NOT NULL,
  device_serial text NOT NULL,
  pin text NOT NULL,
  punch_time timestamptz NOT NULL,
  nip text,
  status smallint,
  verify smallint,
  source text NOT NULL CHECK (source IN ('grpc', 'adms', 'import')),
  receive_time timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, device_serial, pin, punch_time)
);
CREATE INDEX punches_by_nip ON punches (tenant_id, nip, punch_time) WHERE nip IS NOT NULL;
CREATE INDEX punches_unknown ON punches (tenant_id, device_serial, pin) WHERE nip IS NULL;

-- Punches a reset clock produced (too far in the future, before the device's in-service date):
-- kept for the operator, never counted.
CREATE TABLE quarantined_punches (
  tenant_id text NOT NULL,
  device_serial text NOT NULL,
  pin text NOT NULL,
  punch_time timestamptz NOT NULL,
  reason text NOT NULL,
  source text NOT NULL,
  receive_time timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, device_serial, pin, punch_time)
);

-- Weekly templates: minutes from local midnight per weekday (Monday first); NULL start = day off.
CREATE TABLE schedule_templates (
  tenant_id text NOT NULL,
  code text NOT NULL,
  name text NOT NULL,
  start_minutes int[] NOT NULL CHECK (cardinality(start_minutes) = 7),
  end_minutes int[] NOT NULL CHECK (cardinality(end_minutes) = 7),
  PRIMARY KEY (tenant_id, code)
);

-- nip '' and org_unit_code '' together: the whole tenant.
CREATE TABLE schedule_assignments (
  tenant_id text NOT NULL,
  id bigserial NOT NULL,
  template_code text NOT NULL,
  nip text NOT NULL DEFAULT '',
  org_unit_code text NOT NULL DEFAULT '',
  start_date date NOT NULL,
  end_date date,
  request_id text,
  create_time timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  UNIQUE (tenant_id, request_id),
  CHECK (nip = '' OR org_unit_code = ''),
  CHECK (end_date IS NULL OR end_date >= start_date)
);

-- One employee's hours on one day; NULL start = rostered off. end_minute may pass 1440.
CREATE TABLE roster_days (
  tenant_id text NOT NULL,
  nip text NOT NULL,
  day date NOT NULL,
  start_minute int,
  end_minute int,
  PRIMARY KEY (tenant_id, nip, day)
);

CREATE TABLE holidays (
  tenant_id text NOT NULL,
  day date NOT NULL,
  name text NOT NULL,
  kind text NOT NULL,
  PRIMARY KEY (tenant_id, day)
);

CREATE TABLE absences (
  tenant_id text NOT NULL,
  id bigserial NOT NULL,
  nip text NOT NULL,
  kind text NOT NULL,
  start_date date NOT NULL,
  end_date date NOT NULL,
  reason text NOT NULL DEFAULT '',
  evidence_uri text NOT NULL DEFAULT '',
  state text NOT NULL CHECK (state IN ('PENDING', 'APPROVED', 'REJECTED')),
  created_by text NOT NULL,
  decided_by text NOT NULL DEFAULT '',
  decide_time timestamptz,
  decision_note text NOT NULL DEFAULT '',
  request_id text,
  create_time timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  UNIQUE (tenant_id, request_id),
  CHECK (end_date >= start_date)
);
CREATE INDEX absences_by_nip ON absences (tenant_id, nip, start_date);

-- Times are minutes from local midnight of `day` in `time_zone` (the tenant's when filed).
CREATE TABLE corrections (
  tenant_id text NOT NULL,
  id bigserial NOT NULL,
  nip text NOT NULL,
  day date NOT NULL,
  check_in_minute int,
  check_out_minute int,
  time_zone text NOT NULL,
  reason text NOT NULL,
  evidence_uri text NOT NULL DEFAULT '',
  state text NOT NULL CHECK (state IN ('PENDING', 'APPROVED', 'REJECTED')),
  created_by text NOT NULL,
  decided_by text NOT NULL DEFAULT '',
  decide_time timestamptz,
  decision_note text NOT NULL DEFAULT '',
  request_id text,
  create_time timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  UNIQUE (tenant_id, request_id),
  CHECK (check_in_minute IS NOT NULL OR check_out_minute IS NOT NULL)
);
CREATE INDEX corrections_by_nip ON corrections (tenant_id, nip, day);

-- The daily summary of each employee-day up to today (DOMAIN §4).
CREATE TABLE day_summaries (
  tenant_id text NOT NULL,
  nip text NOT NULL,
  day date NOT NULL,
  status text NOT NULL,
  scheduled_start int,
  scheduled_end int,
  first_in_time timestamptz,
  first_in_local timestamp,
  last_out_time timestamptz,
  last_out_local timestamp,
  minutes_late int NOT NULL,
  minutes_early int NOT NULL,
  tl_tier smallint NOT NULL,
  psw_tier smallint NOT NULL,
  absence_id bigint,
  absence_kind text,
  correction_id bigint,
  checked_in boolean NOT NULL,
  compute_time timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, nip, day)
);

-- Employee-days whose inputs changed and whose summary is not computed again yet. Writers add
-- rows in their own transaction; the recompute deletes them in the transaction that stores the
-- new summaries; readers recompute what is dirty before they answer.
CREATE TABLE dirty_days (
  tenant_id text NOT NULL,
  nip text NOT NULL,
  day date NOT NULL,
  PRIMARY KEY (tenant_id, nip, day)
);

-- Approvals, rejections and admin changes, append-only.
CREATE TABLE audit_log (
  tenant_id text NOT NULL,
  id bigserial NOT NULL,
  event_time timestamptz NOT NULL DEFAULT now(),
  actor text NOT NULL,
  action text NOT NULL,
  target text NOT NULL,
  detail text NOT NULL DEFAULT '',
  PRIMARY KEY (tenant_id, id)
);
