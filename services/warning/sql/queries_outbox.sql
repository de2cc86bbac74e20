-- The outbox and the tenants' webhooks (V002__outbox.sql; store/outbox_store.h). Every instant the
-- drain compares comes from its clock as Unix microseconds ($n::bigint), never now(), so that the
-- tests drive time; `timestamptz 'epoch' + $n * interval '1 microsecond'` keeps them exact (the
-- double of to_timestamp does not). Out, instants are microseconds, 0 for NULL.

-- name: outbox_enqueue
-- What the sweep writes in the warning's transaction; nothing when the key is queued already.
INSERT INTO outbox (tenant_id, idempotency_key, payload, expire_time)
VALUES ($1, $2, $3::jsonb, timestamptz 'epoch' + $4::bigint * interval '1 microsecond')
ON CONFLICT DO NOTHING
RETURNING id

-- name: outbox_expire
-- Pending rows past their expiry go to the dead letters, except one leased now: its worker's
-- answer decides (it expires on the next pass if that answer is a failure).
UPDATE outbox
SET state = 'DEAD', lease_until = NULL,
    last_error = CASE WHEN last_error = '' THEN 'expired before any attempt' ELSE last_error END
WHERE state = 'PENDING'
  AND expire_time <= timestamptz 'epoch' + $1::bigint * interval '1 microsecond'
  AND (lease_until IS NULL
       OR lease_until <= timestamptz 'epoch' + $1::bigint * interval '1 microsecond')
RETURNING tenant_id

-- name: outbox_due_tenants
-- The webhooks of the tenants with a row to send now.
SELECT w.tenant_id, w.url, w.secret, w.rate_per_minute, w.expiry_hours,
       (extract(epoch FROM w.update_time) * 1000000)::bigint AS update_time
FROM webhooks w
WHERE EXISTS (
  SELECT 1 FROM outbox o
  WHERE o.state = 'PENDING' AND o.tenant_id = w.tenant_id
    AND o.next_attempt_time <= timestamptz 'epoch' + $1::bigint * interval '1 microsecond'
    AND (o.lease_until IS NULL
         OR o.lease_until <= timestamptz 'epoch' + $1::bigint * interval '1 microsecond')
    AND o.expire_time > timestamptz 'epoch' + $1::bigint * interval '1 microsecond')
ORDER BY w.tenant_id

