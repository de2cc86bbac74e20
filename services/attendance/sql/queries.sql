-- Named statements of the attendance store (devices, PINs, punches, the recompute's inputs,
-- summaries, dirty days). Calendars and requests have their own queries_*.sql files; request ids
-- and audit are the platform's (request_log.h).
-- Instants travel as Unix microseconds, dates as 'YYYY-MM-DD' text, batches as array literals.
-- Every column has a name (an expression its AS), by which the store reads it; the build makes a
-- constant of each statement's name (attendance_sql.h: get_rules is attendance::sql::kGetRules).

-- name: get_rules
SELECT time_zone, tier_max_minutes[1] AS tier1_max, tier_max_minutes[2] AS tier2_max,
       tier_max_minutes[3] AS tier3_max, future_tolerance_minutes, window_margin_minutes,
       first_work_date::text AS first_work_date, last_work_date::text AS last_work_date
FROM rules WHERE tenant_id = $1

-- name: put_rules
INSERT INTO rules (tenant_id, time_zone, tier_max_minutes, future_tolerance_minutes,
                   window_margin_minutes, first_work_date, last_work_date)
VALUES ($1, $2, ARRAY[$3::int, $4::int, $5::int], $6, $7, $8::date, $9::date)
ON CONFLICT (tenant_id) DO UPDATE
SET time_zone = EXCLUDED.time_zone, tier_max_minutes = EXCLUDED.tier_max_minutes,
    future_tolerance_minutes = EXCLUDED.future_tolerance_minutes,
    window_margin_minutes = EXCLUDED.window_margin_minutes,
    first_work_date = EXCLUDED.first_work_date, last_work_date = EXCLUDED.last_work_date,
    update_time = now()

-- name: insert_device
INSERT INTO devices (tenant_id, serial_number, time_zone, org_unit_code, in_service_date,
                     description)
VALUES ($1, $2, $3, $4, $5::date, $6)
ON CONFLICT DO NOTHING
RETURNING (extract(epoch FROM register_time) * 1000000)::bigint AS register_us

-- name: get_device
SELECT tenant_id, serial_number, time_zone, org_unit_code,
       in_service_date::text AS in_service_date, description,
       (extract(epoch FROM register_time) * 1000000)::bigint AS register_us,
       coalesce((extract(epoch FROM last_seen_time) * 1000000)::bigint, 0) AS last_seen_us
FROM devices WHERE tenant_id = $1 AND serial_number = $2

-- name: find_device
SELECT tenant_id, serial_number, time_zone, org_unit_code,
       in_service_date::text AS in_service_date, description,
       (extract(epoch FROM register_time) * 1000000)::bigint AS register_us,
       coalesce((extract(epoch FROM last_seen_time) * 1000000)::bigint, 0) AS last_seen_us
FROM devices WHERE serial_number = $1

-- name: list_devices
SELECT tenant_id, serial_number, time_zone, org_unit_code,
       in_service_date::text AS in_service_date, description,
       (extract(epoch FROM register_time) * 1000000)::bigint AS register_us,
       coalesce((extract(epoch FROM last_seen_time) * 1000000)::bigint, 0) AS last_seen_us
FROM devices WHERE tenant_id = $1 AND serial_number > $2
ORDER BY serial_number LIMIT $3

-- name: touch_device
UPDATE devices
SET last_seen_time = greatest(last_seen_time, to_timestamp(0) + $3::bigint * interval '1 microsecond')
WHERE tenant_id = $1 AND serial_number = $2

-- name: upsert_pin_mapping
INSERT INTO pin_mappings (tenant_id, device_serial, pin, nip) VALUES ($1, $2, $3, $4)
ON CONFLICT (tenant_id, device_serial, pin) DO UPDATE SET nip = EXCLUDED.nip, update_time = now()

-- name: list_pin_mappings
SELECT device_serial, pin, nip FROM pin_mappings
WHERE tenant_id = $1 AND ($2 = '' OR nip = $2) AND (device_serial, pin) > ($3, $4)
ORDER BY device_serial, pin LIMIT $5

