-- Named statements of the inboxes: an employee's, a supervisor's view of their subordinates',
-- BKPSDM's per OPD, and the watch stream's polling.

-- name: inbox_page
-- $2's inbox (unacknowledged first, newest first within each) after the cursor ($4 = -1 for the
-- first page, else the acknowledged flag 0/1 and $5 the id of the last row sent).
SELECT * FROM warning_rows
WHERE tenant_id = $1 AND recipient_nip = $2 AND (NOT $3 OR acknowledge_time IS NULL)
  AND ($4 = -1 OR acked > $4 OR (acked = $4 AND id < $5))
ORDER BY acked, id DESC
LIMIT $6

-- name: inbox_count
SELECT count(*) AS unacknowledged FROM warnings
WHERE tenant_id = $1 AND recipient_nip = $2 AND acknowledge_time IS NULL

-- name: warning_get
SELECT * FROM warning_rows WHERE tenant_id = $1 AND id = $2

-- name: warning_acknowledge
-- Idempotent: an acknowledged warning keeps its first time.
UPDATE warnings SET acknowledge_time = coalesce(acknowledge_time, now())
WHERE tenant_id = $1 AND id = $2
RETURNING id

-- name: inbox_acknowledge_all
WITH acked AS (
  UPDATE warnings SET acknowledge_time = now()
  WHERE tenant_id = $1 AND recipient_nip = $2 AND acknowledge_time IS NULL
  RETURNING 1)
SELECT count(*) AS acknowledged FROM acked

-- name: subordinate_page
-- The warnings about $2's subordinates over [$3, $4], newest first, after id $5 (0: the first page).
SELECT * FROM warning_rows
WHERE tenant_id = $1 AND supervisor_nip = $2 AND day BETWEEN $3::date AND $4::date
  AND ($5 = 0 OR id < $5)
ORDER BY id DESC
LIMIT $6

-- name: tenant_page
-- The warnings of OPD $2 ('' the tenant) over [$3, $4], of rule $5 ('' every rule), newest first,
-- after id $6 (0: the first page).
SELECT * FROM warning_rows
WHERE tenant_id = $1 AND ($2 = '' OR opd_code = $2) AND day BETWEEN $3::date AND $4::date
  AND ($5 = '' OR rule = $5) AND ($6 = 0 OR id < $6)
ORDER BY id DESC
LIMIT $7

-- name: tenant_tally
SELECT opd_code, rule, count(*) AS warnings,
       count(*) FILTER (WHERE acknowledge_time IS NULL) AS unacknowledged
FROM warnings
WHERE tenant_id = $1 AND day BETWEEN $2::date AND $3::date
GROUP BY opd_code, rule ORDER BY opd_code, rule

-- name: inbox_after
-- The watch stream's poll: $2's warnings with an id above $3, oldest first.
SELECT * FROM warning_rows WHERE tenant_id = $1 AND recipient_nip = $2 AND id > $3
ORDER BY id LIMIT $4

-- name: inbox_last_id
SELECT coalesce(max(id), 0) AS last_id FROM warnings WHERE tenant_id = $1 AND recipient_nip = $2
