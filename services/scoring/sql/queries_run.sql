-- Runs, their members and instruments, kotak and annual reads.

-- name: run_try_lock
-- One computation of a tenant's month at a time across replicas (DESIGN §11), for the rest of the
-- transaction that writes it. Advisory locks are per database: the schema is in the key, so two
-- deployments (or test schemas) sharing a database do not block each other.
SELECT pg_try_advisory_xact_lock(hashtextextended(
         'scoring.run/' || current_schema() || '/' || $1 || '/' || $2 || '/' || $3, 0)) AS locked

-- name: run_insert
-- chain_id: $2, or the new run's own id for a first run ($2 = 0).
WITH n AS (SELECT nextval(pg_get_serial_sequence('runs', 'id')) AS id)
INSERT INTO runs (tenant_id, id, chain_id, year, month, org_unit_code, status, version,
                  corrects_run_id, correction_reason, created_by)
OVERRIDING SYSTEM VALUE
SELECT $1, n.id, CASE WHEN $2 = 0 THEN n.id ELSE $2 END, $3, $4, $5, 'DRAFT', $6,
       NULLIF($7, 0), $8, $9
FROM n
RETURNING id

-- name: run_get
SELECT * FROM run_rows WHERE tenant_id = $1 AND id = $2

-- name: run_get_for_update
SELECT * FROM run_rows WHERE tenant_id = $1 AND id = $2 FOR UPDATE

-- name: run_list
-- Of a year ($3 = 0) or a month, newest first.
SELECT * FROM run_rows WHERE tenant_id = $1 AND year = $2 AND ($3 = 0 OR month = $3)
ORDER BY month DESC, id DESC

-- name: run_open_in_chain
-- A correction of the chain not yet locked (DRAFT or VERIFIED).
SELECT id FROM runs
WHERE tenant_id = $1 AND chain_id = $2 AND status IN ('DRAFT', 'VERIFIED')
LIMIT 1

-- name: run_set_computed
UPDATE runs SET rules_version = $3, employees = $4, ceiling_idr = $5, disiplin_paid_idr = $6,
       produktivitas_paid_idr = $7, hukuman_idr = $8, gross_idr = $9, pph21_idr = $10,
       bpjs_employee_idr = $11, bpjs_employer_idr = $12, net_idr = $13, skipped = $14::text[],
       compute_time = now(), status = 'DRAFT', return_reason = ''
WHERE tenant_id = $1 AND id = $2

-- name: run_set_verified
UPDATE runs SET status = 'VERIFIED', verified_by = $3, verify_time = now()
WHERE tenant_id = $1 AND id = $2

-- name: run_set_returned
UPDATE runs SET status = 'DRAFT', return_reason = $3, verified_by = '', verify_time = NULL
WHERE tenant_id = $1 AND id = $2

-- name: run_set_locked
UPDATE runs SET status = 'LOCKED', locked_by = $3, lock_time = now()
WHERE tenant_id = $1 AND id = $2

-- name: run_set_superseded
UPDATE runs SET status = 'SUPERSEDED' WHERE tenant_id = $1 AND id = $2 AND status = 'LOCKED'

-- name: members_claim
-- Puts the employees $5 in chain $4 of the month; those already in another chain stay there.
INSERT INTO month_members (tenant_id, year, month, nip, chain_id)
SELECT $1, $2, $3, nip, $4 FROM unnest($5::text[]) AS nip
ON CONFLICT DO NOTHING

-- name: members_elsewhere
-- Of the employees $5, those in another chain of the month than $4, and that chain's newest run.
SELECT m.nip, (SELECT max(r.id) FROM runs r WHERE r.tenant_id = m.tenant_id
                                             AND r.chain_id = m.chain_id) AS run_id
FROM month_members m
WHERE m.tenant_id = $1 AND m.year = $2 AND m.month = $3 AND m.chain_id <> $4
  AND m.nip = ANY($5::text[])
ORDER BY m.nip

-- name: members_release
-- The chain's members that are no longer in its scope.
DELETE FROM month_members
WHERE tenant_id = $1 AND year = $2 AND month = $3 AND chain_id = $4
  AND NOT (nip = ANY($5::text[]))

-- name: instruments_delete
DELETE FROM instruments WHERE tenant_id = $1 AND run_id = $2

-- name: lines_delete
DELETE FROM instrument_lines WHERE tenant_id = $1 AND run_id = $2