-- name: list_unknown_pins
SELECT device_serial, pin, count(*) AS punch_count,
       (extract(epoch FROM min(punch_time)) * 1000000)::bigint AS first_us,
       (extract(epoch FROM max(punch_time)) * 1000000)::bigint AS last_us
FROM punches
WHERE tenant_id = $1 AND nip IS NULL AND (device_serial, pin) > ($2, $3)
GROUP BY device_serial, pin ORDER BY device_serial, pin LIMIT $4

-- name: insert_punches
-- One device's batch: $3 PINs, $4 instants (µs), $5 statuses, $6 verify modes, $7 source. Each PIN
-- resolves to the device's own mapping, else the tenant's; rows already there are skipped.
INSERT INTO punches (tenant_id, device_serial, pin, punch_time, nip, status, verify, source)
SELECT $1, $2, i.pin, to_timestamp(0) + i.us * interval '1 microsecond',
       coalesce(own.nip, shared.nip), i.status, i.verify, $7
FROM unnest($3::text[], $4::bigint[], $5::smallint[], $6::smallint[]) AS i(pin, us, status, verify)
LEFT JOIN pin_mappings own
  ON own.tenant_id = $1 AND own.device_serial = $2 AND own.pin = i.pin
LEFT JOIN pin_mappings shared
  ON shared.tenant_id = $1 AND shared.device_serial = '' AND shared.pin = i.pin
ON CONFLICT DO NOTHING
RETURNING coalesce(nip, '') AS nip,
          (extract(epoch FROM punch_time) * 1000000)::bigint AS punch_us

-- name: insert_quarantined
INSERT INTO quarantined_punches (tenant_id, device_serial, pin, punch_time, reason, source)
SELECT $1, $2, i.pin, to_timestamp(0) + i.us * interval '1 microsecond', i.reason, $6
FROM unnest($3::text[], $4::bigint[], $5::text[]) AS i(pin, us, reason)
ON CONFLICT DO NOTHING
RETURNING 1 AS inserted

-- name: assign_unknown_punches
-- $2 '' : every device of the tenant without its own mapping of the PIN.
UPDATE punches p SET nip = $4
FROM devices d
WHERE p.tenant_id = $1 AND p.pin = $3 AND p.nip IS NULL
  AND d.tenant_id = p.tenant_id AND d.serial_number = p.device_serial
  AND (($2 <> '' AND p.device_serial = $2)
       OR ($2 = '' AND NOT EXISTS (SELECT 1 FROM pin_mappings m
                                   WHERE m.tenant_id = p.tenant_id
                                     AND m.device_serial = p.device_serial AND m.pin = p.pin)))
RETURNING (p.punch_time AT TIME ZONE d.time_zone)::date::text AS day

-- Templates, assignments and holidays are read with the calendar store's statements.
-- name: load_roster
SELECT nip, day::text AS day, start_minute, end_minute
FROM roster_days
WHERE tenant_id = $1 AND nip = ANY($2::text[]) AND day BETWEEN $3::date AND $4::date

-- Approved absences and corrections, in the columns of queries_requests.sql.
-- name: load_approved_absences
SELECT id, nip, kind, start_date::text AS start_date, end_date::text AS end_date, reason,
       evidence_uri, state, created_by, decided_by, decision_note,
       coalesce((extract(epoch FROM decide_time) * 1000000)::bigint, 0) AS decide_us,
       (extract(epoch FROM create_time) * 1000000)::bigint AS create_us
FROM absences
WHERE tenant_id = $1 AND nip = ANY($2::text[]) AND state = 'APPROVED'
  AND start_date <= $4::date AND end_date >= $3::date
ORDER BY id

-- name: load_approved_corrections
SELECT id, nip, day::text AS day, check_in_minute, check_out_minute, time_zone, reason,
       evidence_uri, state, created_by, decided_by, decision_note,
       coalesce((extract(epoch FROM decide_time) * 1000000)::bigint, 0) AS decide_us,
       (extract(epoch FROM create_time) * 1000000)::bigint AS create_us
