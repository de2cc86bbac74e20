-- Named statements of the calendar store (store/calendar_store.cc): schedule templates,
-- assignments, roster days, holidays. Every statement filters by tenant_id ($1). Dates travel as
-- 'YYYY-MM-DD' text ('' for NULL), minute lists as array literals with NULL for a day off.

-- name: cal_template_insert
INSERT INTO schedule_templates (tenant_id, code, name, start_minutes, end_minutes)
VALUES ($1, $2, $3, $4::int[], $5::int[])
ON CONFLICT (tenant_id, code) DO NOTHING
RETURNING code

-- name: cal_template_get
SELECT code, name, array_to_string(start_minutes, ',', '') AS start_minutes,
       array_to_string(end_minutes, ',', '') AS end_minutes
FROM schedule_templates WHERE tenant_id = $1 AND code = $2

-- name: cal_template_list
SELECT code, name, array_to_string(start_minutes, ',', '') AS start_minutes,
       array_to_string(end_minutes, ',', '') AS end_minutes
FROM schedule_templates WHERE tenant_id = $1 ORDER BY code

-- name: cal_assignment_insert
INSERT INTO schedule_assignments (tenant_id, template_code, nip, org_unit_code, start_date,
                                  end_date, request_id)
VALUES ($1, $2, $3, $4, $5::date, NULLIF($6, '')::date, NULLIF($7, ''))
ON CONFLICT (tenant_id, request_id) DO NOTHING
RETURNING id

-- name: cal_assignment_get
SELECT id, template_code, nip, org_unit_code, start_date::text AS start_date,
       coalesce(end_date::text, '') AS end_date
FROM schedule_assignments WHERE tenant_id = $1 AND id = $2

-- name: cal_assignment_by_request
SELECT id, template_code, nip, org_unit_code, start_date::text AS start_date,
       coalesce(end_date::text, '') AS end_date
FROM schedule_assignments WHERE tenant_id = $1 AND request_id = $2

-- name: cal_assignment_list
SELECT id, template_code, nip, org_unit_code, start_date::text AS start_date,
       coalesce(end_date::text, '') AS end_date
FROM schedule_assignments
WHERE tenant_id = $1 AND ($2 = '' OR nip = $2) AND id > $3
ORDER BY id LIMIT $4

-- Every assignment of the tenant (the recompute's).
-- name: cal_assignment_all
SELECT id, template_code, nip, org_unit_code, start_date::text AS start_date,
       coalesce(end_date::text, '') AS end_date
FROM schedule_assignments WHERE tenant_id = $1 ORDER BY id

-- name: cal_roster_upsert
INSERT INTO roster_days (tenant_id, nip, day, start_minute, end_minute)
SELECT $1, $2, d, s, e
FROM unnest($3::date[], $4::int[], $5::int[]) AS t (d, s, e)
ON CONFLICT (tenant_id, nip, day)
DO UPDATE SET start_minute = excluded.start_minute, end_minute = excluded.end_minute

-- name: cal_roster_list
SELECT day::text AS day, start_minute, end_minute
FROM roster_days
WHERE tenant_id = $1 AND nip = $2 AND day BETWEEN $3::date AND $4::date
ORDER BY day

-- name: cal_holiday_insert
INSERT INTO holidays (tenant_id, day, name, kind) VALUES ($1, $2::date, $3, $4)
ON CONFLICT (tenant_id, day) DO NOTHING
RETURNING day

-- name: cal_holiday_delete
DELETE FROM holidays WHERE tenant_id = $1 AND day = $2::date RETURNING day

-- name: cal_holiday_list
SELECT day::text AS day, name, kind
FROM holidays WHERE tenant_id = $1 AND day BETWEEN $2::date AND $3::date
ORDER BY day

-- name: cal_summary_nips
SELECT DISTINCT nip FROM day_summaries
WHERE tenant_id = $1 AND day BETWEEN $2::date AND $3::date
ORDER BY nip