-- name: outbox_claim
-- Up to $3 rows due at $1 of tenant $2 ('' for every tenant with a webhook), oldest due first,
-- leased until $4 and their attempt counted. SKIP LOCKED: rows another worker is claiming in this
-- instant are left to it; one it claimed and committed is excluded by its lease (Postgres
-- re-checks the WHERE of a row changed since the statement's snapshot before locking it).
WITH due AS (
  SELECT tenant_id, id FROM outbox
  WHERE state = 'PENDING' AND ($2 = '' OR tenant_id = $2)
    AND next_attempt_time <= timestamptz 'epoch' + $1::bigint * interval '1 microsecond'
    AND (lease_until IS NULL
         OR lease_until <= timestamptz 'epoch' + $1::bigint * interval '1 microsecond')
    AND expire_time > timestamptz 'epoch' + $1::bigint * interval '1 microsecond'
    AND EXISTS (SELECT 1 FROM webhooks w WHERE w.tenant_id = outbox.tenant_id)
  ORDER BY next_attempt_time, id
  LIMIT $3
  FOR UPDATE SKIP LOCKED)
UPDATE outbox o
SET lease_until = timestamptz 'epoch' + $4::bigint * interval '1 microsecond',
    attempts = o.attempts + 1
FROM due
WHERE o.tenant_id = due.tenant_id AND o.id = due.id
RETURNING o.tenant_id, o.id, o.idempotency_key, o.payload::text AS payload, o.state, o.attempts,
          (extract(epoch FROM o.next_attempt_time) * 1000000)::bigint AS next_attempt_time,
          coalesce((extract(epoch FROM o.lease_until) * 1000000)::bigint, 0) AS lease_until,
          o.last_error, (extract(epoch FROM o.create_time) * 1000000)::bigint AS create_time,
          coalesce((extract(epoch FROM o.deliver_time) * 1000000)::bigint, 0) AS deliver_time,
          (extract(epoch FROM o.expire_time) * 1000000)::bigint AS expire_time

-- name: outbox_mark_delivered
-- Whoever delivered it (even a worker whose lease ran out): delivered is delivered.
UPDATE outbox
SET state = 'DELIVERED', lease_until = NULL,
    deliver_time = timestamptz 'epoch' + $3::bigint * interval '1 microsecond'
WHERE tenant_id = $1 AND id = $2 AND state = 'PENDING'

-- name: outbox_mark_failed
-- Only under the lease $3 the worker holds: a worker whose lease ran out and was claimed again
-- does not move the next attempt of the worker that holds it now.
UPDATE outbox
SET lease_until = NULL, last_error = $5,
    next_attempt_time = timestamptz 'epoch' + $4::bigint * interval '1 microsecond'
WHERE tenant_id = $1 AND id = $2 AND state = 'PENDING'
  AND lease_until = timestamptz 'epoch' + $3::bigint * interval '1 microsecond'

-- name: outbox_release
-- A claimed row not sent after all (its worker ran short of lease): free again, attempt uncounted.
UPDATE outbox SET lease_until = NULL, attempts = attempts - 1
WHERE tenant_id = $1 AND id = $2 AND state = 'PENDING'
  AND lease_until = timestamptz 'epoch' + $3::bigint * interval '1 microsecond'

-- name: outbox_get_by_key
SELECT tenant_id, id, idempotency_key, payload::text AS payload, state, attempts,
       (extract(epoch FROM next_attempt_time) * 1000000)::bigint AS next_attempt_time,
       coalesce((extract(epoch FROM lease_until) * 1000000)::bigint, 0) AS lease_until,
       last_error, (extract(epoch FROM create_time) * 1000000)::bigint AS create_time,
       coalesce((extract(epoch FROM deliver_time) * 1000000)::bigint, 0) AS deliver_time,
       (extract(epoch FROM expire_time) * 1000000)::bigint AS expire_time
FROM outbox WHERE tenant_id = $1 AND idempotency_key = $2

-- name: outbox_dead_list
-- A tenant's dead letters after id $2, oldest first.
SELECT tenant_id, id, idempotency_key, payload::text AS payload, state, attempts,
       (extract(epoch FROM next_attempt_time) * 1000000)::bigint AS next_attempt_time,
       coalesce((extract(epoch FROM lease_until) * 1000000)::bigint, 0) AS lease_until,
       last_error, (extract(epoch FROM create_time) * 1000000)::bigint AS create_time,
       coalesce((extract(epoch FROM deliver_time) * 1000000)::bigint, 0) AS deliver_time,
       (extract(epoch FROM expire_time) * 1000000)::bigint AS expire_time
FROM outbox WHERE tenant_id = $1 AND state = 'DEAD' AND id > $2
ORDER BY id
LIMIT $3

-- name: outbox_retry
-- A dead letter back to PENDING, due at $3 and given the tenant's expiry again from then (else it
-- would die on the next pass). Its attempts and last error stay, for the record.
UPDATE outbox o
SET state = 'PENDING', lease_until = NULL,
    next_attempt_time = timestamptz 'epoch' + $3::bigint * interval '1 microsecond',
    expire_time = timestamptz 'epoch' + $3::bigint * interval '1 microsecond'
                  + make_interval(hours => coalesce(
                      (SELECT w.expiry_hours FROM webhooks w WHERE w.tenant_id = o.tenant_id), 72))
WHERE o.tenant_id = $1 AND o.id = $2 AND o.state = 'DEAD'
RETURNING o.idempotency_key

-- name: outbox_stats
-- Pending rows per tenant and the oldest one's creation (0: none), for the depth and age gauges:
-- every tenant with a webhook or a pending row, so that an emptied queue reads 0.
WITH pending AS (
  SELECT tenant_id, count(*) AS depth, min(create_time) AS oldest
  FROM outbox WHERE state = 'PENDING'
  GROUP BY tenant_id)
SELECT coalesce(p.tenant_id, w.tenant_id) AS tenant_id, coalesce(p.depth, 0) AS depth,
       coalesce((extract(epoch FROM p.oldest) * 1000000)::bigint, 0) AS oldest_create_time
FROM pending p FULL JOIN webhooks w ON w.tenant_id = p.tenant_id
ORDER BY 1

-- name: webhook_get
SELECT tenant_id, url, secret, rate_per_minute, expiry_hours,
       (extract(epoch FROM update_time) * 1000000)::bigint AS update_time
FROM webhooks WHERE tenant_id = $1

-- name: webhook_set
INSERT INTO webhooks (tenant_id, url, secret, rate_per_minute, expiry_hours)
VALUES ($1, $2, $3, $4, $5)
ON CONFLICT (tenant_id) DO UPDATE
SET url = EXCLUDED.url, secret = EXCLUDED.secret, rate_per_minute = EXCLUDED.rate_per_minute,
    expiry_hours = EXCLUDED.expiry_hours, update_time = now()
