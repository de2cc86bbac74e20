-- The SKP service's schema (DESIGN §2): rule sets, SKPs with their revisions, RHK, IKI and their
-- breakdowns, realisations with evidence, feedback, organisational predikat and evaluations.
-- Every key leads with tenant_id.

-- Effective-dated rule sets (DESIGN §6); a tenant without one uses the national defaults.
CREATE TABLE rules (
  tenant_id text NOT NULL,
  effective_from date NOT NULL,
  version int NOT NULL,
  model text NOT NULL CHECK (model IN ('PERMENPANRB_6_2022', 'PP46')),
  skp_weight int NOT NULL,
  perilaku_weight int NOT NULL CHECK (skp_weight + perilaku_weight = 100),
  period_kind text NOT NULL CHECK (period_kind IN ('MONTHLY', 'QUARTERLY')),
  submission_gate boolean NOT NULL,
  sanctions_include_kurang boolean NOT NULL,
  feedback_weights int[] NOT NULL CHECK (cardinality(feedback_weights) = 4),
  created_by text NOT NULL,
  create_time timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, effective_from),
  UNIQUE (tenant_id, version)
);

-- One SKP per employee and position period of a year. The rules in force on start_date decide
-- its model.
CREATE TABLE skps (
  tenant_id text NOT NULL,
  id bigint GENERATED ALWAYS AS IDENTITY,
  nip text NOT NULL,
  year int NOT NULL,
  start_date date NOT NULL,
  end_date date NOT NULL CHECK (end_date >= start_date),
  position_code text NOT NULL,
  org_unit_code text NOT NULL,
  model text NOT NULL,
  latest_revision int NOT NULL DEFAULT 1,
  approved_revision int NOT NULL DEFAULT 0,
  create_time timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id)
);
CREATE INDEX skps_by_nip ON skps (tenant_id, nip, year);
CREATE INDEX skps_by_year ON skps (tenant_id, year, nip);

-- Every revision and its decision, kept.
CREATE TABLE revisions (
  tenant_id text NOT NULL,
  skp_id bigint NOT NULL,
  revision int NOT NULL,
  status text NOT NULL CHECK (status IN ('DRAFT', 'SUBMITTED', 'APPROVED', 'REJECTED')),
  pending_approver text NOT NULL DEFAULT '',
  decided_by text NOT NULL DEFAULT '',
  rejection_reason text NOT NULL DEFAULT '',
  -- PersonSnapshot fields of the employee and of the pejabat penilai, kept at approval:
  -- nip, name, golongan, position_code, position_name, org_unit_code, org_unit_name, acting.
  employee_snapshot text[],
  penilai_snapshot text[],
  -- BerAKHLAK value name -> the pejabat penilai's expectation.
  perilaku_expectations text[] NOT NULL DEFAULT '{}',
  create_time timestamptz NOT NULL DEFAULT now(),
  update_time timestamptz NOT NULL DEFAULT now(),
  submit_time timestamptz,
  decide_time timestamptz,
  PRIMARY KEY (tenant_id, skp_id, revision),
  FOREIGN KEY (tenant_id, skp_id) REFERENCES skps (tenant_id, id)
);
CREATE INDEX revisions_pending ON revisions (tenant_id, pending_approver, submit_time)
  WHERE status = 'SUBMITTED';

-- RHK and IKI ids stay the same across the revisions of an SKP (links and realisations name
-- them); a revision holds its own copy of each.
CREATE SEQUENCE plan_ids;

CREATE TABLE rhks (
  tenant_id text NOT NULL,
  skp_id bigint NOT NULL,
  revision int NOT NULL,
  rhk_id bigint NOT NULL,
  ord int NOT NULL,
  kind text NOT NULL CHECK (kind IN ('UTAMA', 'TAMBAHAN')),
  description text NOT NULL,
  parent_rhk_id bigint,
  expectation text NOT NULL DEFAULT '',
  PRIMARY KEY (tenant_id, skp_id, revision, rhk_id),
  FOREIGN KEY (tenant_id, skp_id, revision) REFERENCES revisions (tenant_id, skp_id, revision)
);
CREATE INDEX rhks_by_parent ON rhks (tenant_id, parent_rhk_id) WHERE parent_rhk_id IS NOT NULL;

