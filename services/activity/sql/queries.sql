-- Named statements of the activity service (db.h: one `-- name:` each; generated activity::sql
-- constants): rules, entries and their files, month locks. Request ids and audit are the
-- platform's (request_log.h). Instants are read as Unix microseconds and dates as text
-- (db_fields.h).

-- name: rules_in_force
-- The rule set in force on $2 (every column null when the tenant has none) and, in the same round
-- trip, what the create $4 of caller $3 with request id $5 made (null when none; '' finds none).
SELECT r.effective_from::text AS effective_from, r.version, r.deadline_days_after,
       r.deadline_minute_of_day, r.target_minutes, r.unknown_presence_minutes,
       r.effective_minutes_per_workday, r.cap_norm_by_span,
       array_to_string(r.ej_bands_bp, ',') AS ej_bands_bp,
       array_to_string(r.maturity_percents, ',') AS maturity_percents,
       (extract(epoch FROM r.create_time) * 1000000)::bigint AS create_time,
       (SELECT result FROM request_keys
        WHERE tenant_id = $1 AND caller = $3 AND rpc = $4 AND request_id = $5) AS earlier
FROM (SELECT 1) AS one
LEFT JOIN LATERAL (SELECT * FROM rules WHERE tenant_id = $1 AND effective_from <= $2::date
                   ORDER BY effective_from DESC LIMIT 1) AS r ON true

-- name: rules_list
SELECT effective_from::text AS effective_from, version, deadline_days_after,
       deadline_minute_of_day, target_minutes, unknown_presence_minutes,
       effective_minutes_per_workday, cap_norm_by_span,
       array_to_string(ej_bands_bp, ',') AS ej_bands_bp,
       array_to_string(maturity_percents, ',') AS maturity_percents,
       (extract(epoch FROM create_time) * 1000000)::bigint AS create_time
FROM rules WHERE tenant_id = $1 ORDER BY effective_from DESC

-- name: rules_lock
SELECT pg_advisory_xact_lock(hashtextextended('activity.rules/' || $1, 0)) AS locked

-- name: rules_insert
INSERT INTO rules (tenant_id, effective_from, version, deadline_days_after,
                   deadline_minute_of_day, target_minutes, unknown_presence_minutes,
                   effective_minutes_per_workday, cap_norm_by_span, ej_bands_bp,
                   maturity_percents, created_by)
SELECT $1, $2::date, coalesce(max(version), 0) + 1, $3, $4, $5, $6, $7, $8, $9::int[],
       $10::int[], $11
FROM rules WHERE tenant_id = $1
RETURNING version, (extract(epoch FROM create_time) * 1000000)::bigint AS create_time

-- name: entry_lock_employee
SELECT pg_advisory_xact_lock(hashtextextended('activity.employee/' || $1 || '/' || $2, 0))
       AS locked

-- name: entry_insert
-- A new entry and, in the same statement, the request id $19 of the create $18 of caller $17 that
-- made it ('' records none): what the database gave the entry, and whether the id was recorded
-- (false: a concurrent create recorded it first).
WITH e AS (
  INSERT INTO entries (tenant_id, nip, work_date, start_minute, end_minute, description, rhk_id,
                       skp_id, tugas_tambahan_ref, catalogue_code, norm_minutes_per_unit,
                       output_quantity, output_unit, evidence_link, earned_minutes, status)
  VALUES ($1, $2, $3::date, $4, $5, $6, NULLIF($7, 0), NULLIF($8, 0), $9, $10, $11, $12, $13, $14,
          $15, $16)
  RETURNING id, create_time, update_time
), k AS (
  INSERT INTO request_keys (tenant_id, caller, rpc, request_id, result)
  SELECT $1, $17, $18, $19, id FROM e WHERE $19 <> ''
  ON CONFLICT DO NOTHING
  RETURNING result
)
SELECT id, (extract(epoch FROM create_time) * 1000000)::bigint AS create_time,
       (extract(epoch FROM update_time) * 1000000)::bigint AS update_time,
       ($19 = '' OR EXISTS (SELECT 1 FROM k)) AS key_recorded
FROM e

-- name: entry_update
UPDATE entries SET work_date = $3::date, start_minute = $4, end_minute = $5, description = $6,
       rhk_id = NULLIF($7, 0), skp_id = NULLIF($8, 0), tugas_tambahan_ref = $9,
       catalogue_code = $10, norm_minutes_per_unit = $11, output_quantity = $12,
       output_unit = $13, evidence_link = $14, earned_minutes = $15, update_time = now()
WHERE tenant_id = $1 AND id = $2