FROM corrections
WHERE tenant_id = $1 AND nip = ANY($2::text[]) AND state = 'APPROVED'
  AND day BETWEEN $3::date AND $4::date
ORDER BY id

-- name: load_punches
SELECT p.nip, (extract(epoch FROM p.punch_time) * 1000000)::bigint AS punch_us, d.time_zone
FROM punches p
JOIN devices d ON d.tenant_id = p.tenant_id AND d.serial_number = p.device_serial
WHERE p.tenant_id = $1 AND p.nip = ANY($2::text[])
  AND p.punch_time >= to_timestamp(0) + $3::bigint * interval '1 microsecond'
  AND p.punch_time < to_timestamp(0) + $4::bigint * interval '1 microsecond'
ORDER BY p.nip, p.punch_time

-- name: lock_nip_buckets
-- Serialises recomputes of the same employees (buckets sorted, so no two recomputes deadlock).
SELECT pg_advisory_xact_lock(4254, b) AS locked
FROM (SELECT b FROM unnest($1::int[]) AS b ORDER BY b) AS sorted

-- name: mark_dirty
INSERT INTO dirty_days (tenant_id, nip, day)
SELECT $1, k.nip, k.day FROM unnest($2::text[], $3::date[]) AS k(nip, day)
ON CONFLICT DO NOTHING

-- name: mark_dirty_range
INSERT INTO dirty_days (tenant_id, nip, day)
SELECT $1, n, d::date
FROM unnest($2::text[]) AS n, generate_series($3::date, $4::date, interval '1 day') AS d
ON CONFLICT DO NOTHING

-- name: mark_dirty_stored
INSERT INTO dirty_days (tenant_id, nip, day)
SELECT tenant_id, nip, day FROM day_summaries
WHERE tenant_id = $1 AND day BETWEEN $2::date AND $3::date
ON CONFLICT DO NOTHING

-- Of the NIPs $2 over [$3, $4], the days without a summary or dirty. Shaped for the planner
-- (issue 13, docs/benchmarks.md): the days are an integer series (a date series is guessed at
-- 1,000 rows, which costed 500 NIPs x 1 day at ~6 million and JIT-compiled every chunk of
-- StreamDaySummaries, 0.3 s for 2 ms of work), and the stored keys are read with one index
-- scan of the range and subtracted, not probed one employee-day at a time.
-- name: stale_keys
SELECT nip, day::text AS day
FROM ((SELECT n AS nip, $3::date + i AS day
       FROM unnest($2::text[]) AS n, generate_series(0, $4::date - $3::date) AS i
       EXCEPT
       SELECT nip, day FROM day_summaries
       WHERE tenant_id = $1 AND nip = ANY ($2::text[]) AND day BETWEEN $3::date AND $4::date)
      UNION
      SELECT nip, day FROM dirty_days
      WHERE tenant_id = $1 AND nip = ANY ($2::text[]) AND day BETWEEN $3::date AND $4::date) k
ORDER BY nip, day

-- name: upsert_summaries
INSERT INTO day_summaries (tenant_id, nip, day, status, scheduled_start, scheduled_end,
                           first_in_time, first_in_local, last_out_time, last_out_local,
                           minutes_late, minutes_early, tl_tier, psw_tier, absence_id,
                           absence_kind, correction_id, checked_in, compute_time)
SELECT $1, r.nip, r.day, r.status, r.s_start, r.s_end,
       to_timestamp(0) + r.in_us * interval '1 microsecond', r.in_local,
       to_timestamp(0) + r.out_us * interval '1 microsecond', r.out_local,
       r.late, r.early, r.tl, r.psw, r.absence_id, r.absence_kind, r.correction_id, r.checked_in,
       now()
