-- The scoring service's schema (DESIGN §2): TPP rule sets, hukuman disiplin, monthly runs with
-- one instrument per employee and its lines, and who is in which run of a month. Every key leads
-- with tenant_id. Nothing that money depends on is deleted once locked: a LOCKED run and its
-- instruments never change (a correction is a new run), and a DRAFT's instruments are replaced
-- in the one transaction that recomputes it.

-- Effective-dated TPP rule sets (DESIGN §6); a tenant without one uses the national defaults
-- (version 0, in code).
CREATE TABLE rules (
  tenant_id text NOT NULL,
  effective_from date NOT NULL,
  version int NOT NULL CHECK (version > 0),
  -- Index k-1 is kelas jabatan k (1-17).
  kelas_ceilings_idr bigint[] NOT NULL CHECK (cardinality(kelas_ceilings_idr) = 17),
  -- Per-position ceilings: codes and rupiah, index by index.
  position_codes text[] NOT NULL DEFAULT '{}',
  position_ceilings_idr bigint[] NOT NULL DEFAULT '{}'
    CHECK (cardinality(position_ceilings_idr) = cardinality(position_codes)),
  disiplin_bp int NOT NULL CHECK (disiplin_bp BETWEEN 0 AND 10000),
  tl_tier_bp int[] NOT NULL CHECK (cardinality(tl_tier_bp) = 5),
  psw_tier_bp int[] NOT NULL CHECK (cardinality(psw_tier_bp) = 5),
  -- Per-day rates of TANPA_KETERANGAN and each absence kind, index by index.
  absence_kinds text[] NOT NULL,
  absence_bp int[] NOT NULL CHECK (cardinality(absence_bp) = cardinality(absence_kinds)),
  productivity_model text NOT NULL
    CHECK (productivity_model IN ('MINUTES', 'ASSESSMENT', 'APPROVAL_RATIO')),
  assessment_di_atas_bp int NOT NULL,
  assessment_sesuai_bp int NOT NULL,
  assessment_di_bawah_bp int NOT NULL,
  missing_report_bp int NOT NULL,
  hukuman_ringan_bp int NOT NULL,
  hukuman_sedang_bp int NOT NULL,
  hukuman_berat_bp int NOT NULL,
  -- Golongan I, II, III, IV.
  pph21_golongan_bp int[] NOT NULL CHECK (cardinality(pph21_golongan_bp) = 4),
  bpjs_employee_bp int NOT NULL,
  bpjs_employer_bp int NOT NULL,
  bpjs_base_cap_idr bigint NOT NULL CHECK (bpjs_base_cap_idr >= 0),
  kotak_medium_from_bp int NOT NULL,
  kotak_high_from_bp int NOT NULL CHECK (kotak_high_from_bp >= kotak_medium_from_bp),
  created_by text NOT NULL,
  create_time timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, effective_from),
  UNIQUE (tenant_id, version)
);

-- A rule set as the store reads it: lists as text, instants as Unix microseconds.
CREATE VIEW rule_rows AS
SELECT tenant_id, effective_from AS from_date, effective_from::text AS effective_from, version,
       array_to_string(kelas_ceilings_idr, ',') AS kelas_ceilings_idr,
       array_to_string(position_codes, ',') AS position_codes,
       array_to_string(position_ceilings_idr, ',') AS position_ceilings_idr,
       disiplin_bp, array_to_string(tl_tier_bp, ',') AS tl_tier_bp,
       array_to_string(psw_tier_bp, ',') AS psw_tier_bp,
       array_to_string(absence_kinds, ',') AS absence_kinds,
       array_to_string(absence_bp, ',') AS absence_bp, productivity_model,
       assessment_di_atas_bp, assessment_sesuai_bp, assessment_di_bawah_bp, missing_report_bp,
       hukuman_ringan_bp, hukuman_sedang_bp, hukuman_berat_bp,
       array_to_string(pph21_golongan_bp, ',') AS pph21_golongan_bp, bpjs_employee_bp,
       bpjs_employer_bp, bpjs_base_cap_idr, kotak_medium_from_bp, kotak_high_from_bp,
       (extract(epoch FROM create_time) * 1000000)::bigint AS create_time