CREATE TABLE ikis (
  tenant_id text NOT NULL,
  skp_id bigint NOT NULL,
  revision int NOT NULL,
  iki_id bigint NOT NULL,
  rhk_id bigint NOT NULL,
  ord int NOT NULL,
  description text NOT NULL,
  quantity bigint NOT NULL CHECK (quantity > 0),
  unit text NOT NULL,
  quality int NOT NULL,
  months int NOT NULL,
  cost_idr bigint NOT NULL,
  -- '' for none; the quantities of periods 1..12 (MONTHLY) or 1..4 (QUARTERLY).
  breakdown_kind text NOT NULL DEFAULT '' CHECK (breakdown_kind IN ('', 'MONTHLY', 'QUARTERLY')),
  breakdown bigint[] NOT NULL DEFAULT '{}',
  PRIMARY KEY (tenant_id, skp_id, revision, iki_id),
  FOREIGN KEY (tenant_id, skp_id, revision, rhk_id)
    REFERENCES rhks (tenant_id, skp_id, revision, rhk_id)
);

-- Evidence files (DESIGN §10: kept by the owning service, with size, type and SHA-256).
CREATE TABLE evidence (
  tenant_id text NOT NULL,
  id bigint GENERATED ALWAYS AS IDENTITY,
  skp_id bigint NOT NULL,
  file_name text NOT NULL,
  content_type text NOT NULL,
  size_bytes bigint NOT NULL,
  sha256 text NOT NULL,
  content bytea NOT NULL,
  created_by text NOT NULL,
  create_time timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id)
);

-- The latest realisation of an IKI for a period ("2026-M03", "2026-Q1").
CREATE TABLE realisations (
  tenant_id text NOT NULL,
  skp_id bigint NOT NULL,
  iki_id bigint NOT NULL,
  period text NOT NULL,
  quantity bigint NOT NULL,
  quality int NOT NULL,
  months int NOT NULL,
  cost_idr bigint NOT NULL,
  note text NOT NULL DEFAULT '',
  evidence_link text NOT NULL DEFAULT '',
  evidence_id bigint,
  recorded_by text NOT NULL,
  record_time timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, skp_id, iki_id, period)
);

-- What the activity service proposed from approved daily entries.
CREATE TABLE proposals (
  tenant_id text NOT NULL,
  nip text NOT NULL,
  rhk_id bigint NOT NULL,
  period text NOT NULL,
  quantity bigint NOT NULL,
  minutes bigint NOT NULL,
  propose_time timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, nip, rhk_id, period)
);

CREATE TABLE feedback (
  tenant_id text NOT NULL,
  id bigint GENERATED ALWAYS AS IDENTITY,
  skp_id bigint NOT NULL,
  rhk_id bigint NOT NULL,
  author_nip text NOT NULL,
  body text NOT NULL,
  create_time timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id)
);
CREATE INDEX feedback_by_skp ON feedback (tenant_id, skp_id, id);

-- Organisational predikat per unit and period ("2026" for the year), entered by BKPSDM.
CREATE TABLE org_performance (
  tenant_id text NOT NULL,
  org_unit_code text NOT NULL,
  period text NOT NULL,
  predikat text NOT NULL,
  set_by text NOT NULL,
  set_time timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, org_unit_code, period)
);

-- One evaluation per SKP and period; `result` is the ekinerja.skp.v1.Evaluation message as
-- answered (every intermediate value), the columns beside it what is filtered and sorted on.
CREATE TABLE evaluations (
  tenant_id text NOT NULL,
  skp_id bigint NOT NULL,
  period text NOT NULL,
  nip text NOT NULL,
  org_unit_code text NOT NULL,
  predikat text NOT NULL,
  final boolean NOT NULL DEFAULT false,
  result bytea NOT NULL,
  evaluator_nip text NOT NULL,
  evaluate_time timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, skp_id, period)
);
CREATE INDEX evaluations_by_period ON evaluations (tenant_id, period, nip);

-- Client request ids of creates (request_id.h).
CREATE TABLE request_keys (
  tenant_id text NOT NULL,
  caller text NOT NULL,
  rpc text NOT NULL,
  request_id text NOT NULL,
  result bigint NOT NULL,
  PRIMARY KEY (tenant_id, caller, rpc, request_id)
);

-- Decisions, overrides and rule changes, append-only.
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
