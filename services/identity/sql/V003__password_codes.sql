-- Accounts without a password, and one-time codes to set one (issue 9). The import creates logins
-- without hashing a password for each (a 20,000-row import took twenty minutes); their owners set
-- a password with an activation code, and anyone who forgot theirs with a reset code.

-- NULL: no password yet; such an account cannot log in.
ALTER TABLE users ALTER COLUMN password_hash DROP NOT NULL;

-- A code is shown once, to the admin who issues it, and stored only as its SHA-256: it is 80
-- random bits, so its hash cannot be reversed by guessing, and a slow hash (Argon2id) would only
-- make issuing the codes of a whole import as slow as the import used to be.
CREATE TABLE password_codes (
  tenant_id   text NOT NULL,
  id          bigserial NOT NULL,
  username    text NOT NULL,
  code_hash   text NOT NULL CHECK (code_hash ~ '^[0-9a-f]{64}$'),
  purpose     text NOT NULL CHECK (purpose IN ('ACTIVATION', 'RESET')),
  issued_by   text NOT NULL,
  issued_at   timestamptz NOT NULL DEFAULT now(),
  expires_at  timestamptz NOT NULL,
  used_at     timestamptz,
  -- Set when a newer code for the same account is issued.
  voided_at   timestamptz,
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, username) REFERENCES users (tenant_id, username),
  CHECK (expires_at > issued_at)
);
CREATE UNIQUE INDEX password_codes_by_hash ON password_codes (tenant_id, code_hash);
-- At most one unused code per account: issuing voids the older ones first.
CREATE UNIQUE INDEX password_codes_one_open ON password_codes (tenant_id, username)
  WHERE used_at IS NULL AND voided_at IS NULL;
