-- Failed logins per account AND source (issue 8): a guesser is held back where it guesses from,
-- with growing delays, while the account's owner still logs in from elsewhere. Replaces the
-- account-wide lock, which let anyone who knew a NIP keep its owner out.
CREATE TABLE login_failures (
  tenant_id      text NOT NULL,
  username       text NOT NULL,
  source         text NOT NULL,
  failures       integer NOT NULL,
  last_failure   timestamptz NOT NULL,
  blocked_until  timestamptz,
  PRIMARY KEY (tenant_id, username, source)
);

ALTER TABLE users DROP COLUMN failed_logins, DROP COLUMN locked_until;