-- name: entry_get
SELECT * FROM entry_rows WHERE tenant_id = $1 AND id = ANY($2::bigint[])
ORDER BY day, start_minute, id

-- name: entry_list
SELECT * FROM entry_rows
WHERE tenant_id = $1 AND nip = $2 AND day BETWEEN $3::date AND $4::date AND ($5 = '' OR status = $5)
ORDER BY day, start_minute, id

-- name: entry_day_gates
-- What the gates inside a write read, in one statement: the lock of the month ($4, $5) of day $3
-- (false, '' when there is none) and, by status, the spans of `nip` $2's other entries of that
-- day ($6, the entry itself, left out): starts and ends as lists in one order (status '' when
-- there are none). Lean: no join, a handful of rows however full the day.
SELECT coalesce(m.locked, false) AS locked, coalesce(m.reference, '') AS reference,
       coalesce(s.status, '') AS status, coalesce(s.starts, '') AS starts,
       coalesce(s.ends, '') AS ends
FROM (SELECT 1) AS one
LEFT JOIN month_locks AS m ON m.tenant_id = $1 AND m.year = $4 AND m.month = $5
LEFT JOIN LATERAL (
  SELECT status, string_agg(start_minute::text, ',' ORDER BY start_minute, id) AS starts,
         string_agg(end_minute::text, ',' ORDER BY start_minute, id) AS ends
  FROM entries WHERE tenant_id = $1 AND nip = $2 AND work_date = $3::date AND id <> $6
  GROUP BY status) AS s ON true

-- name: entry_submit
UPDATE entries SET status = 'SUBMITTED', verifier_nip = $3,
       submit_time = to_timestamp(0) + $4::bigint * interval '1 microsecond', update_time = now()
WHERE tenant_id = $1 AND id = $2

-- name: entry_set_status
UPDATE entries SET status = $3, update_time = now() WHERE tenant_id = $1 AND id = $2

-- name: file_put
INSERT INTO entry_files (tenant_id, entry_id, file_name, content_type, size_bytes, sha256,
                         content)
VALUES ($1, $2, $3, $4, $5, $6, $7)
ON CONFLICT (tenant_id, entry_id) DO UPDATE SET file_name = EXCLUDED.file_name,
  content_type = EXCLUDED.content_type, size_bytes = EXCLUDED.size_bytes,
  sha256 = EXCLUDED.sha256, content = EXCLUDED.content

-- name: file_delete
DELETE FROM entry_files WHERE tenant_id = $1 AND entry_id = $2

-- name: file_get
SELECT file_name, content_type, size_bytes, sha256, content
FROM entry_files WHERE tenant_id = $1 AND entry_id = $2

-- name: month_lock_get
SELECT year, month, locked, reference, locked_by,
       (extract(epoch FROM update_time) * 1000000)::bigint AS update_time
FROM month_locks WHERE tenant_id = $1 AND year = $2 AND month = $3

-- name: month_lock_set
INSERT INTO month_locks (tenant_id, year, month, locked, reference, locked_by)
VALUES ($1, $2, $3, $4, $5, $6)
ON CONFLICT (tenant_id, year, month) DO UPDATE SET locked = EXCLUDED.locked,
  reference = EXCLUDED.reference, locked_by = EXCLUDED.locked_by, update_time = now()

-- name: entry_month_facts
-- What a month summary reads of the entries of the NIPs $2 over [$3, $4], by NIP and date.
SELECT nip, work_date::text AS work_date, status, earned_minutes
FROM entries
WHERE tenant_id = $1 AND nip = ANY($2::text[]) AND work_date BETWEEN $3::date AND $4::date
ORDER BY nip, work_date, start_minute, id

-- name: day_filings_page
-- The next $6 (nip, work date) of [$2, $3] after the keyset ($4 NIP, $5 date; '' and $2: from the
-- start) that have an entry other than WITHDRAWN, with how many such entries and how many of them
-- were submitted (SUBMITTED, APPROVED, REJECTED, RETURNED), in (nip, date) order: a range of the
-- index entries_by_day (StreamDayFilings).
SELECT nip, work_date::text AS work_date, count(*)::int AS entries,
       (count(*) FILTER (WHERE status IN ('SUBMITTED', 'APPROVED', 'REJECTED', 'RETURNED')))::int
         AS submitted
FROM entries
WHERE tenant_id = $1 AND work_date BETWEEN $2::date AND $3::date AND status <> 'WITHDRAWN'
  AND (nip, work_date) > ($4::text, $5::date)
GROUP BY nip, work_date
ORDER BY nip, work_date
LIMIT $6