FROM unnest($2::text[], $3::date[], $4::text[], $5::int[], $6::int[], $7::bigint[],
            $8::timestamp[], $9::bigint[], $10::timestamp[], $11::int[], $12::int[],
            $13::smallint[], $14::smallint[], $15::bigint[], $16::text[], $17::bigint[],
            $18::boolean[])
  AS r(nip, day, status, s_start, s_end, in_us, in_local, out_us, out_local, late, early, tl,
       psw, absence_id, absence_kind, correction_id, checked_in)
ON CONFLICT (tenant_id, nip, day) DO UPDATE
SET status = EXCLUDED.status, scheduled_start = EXCLUDED.scheduled_start,
    scheduled_end = EXCLUDED.scheduled_end, first_in_time = EXCLUDED.first_in_time,
    first_in_local = EXCLUDED.first_in_local, last_out_time = EXCLUDED.last_out_time,
    last_out_local = EXCLUDED.last_out_local, minutes_late = EXCLUDED.minutes_late,
    minutes_early = EXCLUDED.minutes_early, tl_tier = EXCLUDED.tl_tier,
    psw_tier = EXCLUDED.psw_tier, absence_id = EXCLUDED.absence_id,
    absence_kind = EXCLUDED.absence_kind, correction_id = EXCLUDED.correction_id,
    checked_in = EXCLUDED.checked_in, compute_time = now()

-- name: clear_dirty
DELETE FROM dirty_days x
USING unnest($2::text[], $3::date[]) AS k(nip, day)
WHERE x.tenant_id = $1 AND x.nip = k.nip AND x.day = k.day

-- name: read_summaries
SELECT nip, day::text AS day, status, scheduled_start, scheduled_end,
       coalesce((extract(epoch FROM first_in_time) * 1000000)::bigint, 0) AS first_in_us,
       coalesce(to_char(first_in_local, 'YYYY-MM-DD HH24:MI:SS'), '') AS first_in_local,
       coalesce((extract(epoch FROM last_out_time) * 1000000)::bigint, 0) AS last_out_us,
       coalesce(to_char(last_out_local, 'YYYY-MM-DD HH24:MI:SS'), '') AS last_out_local,
       minutes_late, minutes_early, tl_tier, psw_tier, coalesce(absence_id, 0) AS absence_id,
       coalesce(absence_kind, '') AS absence_kind, coalesce(correction_id, 0) AS correction_id,
       checked_in, (extract(epoch FROM compute_time) * 1000000)::bigint AS compute_us
FROM day_summaries
WHERE tenant_id = $1 AND nip = ANY($2::text[]) AND day BETWEEN $3::date AND $4::date
ORDER BY nip, day

-- name: month_lock_get
SELECT year, month, locked, reference, locked_by,
       (extract(epoch FROM update_time) * 1000000)::bigint AS update_time
FROM month_locks WHERE tenant_id = $1 AND year = $2 AND month = $3

-- name: month_lock_set
INSERT INTO month_locks (tenant_id, year, month, locked, reference, locked_by)
VALUES ($1, $2, $3, $4, $5, $6)
ON CONFLICT (tenant_id, year, month) DO UPDATE SET locked = EXCLUDED.locked,
  reference = EXCLUDED.reference, locked_by = EXCLUDED.locked_by, update_time = now()

-- The locked months touching [$2, $3], as their first day.
-- name: locked_months
SELECT make_date(year, month, 1)::text AS first_day, reference FROM month_locks
WHERE tenant_id = $1 AND locked
  AND make_date(year, month, 1) BETWEEN date_trunc('month', $2::date)::date AND $3::date
ORDER BY year, month

-- Of the NIPs $2 over [$3, $4], the stored summaries of locked months: a recompute leaves them.
-- name: frozen_keys
SELECT s.nip, s.day::text AS day
FROM day_summaries s
JOIN month_locks m ON m.tenant_id = s.tenant_id AND m.locked
  AND m.year = extract(year FROM s.day)::int AND m.month = extract(month FROM s.day)::int
WHERE s.tenant_id = $1 AND s.nip = ANY ($2::text[]) AND s.day BETWEEN $3::date AND $4::date
ORDER BY s.nip, s.day
