-- Outbound notifications (issue 13 item 4): a transactional outbox, written by the sweep in the
-- transaction that creates the warning (so a warning is never notified without existing, nor
-- created without being notified), and drained by jobs/outbox_drain.cc to each tenant's webhook.
-- Depends on nothing in V001.

-- A tenant's relay (the Pemda's e-mail/WhatsApp gateway). A tenant without a row is not
-- notified: its rows wait in the outbox until they expire.
CREATE TABLE webhooks (
  tenant_id text PRIMARY KEY,
  -- http://host:port/path: plain HTTP, the relay is on the Pemda's own network (no TLS client).
  url text NOT NULL CHECK (url <> ''),
  -- The HMAC-SHA256 key both ends share, stored as given: the drain needs the key itself to sign
  -- (a hash would not do), and the relay holds the same text. Readable by whoever reads this
  -- schema; rotate it at the relay and here together.
  secret text NOT NULL CHECK (secret <> ''),
  -- Per replica of the service (each has its own token bucket): n replicas may send n times this.
  rate_per_minute int NOT NULL DEFAULT 60 CHECK (rate_per_minute > 0),
  -- How long a notification is retried before it goes to the dead letters.
  expiry_hours int NOT NULL DEFAULT 72 CHECK (expiry_hours > 0),
  update_time timestamptz NOT NULL DEFAULT now()
);

-- One notification. PENDING until the relay answers 2xx (DELIVERED) or expire_time passes (DEAD,
-- for operators to list and retry by hand). A row is leased while a worker sends it (lease_until),
-- so that no two workers send it at the same time and a crashed worker's row is sent again once
-- the lease is over: delivery is at least once, and the idempotency key lets the relay make it
-- exactly once.
CREATE TABLE outbox (
  tenant_id text NOT NULL,
  id bigint GENERATED ALWAYS AS IDENTITY,
  -- The sweep's key of the warning (tenant, rule, subject, day): its ON CONFLICT DO NOTHING makes
  -- a sweep run twice enqueue nothing twice.
  idempotency_key text NOT NULL CHECK (idempotency_key <> ''),
  payload jsonb NOT NULL,
  state text NOT NULL DEFAULT 'PENDING' CHECK (state IN ('PENDING', 'DELIVERED', 'DEAD')),
  -- POSTs started (counted when claimed, so a worker that died mid-POST counts too).
  attempts int NOT NULL DEFAULT 0,
  next_attempt_time timestamptz NOT NULL DEFAULT now(),
  lease_until timestamptz,
  last_error text NOT NULL DEFAULT '',
  create_time timestamptz NOT NULL DEFAULT now(),
  deliver_time timestamptz,
  expire_time timestamptz NOT NULL DEFAULT now() + interval '72 hours',
  PRIMARY KEY (tenant_id, id),
  UNIQUE (tenant_id, idempotency_key)
);

-- The drain's scan: pending rows by due time (delivered and dead rows, the bulk, stay out of it).
CREATE INDEX outbox_due ON outbox (next_attempt_time, tenant_id) WHERE state = 'PENDING';
-- The operators' dead-letter list of a tenant.
CREATE INDEX outbox_dead ON outbox (tenant_id, id) WHERE state = 'DEAD';
