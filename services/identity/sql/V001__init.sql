-- Identity schema. Every tenant-owned table leads its primary key with tenant_id (DESIGN §5).
-- Runs with search_path set to the service's schema.

CREATE TABLE tenants (
  tenant_id   text PRIMARY KEY,          -- the tenant code, immutable
  name        text NOT NULL,
  time_zone   text NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now()
);

-- The deployment's operator lives in a reserved tenant that holds no personnel.
INSERT INTO tenants (tenant_id, name, time_zone) VALUES ('platform', 'Platform', 'Asia/Jakarta');

CREATE TABLE org_units (
  tenant_id   text NOT NULL REFERENCES tenants,
  code        text NOT NULL,
  name        text NOT NULL,
  parent_code text,
  PRIMARY KEY (tenant_id, code),
  FOREIGN KEY (tenant_id, parent_code) REFERENCES org_units (tenant_id, code),
  CHECK (parent_code IS DISTINCT FROM code)
);

CREATE TABLE positions (
  tenant_id     text NOT NULL REFERENCES tenants,
  code          text NOT NULL,
  name          text NOT NULL,
  kind          smallint NOT NULL CHECK (kind BETWEEN 1 AND 5),
  kelas_jabatan smallint NOT NULL CHECK (kelas_jabatan BETWEEN 1 AND 17),
  nilai_jabatan integer NOT NULL DEFAULT 0 CHECK (nilai_jabatan >= 0),
  org_unit_code text NOT NULL,
  head_of_unit  boolean NOT NULL DEFAULT false,
  PRIMARY KEY (tenant_id, code),
  FOREIGN KEY (tenant_id, org_unit_code) REFERENCES org_units (tenant_id, code)
);
-- At most one head per unit.
CREATE UNIQUE INDEX positions_one_head ON positions (tenant_id, org_unit_code) WHERE head_of_unit;

CREATE TABLE employees (
  tenant_id   text NOT NULL REFERENCES tenants,
  nip         char(18) NOT NULL CHECK (nip ~ '^[0-9]{18}$'),
  name        text NOT NULL,
  golongan    smallint NOT NULL CHECK (golongan BETWEEN 1 AND 17),
  status      smallint NOT NULL CHECK (status BETWEEN 1 AND 6),
  created_at  timestamptz NOT NULL DEFAULT now(),
  updated_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, nip)
);

-- Effective-dated: who holds which position over which days (end inclusive, NULL = open).
CREATE TABLE assignments (
  tenant_id     text NOT NULL,
  id            bigserial NOT NULL,
  nip           char(18) NOT NULL,
  position_code text NOT NULL,
  kind          smallint NOT NULL CHECK (kind BETWEEN 1 AND 3),  -- 1 definitif, 2 Plt, 3 Plh
  start_date    date NOT NULL,
  end_date      date,
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, nip) REFERENCES employees (tenant_id, nip),
  FOREIGN KEY (tenant_id, position_code) REFERENCES positions (tenant_id, code),
  CHECK (end_date IS NULL OR end_date >= start_date)
);
CREATE INDEX assignments_by_nip ON assignments (tenant_id, nip, start_date);
CREATE INDEX assignments_by_position ON assignments (tenant_id, position_code, start_date);

CREATE TABLE supervisor_overrides (
  tenant_id      text NOT NULL,
  id             bigserial NOT NULL,
  nip            char(18) NOT NULL,
  supervisor_nip char(18) NOT NULL,
  role           smallint NOT NULL CHECK (role BETWEEN 1 AND 2),  -- 1 atasan langsung, 2 pejabat penilai
  start_date     date NOT NULL,
  end_date       date,
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, nip) REFERENCES employees (tenant_id, nip),
  FOREIGN KEY (tenant_id, supervisor_nip) REFERENCES employees (tenant_id, nip),
  CHECK (nip <> supervisor_nip),
  CHECK (end_date IS NULL OR end_date >= start_date)
);
CREATE INDEX supervisor_overrides_by_nip ON supervisor_overrides (tenant_id, nip);
CREATE INDEX supervisor_overrides_by_supervisor ON supervisor_overrides (tenant_id, supervisor_nip);

CREATE TABLE users (
  tenant_id           text NOT NULL REFERENCES tenants,
  username            text NOT NULL,
  nip                 char(18),
  password_hash       text NOT NULL CHECK (password_hash LIKE '$argon2id$%'),
  roles               text[] NOT NULL DEFAULT '{}',
  admin_org_unit_code text,
  disabled            boolean NOT NULL DEFAULT false,
  service_account     boolean NOT NULL DEFAULT false,
  failed_logins       integer NOT NULL DEFAULT 0,
  locked_until        timestamptz,
  created_at          timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, username),
  FOREIGN KEY (tenant_id, nip) REFERENCES employees (tenant_id, nip),
  FOREIGN KEY (tenant_id, admin_org_unit_code) REFERENCES org_units (tenant_id, code)
);
CREATE UNIQUE INDEX users_one_per_nip ON users (tenant_id, nip) WHERE nip IS NOT NULL;

-- Refresh tokens are stored hashed; a family is one login's chain of rotations.
CREATE TABLE refresh_tokens (
  tenant_id   text NOT NULL,
  token_hash  text NOT NULL,
  family_id   text NOT NULL,
  username    text NOT NULL,
  issued_at   timestamptz NOT NULL DEFAULT now(),
  expires_at  timestamptz NOT NULL,
  used_at     timestamptz,
  revoked_at  timestamptz,
  PRIMARY KEY (tenant_id, token_hash),
  FOREIGN KEY (tenant_id, username) REFERENCES users (tenant_id, username)
);
CREATE INDEX refresh_tokens_by_family ON refresh_tokens (tenant_id, family_id);

-- Deployment-wide (not per tenant): the keys that sign every tenant's access tokens.
CREATE TABLE signing_keys (
  kid          text PRIMARY KEY,
  private_pem  text NOT NULL,
  created_at   timestamptz NOT NULL DEFAULT now(),
  retired_at   timestamptz
);

CREATE TABLE audit_events (
  tenant_id  text NOT NULL,
  id         bigserial NOT NULL,
  at         timestamptz NOT NULL DEFAULT now(),
  actor      text NOT NULL,
  action     text NOT NULL,
  target     text NOT NULL DEFAULT '',
  detail     text NOT NULL DEFAULT '',
  source     text NOT NULL DEFAULT '',
  PRIMARY KEY (tenant_id, id)
);
CREATE INDEX audit_events_by_action ON audit_events (tenant_id, action, id);

-- Append-only, whoever connects.
CREATE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_events is append-only';
END $$;
CREATE TRIGGER audit_events_no_update BEFORE UPDATE OR DELETE ON audit_events
  FOR EACH ROW EXECUTE FUNCTION audit_events_append_only();
CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events
  FOR EACH STATEMENT EXECUTE FUNCTION audit_events_append_only();

-- Client request ids of Create calls, so that a retried Create returns what the first one made.
CREATE TABLE request_ids (
  tenant_id   text NOT NULL,
  request_id  text NOT NULL,
  method      text NOT NULL,
  resource    text NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, request_id)
);