FROM rules;

-- Hukuman disiplin (PP 94/2021), entered by the tenant's admin; revoked, never deleted.
CREATE TABLE sanctions (
  tenant_id text NOT NULL,
  id bigint GENERATED ALWAYS AS IDENTITY,
  nip text NOT NULL,
  level text NOT NULL CHECK (level IN ('RINGAN', 'SEDANG', 'BERAT')),
  start_date date NOT NULL,
  end_date date NOT NULL CHECK (end_date >= start_date),
  reference text NOT NULL,
  revoked boolean NOT NULL DEFAULT false,
  revoke_reason text NOT NULL DEFAULT '',
  created_by text NOT NULL,
  create_time timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id)
);
CREATE INDEX sanctions_by_nip ON sanctions (tenant_id, nip, start_date);
CREATE INDEX sanctions_by_range ON sanctions (tenant_id, start_date, end_date);

-- A month's run of the tenant ('' org unit) or of a subtree. A correction is a run of the same
-- chain (chain_id: the first run's id) with the next version.
CREATE TABLE runs (
  tenant_id text NOT NULL,
  id bigint GENERATED ALWAYS AS IDENTITY,
  chain_id bigint NOT NULL,
  year int NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  month int NOT NULL CHECK (month BETWEEN 1 AND 12),
  org_unit_code text NOT NULL,
  status text NOT NULL CHECK (status IN ('DRAFT', 'VERIFIED', 'LOCKED', 'SUPERSEDED')),
  version int NOT NULL CHECK (version > 0),
  corrects_run_id bigint,
  correction_reason text NOT NULL DEFAULT '',
  rules_version int NOT NULL DEFAULT 0,
  employees int NOT NULL DEFAULT 0,
  ceiling_idr bigint NOT NULL DEFAULT 0,
  disiplin_paid_idr bigint NOT NULL DEFAULT 0,
  produktivitas_paid_idr bigint NOT NULL DEFAULT 0,
  hukuman_idr bigint NOT NULL DEFAULT 0,
  gross_idr bigint NOT NULL DEFAULT 0,
  pph21_idr bigint NOT NULL DEFAULT 0,
  bpjs_employee_idr bigint NOT NULL DEFAULT 0,
  bpjs_employer_idr bigint NOT NULL DEFAULT 0,
  net_idr bigint NOT NULL DEFAULT 0,
  created_by text NOT NULL,
  create_time timestamptz NOT NULL DEFAULT now(),
  compute_time timestamptz,
  verified_by text NOT NULL DEFAULT '',
  verify_time timestamptz,
  return_reason text NOT NULL DEFAULT '',
  locked_by text NOT NULL DEFAULT '',
  lock_time timestamptz,
  -- Employees of the scope left out, and why: [nip, reason] pairs.
  skipped text[] NOT NULL DEFAULT '{}',
  PRIMARY KEY (tenant_id, id),
  UNIQUE (tenant_id, chain_id, version)
);
CREATE INDEX runs_by_month ON runs (tenant_id, year, month);

-- A run as the store reads it: instants as Unix microseconds (0 for none), the skipped employees
-- joined by the unit separator.
CREATE VIEW run_rows AS
SELECT tenant_id, id, chain_id, year, month, org_unit_code, status, version,
       coalesce(corrects_run_id, 0) AS corrects_run_id, correction_reason, rules_version,
       employees, ceiling_idr, disiplin_paid_idr, produktivitas_paid_idr, hukuman_idr, gross_idr,
       pph21_idr, bpjs_employee_idr, bpjs_employer_idr, net_idr, created_by,
       (extract(epoch FROM create_time) * 1000000)::bigint AS create_time,
       coalesce((extract(epoch FROM compute_time) * 1000000)::bigint, 0) AS compute_time,
       verified_by, coalesce((extract(epoch FROM verify_time) * 1000000)::bigint, 0) AS verify_time,
       return_reason, locked_by,
       coalesce((extract(epoch FROM lock_time) * 1000000)::bigint, 0) AS lock_time,
       array_to_string(skipped, E'\x1f') AS skipped
FROM runs;

-- Which chain of runs an employee's month belongs to: one, so nobody is paid twice.
CREATE TABLE month_members (
  tenant_id text NOT NULL,
  year int NOT NULL,
  month int NOT NULL,
  nip text NOT NULL,
  chain_id bigint NOT NULL,
  PRIMARY KEY (tenant_id, year, month, nip)
);
CREATE INDEX month_members_by_chain ON month_members (tenant_id, chain_id);

-- One instrumen penilaian per employee of a run (DOMAIN §6), its totals; the lines below.
CREATE TABLE instruments (
  tenant_id text NOT NULL,
  run_id bigint NOT NULL,
  nip text NOT NULL,
  name text NOT NULL,
  golongan text NOT NULL,
  org_unit_code text NOT NULL,
  opd_code text NOT NULL,
  -- The units from the OPD down to the employee's, "/OPD/BIDANG/SUBBID/".
  unit_path text NOT NULL,
  month_workdays int NOT NULL,
  ceiling_idr bigint NOT NULL,
  disiplin_idr bigint NOT NULL,
  produktivitas_idr bigint NOT NULL,
  disiplin_paid_idr bigint NOT NULL,
  -- MINUTES, APPROVAL_RATIO, a rating name, or BELUM_DINILAI.
  capaian_basis text NOT NULL,
  capaian_numerator bigint NOT NULL,
  capaian_denominator bigint NOT NULL CHECK (capaian_denominator > 0),
  produktivitas_earned_idr bigint NOT NULL,
  produktivitas_paid_idr bigint NOT NULL,
  hukuman_idr bigint NOT NULL,
  hukuman_reference text NOT NULL DEFAULT '',
  gross_idr bigint NOT NULL,
  pph21_idr bigint NOT NULL,
  bpjs_employee_idr bigint NOT NULL,
  bpjs_employer_idr bigint NOT NULL,
  net_idr bigint NOT NULL,
  kotak int NOT NULL CHECK (kotak BETWEEN 0 AND 9),
  disiplin_percent text NOT NULL,
  produktivitas_percent text NOT NULL,
  PRIMARY KEY (tenant_id, run_id, nip),
  CHECK (disiplin_idr + produktivitas_idr = ceiling_idr),
  CHECK (disiplin_paid_idr + produktivitas_paid_idr - hukuman_idr = gross_idr),
  CHECK (gross_idr - pph21_idr - bpjs_employee_idr = net_idr)
);
CREATE INDEX instruments_by_unit ON instruments (tenant_id, run_id, opd_code, org_unit_code, nip);
CREATE INDEX instruments_by_nip ON instruments (tenant_id, nip, run_id);

-- DOMAIN §6 step 1: the positions held in the month and their shares of the ceiling.
CREATE TABLE ceiling_terms (
  tenant_id text NOT NULL,
  run_id bigint NOT NULL,
  nip text NOT NULL,
  seq int NOT NULL,
  position_code text NOT NULL,
  kelas_jabatan int NOT NULL,
  position_ceiling_idr bigint NOT NULL,
  workdays_held int NOT NULL,
  amount_idr bigint NOT NULL,
  PRIMARY KEY (tenant_id, run_id, nip, seq)
);

-- Every line of every instrument, in its order (seq) within the instrument.
CREATE TABLE instrument_lines (
  tenant_id text NOT NULL,
  run_id bigint NOT NULL,
  nip text NOT NULL,
  seq int NOT NULL,
  part text NOT NULL CHECK (part IN ('DISIPLIN', 'PRODUKTIVITAS', 'LAIN', 'POTONGAN')),
  work_date date,
  rule text NOT NULL,
  rate_bp int NOT NULL,
  base_idr bigint NOT NULL,
  amount_idr bigint NOT NULL,
  PRIMARY KEY (tenant_id, run_id, nip, seq)
);

-- Client request ids of creating calls: a retry answers what the first call made.
CREATE TABLE request_keys (
  tenant_id text NOT NULL,
  caller text NOT NULL,
  rpc text NOT NULL,
  request_id text NOT NULL,
  result bigint NOT NULL,
  PRIMARY KEY (tenant_id, caller, rpc, request_id)
);

-- Rule changes, sanctions, and every run transition, append-only.
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