-- name: terms_delete
DELETE FROM ceiling_terms WHERE tenant_id = $1 AND run_id = $2

-- name: instrument_page
-- A run's instruments by OPD, unit and NIP after the key ($3, $4, $5), of a unit's subtree ($6;
-- '' for all).
SELECT * FROM instruments
WHERE tenant_id = $1 AND run_id = $2 AND (opd_code, org_unit_code, nip) > ($3, $4, $5)
  AND ($6 = '' OR strpos(unit_path, '/' || $6 || '/') > 0)
ORDER BY opd_code, org_unit_code, nip
LIMIT $7

-- name: instrument_get
SELECT * FROM instruments WHERE tenant_id = $1 AND run_id = $2 AND nip = $3

-- name: instrument_lines
SELECT part, coalesce(work_date::text, '') AS work_date, rule, rate_bp, base_idr, amount_idr
FROM instrument_lines WHERE tenant_id = $1 AND run_id = $2 AND nip = $3 ORDER BY seq

-- name: instrument_terms
SELECT position_code, kelas_jabatan, position_ceiling_idr, workdays_held, amount_idr
FROM ceiling_terms WHERE tenant_id = $1 AND run_id = $2 AND nip = $3 ORDER BY seq

-- name: instrument_newest_run
-- The newest run of the month that has the employee.
SELECT max(i.run_id) AS run_id
FROM instruments i JOIN runs r ON r.tenant_id = i.tenant_id AND r.id = i.run_id
WHERE i.tenant_id = $1 AND i.nip = $2 AND r.year = $3 AND r.month = $4

-- name: kotak_counts
-- Per OPD and box, the employees of the month's newest run of every chain ($4: of a unit's
-- subtree; '' for all).
SELECT i.opd_code, i.kotak, count(*)::int AS employees
FROM instruments i
WHERE i.tenant_id = $1 AND i.kotak > 0
  AND i.run_id IN (SELECT max(r.id) FROM runs r
                   WHERE r.tenant_id = $1 AND r.year = $2 AND r.month = $3
                   GROUP BY r.chain_id)
  AND ($4 = '' OR strpos(i.unit_path, '/' || $4 || '/') > 0)
GROUP BY i.opd_code, i.kotak
ORDER BY i.opd_code, i.kotak

-- name: kotak_placements
-- Every employee's box of the month's newest runs ($4 as kotak_counts; $5: only the low boxes).
SELECT i.nip, i.name, i.org_unit_code, i.opd_code, i.kotak, i.disiplin_percent,
       i.produktivitas_percent, i.run_id
FROM instruments i
WHERE i.tenant_id = $1 AND i.kotak > 0
  AND i.run_id IN (SELECT max(r.id) FROM runs r
                   WHERE r.tenant_id = $1 AND r.year = $2 AND r.month = $3
                   GROUP BY r.chain_id)
  AND ($4 = '' OR strpos(i.unit_path, '/' || $4 || '/') > 0)
  AND (NOT $5 OR i.kotak IN (1, 2, 3, 4, 7))
ORDER BY i.opd_code, i.kotak, i.nip

-- name: run_differences
-- Per employee of a correction ($2) or of the run it corrects ($3), the totals of both where
-- they differ.
SELECT coalesce(n.nip, o.nip) AS nip, coalesce(n.name, o.name) AS name,
       coalesce(o.gross_idr, 0) AS previous_gross_idr, coalesce(n.gross_idr, 0) AS gross_idr,
       coalesce(o.net_idr, 0) AS previous_net_idr, coalesce(n.net_idr, 0) AS net_idr
FROM (SELECT * FROM instruments WHERE tenant_id = $1 AND run_id = $2) n
FULL JOIN (SELECT * FROM instruments WHERE tenant_id = $1 AND run_id = $3) o ON o.nip = n.nip
WHERE n.nip IS NULL OR o.nip IS NULL OR n.gross_idr <> o.gross_idr OR n.net_idr <> o.net_idr
ORDER BY 1

-- name: annual_months
-- An employee's newest instrument of each month of a year.
SELECT DISTINCT ON (r.month) r.month, r.id AS run_id, r.status, i.gross_idr, i.net_idr, i.kotak
FROM instruments i JOIN runs r ON r.tenant_id = i.tenant_id AND r.id = i.run_id
WHERE i.tenant_id = $1 AND i.nip = $2 AND r.year = $3
ORDER BY r.month, r.id DESC
