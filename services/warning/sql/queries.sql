-- Named statements of the warning service (db.h: prepared once per connection): rule sets, sweeps
-- and streaks here; the inboxes in queries_inbox.sql; the outbox in queries_outbox.sql.

-- name: rules_in_force
SELECT * FROM rule_rows WHERE tenant_id = $1 ORDER BY version DESC LIMIT 1

-- name: rules_list
SELECT * FROM rule_rows WHERE tenant_id = $1 ORDER BY version DESC

-- name: rules_lock
SELECT pg_advisory_xact_lock(hashtextextended('warning.rules/' || current_schema() || '/' || $1, 0))
  AS locked

-- name: rules_insert
INSERT INTO rules (tenant_id, version, disabled_rules, cutoff_days, cutoff_minute,
                   early_reminder_minute, escalation_workdays, pending_workdays, late_times,
                   skp_submit_by_month, skp_submit_by_day, skp_approve_by_month,
                   skp_approve_by_day, low_kotak_boxes, scheduled, created_by)
SELECT $1, coalesce(max(version), 0) + 1, $2::text[], $3, $4, $5, $6, $7, $8, $9, $10, $11, $12,
       $13::int[], $14, $15
FROM rules WHERE tenant_id = $1
RETURNING version, (extract(epoch FROM create_time) * 1000000)::bigint AS create_time

-- name: scheduled_tenants
-- The tenants whose latest rule set asks the scheduler to sweep them.
SELECT tenant_id FROM (
  SELECT DISTINCT ON (tenant_id) tenant_id, scheduled FROM rules
  ORDER BY tenant_id, version DESC) latest
WHERE scheduled ORDER BY tenant_id

-- name: sweep_lock
-- One sweep of a tenant at a time across replicas (held to the end of the sweep's transaction).
SELECT pg_try_advisory_xact_lock(hashtextextended('warning.sweep/' || current_schema() || '/' || $1, 0))
  AS locked

-- name: sweep_insert
INSERT INTO sweeps (tenant_id, day, kind, state, started_by, rules_version, employees,
                    warnings_created, start_time, error, kotak_month)
VALUES ($1, $2::date, $3, $4, $5, $6, $7, $8, to_timestamp($9::bigint / 1000000.0), $10, $11)
RETURNING id

-- name: sweep_update
UPDATE sweeps SET employees = $3, warnings_created = $4, end_time = now()
WHERE tenant_id = $1 AND id = $2

-- name: sweeps_list
SELECT id, day::text AS day, kind, state, started_by, rules_version, employees, warnings_created,
       (extract(epoch FROM start_time) * 1000000)::bigint AS start_time,
       (extract(epoch FROM end_time) * 1000000)::bigint AS end_time, error, kotak_month
FROM sweeps WHERE tenant_id = $1 AND ($2 = 0 OR id < $2)
ORDER BY id DESC LIMIT $3

-- name: sweep_days_done
-- The days of [$3, $4] a sweep of kind $2 finished.
SELECT DISTINCT day::text AS day FROM sweeps
WHERE tenant_id = $1 AND kind = $2 AND state = 'DONE' AND day BETWEEN $3::date AND $4::date

-- name: kotak_month_swept
SELECT EXISTS (SELECT 1 FROM sweeps WHERE tenant_id = $1 AND kotak_month = $2 AND state = 'DONE')
  AS swept

-- name: streaks_of_tenant
SELECT kind, nip, last_day::text AS last_day, count FROM streaks WHERE tenant_id = $1

-- name: sweep_warnings_insert
-- The staged warnings that are new (the unique key skips what an earlier sweep wrote), and an
-- outbox message for each when the tenant has a webhook, in this one statement: the outbox row
-- commits or rolls back with its warning. The idempotency key names the warning by its unique
-- key, so it is the same whichever sweep wrote it.
WITH new_warnings AS (
  INSERT INTO warnings (tenant_id, rule, audience, recipient_nip, subject_nip, subject_name,
                        supervisor_nip, org_unit_code, opd_code, day, title, message,
                        action, at_stake, sweep_id)
  SELECT $1, rule, audience, recipient_nip, subject_nip, subject_name, supervisor_nip,
         org_unit_code, opd_code, day, title, message, action, at_stake, $2
  FROM staged_warnings WHERE tenant_id = $1 AND sweep_id = $2
  ON CONFLICT (tenant_id, rule, subject_nip, day) DO NOTHING
  RETURNING *
), messages AS (
  INSERT INTO outbox (tenant_id, idempotency_key, payload, expire_time)
  SELECT w.tenant_id, concat_ws(':', w.tenant_id, w.rule, w.subject_nip, w.day),
         json_build_object('tenant', w.tenant_id, 'warning_id', w.id, 'rule', w.rule,
                           'audience', w.audience, 'recipient_nip', w.recipient_nip,
                           'subject_nip', w.subject_nip, 'subject_name', w.subject_name,
                           'opd_code', w.opd_code, 'day', w.day::text, 'title', w.title,
                           'message', w.message, 'action', w.action,
                           'at_stake', w.at_stake)::jsonb,
         now() + make_interval(hours => h.expiry_hours)
  FROM new_warnings w JOIN webhooks h ON h.tenant_id = w.tenant_id AND h.url <> ''
  ON CONFLICT DO NOTHING
  RETURNING 1
)
SELECT rule, count(*) AS created, (SELECT count(*) FROM messages) AS queued
FROM new_warnings GROUP BY rule

-- name: sweep_streaks_apply
-- A day on or before a streak's last_day never changes it (the domain says so too).
INSERT INTO streaks (tenant_id, kind, nip, last_day, count)
SELECT $1, kind, nip, last_day, count FROM staged_streaks WHERE tenant_id = $1 AND sweep_id = $2
ON CONFLICT (tenant_id, kind, nip) DO UPDATE SET last_day = EXCLUDED.last_day, count = EXCLUDED.count
WHERE streaks.last_day < EXCLUDED.last_day

-- name: staged_delete
WITH w AS (DELETE FROM staged_warnings WHERE tenant_id = $1 AND sweep_id = $2 RETURNING 1),
     s AS (DELETE FROM staged_streaks WHERE tenant_id = $1 AND sweep_id = $2 RETURNING 1)
SELECT (SELECT count(*) FROM w) + (SELECT count(*) FROM s) AS deleted
