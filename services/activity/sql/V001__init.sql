-- The activity service's schema (DESIGN §2): rule sets, daily entries with their evidence and
-- decisions, the norma waktu catalogue, month locks. Every key leads with tenant_id.

-- Effective-dated rule sets (DESIGN §6); a tenant without one uses the national defaults.
CREATE TABLE rules (
  tenant_id text NOT NULL,
  effective_from date NOT NULL,
  version int NOT NULL,
  deadline_days_after int NOT NULL,
  deadline_minute_of_day int NOT NULL,
  target_minutes bigint NOT NULL,
  unknown_presence_minutes int NOT NULL,
  effective_minutes_per_workday int NOT NULL,
  cap_norm_by_span boolean NOT NULL,
  -- A, B, C, D lower bounds in basis points of 1.00.
  ej_bands_bp int[] NOT NULL CHECK (cardinality(ej_bands_bp) = 4),
  -- entry days, RHK minutes, catalogue minutes, in percent.
  maturity_percents int[] NOT NULL CHECK (cardinality(maturity_percents) = 3),
  created_by text NOT NULL,
  create_time timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, effective_from),
  UNIQUE (tenant_id, version)
);

-- One line of a daily report (laporan kegiatan harian). Times are minutes after local midnight.
CREATE TABLE entries (
  tenant_id text NOT NULL,
  id bigint GENERATED ALWAYS AS IDENTITY,
  nip text NOT NULL,
  work_date date NOT NULL,
  start_minute int NOT NULL CHECK (start_minute BETWEEN 0 AND 1439),
  end_minute int NOT NULL CHECK (end_minute > start_minute AND end_minute <= 1440),
  description text NOT NULL,
  -- Exactly one of an RHK of the approved SKP (with its SKP) or a tugas tambahan reference.
  rhk_id bigint,
  skp_id bigint,
  tugas_tambahan_ref text NOT NULL DEFAULT '',
  catalogue_code text NOT NULL DEFAULT '',
  norm_minutes_per_unit int NOT NULL DEFAULT 0,
  output_quantity bigint NOT NULL DEFAULT 0,
  output_unit text NOT NULL DEFAULT '',
  evidence_link text NOT NULL DEFAULT '',
  earned_minutes bigint NOT NULL,
  status text NOT NULL
    CHECK (status IN ('DRAFT', 'SUBMITTED', 'APPROVED', 'REJECTED', 'RETURNED', 'WITHDRAWN')),
  verifier_nip text NOT NULL DEFAULT '',
  decided_by_nip text NOT NULL DEFAULT '',
  decision_reason text NOT NULL DEFAULT '',
  create_time timestamptz NOT NULL DEFAULT now(),
  update_time timestamptz NOT NULL DEFAULT now(),
  submit_time timestamptz,
  decide_time timestamptz,
  PRIMARY KEY (tenant_id, id),
  CHECK ((rhk_id IS NULL) <> (tugas_tambahan_ref = ''))
);
CREATE INDEX entries_by_day ON entries (tenant_id, nip, work_date);
-- The supervisors' queues: pending entries by verifier, oldest submission first.
CREATE INDEX entries_pending ON entries (tenant_id, verifier_nip, submit_time, id)
  WHERE status = 'SUBMITTED';
-- Month summaries of a whole tenant.
CREATE INDEX entries_by_date ON entries (tenant_id, work_date);

-- An entry's evidence file (at most one), kept here behind the store (DESIGN §10).
CREATE TABLE entry_files (
  tenant_id text NOT NULL,
  entry_id bigint NOT NULL,
  file_name text NOT NULL,
  content_type text NOT NULL,
  size_bytes bigint NOT NULL,
  sha256 text NOT NULL,
  content bytea NOT NULL,
  PRIMARY KEY (tenant_id, entry_id),
  FOREIGN KEY (tenant_id, entry_id) REFERENCES entries (tenant_id, id)
);

-- An entry as the store reads it (activity_store.cc: one reader for every query of entries):
-- instants as Unix microseconds, the work date as text (and as `day` to filter on), the evidence
-- file described without its content.
CREATE VIEW entry_rows AS
SELECT e.tenant_id, e.work_date AS day, e.id, e.nip, e.work_date::text AS work_date,
       e.start_minute, e.end_minute, e.description,
       coalesce(e.rhk_id, 0) AS rhk_id, coalesce(e.skp_id, 0) AS skp_id, e.tugas_tambahan_ref,
       e.catalogue_code, e.norm_minutes_per_unit, e.output_quantity, e.output_unit,
       e.evidence_link, e.earned_minutes, e.status, e.verifier_nip, e.decided_by_nip,
       e.decision_reason,
       (extract(epoch FROM e.create_time) * 1000000)::bigint AS create_time,
       (extract(epoch FROM e.update_time) * 1000000)::bigint AS update_time,
       coalesce((extract(epoch FROM e.submit_time) * 1000000)::bigint, 0) AS submit_time,
       coalesce((extract(epoch FROM e.decide_time) * 1000000)::bigint, 0) AS decide_time,
       coalesce(f.file_name, '') AS file_name, coalesce(f.content_type, '') AS content_type,
       coalesce(f.size_bytes, 0) AS size_bytes, coalesce(f.sha256, '') AS sha256
FROM entries e
LEFT JOIN entry_files f ON f.tenant_id = e.tenant_id AND f.entry_id = e.id;

-- Every decision on an entry, append-only (the entry keeps the last).
CREATE TABLE decisions (
  tenant_id text NOT NULL,
  id bigint GENERATED ALWAYS AS IDENTITY,
  entry_id bigint NOT NULL,
  decision text NOT NULL CHECK (decision IN ('APPROVE', 'REJECT', 'RETURN')),
  reason text NOT NULL DEFAULT '',
  decided_by text NOT NULL,
  acting text NOT NULL DEFAULT '',
  decide_time timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id)
);
CREATE INDEX decisions_by_entry ON decisions (tenant_id, entry_id);

-- Norma waktu catalogue: each version of an item from its effective_from.
CREATE TABLE catalogue_items (
  tenant_id text NOT NULL,
  code text NOT NULL,
  effective_from date NOT NULL,
  position_code text NOT NULL DEFAULT '',
  position_kind text NOT NULL DEFAULT '',
  name text NOT NULL,
  output_unit text NOT NULL,
  minutes_per_unit int NOT NULL CHECK (minutes_per_unit BETWEEN 1 AND 1440),
  created_by text NOT NULL,
  create_time timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, code, effective_from),
  CHECK ((position_code = '') <> (position_kind = ''))
);

-- Months locked by a TPP run (the scoring service).
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

-- Client request ids of creates: a retry answers what the first call made.
CREATE TABLE request_keys (
  tenant_id text NOT NULL,
  caller text NOT NULL,
  rpc text NOT NULL,
  request_id text NOT NULL,
  result bigint NOT NULL,
  PRIMARY KEY (tenant_id, caller, rpc, request_id)
);

-- Rule changes, catalogue imports and locks, append-only.
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
