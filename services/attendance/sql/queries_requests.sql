-- Named statements of the request store (store/request_store.cc): absences and corrections.
-- Every statement filters by tenant_id ($1). Instants are read as Unix microseconds (0 for NULL),
-- dates as 'YYYY-MM-DD' text; optional filters arrive as '' (NULLIF).

-- name: req_lock_employee
SELECT pg_advisory_xact_lock(hashtextextended('attendance.requests/' || $1 || '/' || $2, 0))
       AS locked

-- name: req_absence_insert
INSERT INTO absences (tenant_id, nip, kind, start_date, end_date, reason, evidence_uri, state,
                      created_by, decided_by, decide_time, decision_note)
SELECT $1, t.nip, t.kind, t.start_date, t.end_date, t.reason, t.evidence_uri, t.state,
       t.created_by, t.decided_by, CASE WHEN t.state = 'PENDING' THEN NULL ELSE now() END,
       t.decision_note
FROM unnest($2::text[], $3::text[], $4::date[], $5::date[], $6::text[], $7::text[], $8::text[],
            $9::text[], $10::text[], $11::text[])
     WITH ORDINALITY AS t (nip, kind, start_date, end_date, reason, evidence_uri, state,
                           created_by, decided_by, decision_note, n)
ORDER BY t.n
RETURNING id

-- name: req_absence_get
SELECT id, nip, kind, start_date::text AS start_date, end_date::text AS end_date, reason,
       evidence_uri, state, created_by, decided_by, decision_note,
       coalesce((extract(epoch FROM decide_time) * 1000000)::bigint, 0) AS decide_us,
       (extract(epoch FROM create_time) * 1000000)::bigint AS create_us
FROM absences WHERE tenant_id = $1 AND id = $2

-- name: req_absence_list
SELECT id, nip, kind, start_date::text AS start_date, end_date::text AS end_date, reason,
       evidence_uri, state, created_by, decided_by, decision_note,
       coalesce((extract(epoch FROM decide_time) * 1000000)::bigint, 0) AS decide_us,
       (extract(epoch FROM create_time) * 1000000)::bigint AS create_us
FROM absences
WHERE tenant_id = $1 AND ($2 = '' OR nip = $2)
  AND ($3 = '' OR end_date >= $3::date) AND ($4 = '' OR start_date <= $4::date)
  AND ($5 = '' OR state = $5) AND id > $6
ORDER BY id LIMIT $7

-- name: req_absence_overlapping
SELECT id, nip, kind, start_date::text AS start_date, end_date::text AS end_date, reason,
       evidence_uri, state, created_by, decided_by, decision_note,
       coalesce((extract(epoch FROM decide_time) * 1000000)::bigint, 0) AS decide_us,
       (extract(epoch FROM create_time) * 1000000)::bigint AS create_us
FROM absences
WHERE tenant_id = $1 AND nip = ANY ($2::text[]) AND state IN ('PENDING', 'APPROVED')
  AND end_date >= $3::date AND start_date <= $4::date
ORDER BY nip, start_date, id

-- name: req_absence_decide
UPDATE absences SET state = $3, decided_by = $4, decide_time = now(), decision_note = $5
WHERE tenant_id = $1 AND id = $2 AND state = 'PENDING'
RETURNING id

-- name: req_correction_insert
INSERT INTO corrections (tenant_id, nip, day, check_in_minute, check_out_minute, time_zone,
                         reason, evidence_uri, state, created_by, decided_by, decide_time,
                         decision_note)
VALUES ($1, $2, $3::date, NULLIF($4, '')::int, NULLIF($5, '')::int, $6, $7, $8, $9, $10, $11,
        CASE WHEN $9 = 'PENDING' THEN NULL ELSE now() END, $12)
RETURNING id

-- name: req_correction_get
SELECT id, nip, day::text AS day, check_in_minute, check_out_minute, time_zone, reason,
       evidence_uri, state, created_by, decided_by, decision_note,
       coalesce((extract(epoch FROM decide_time) * 1000000)::bigint, 0) AS decide_us,
       (extract(epoch FROM create_time) * 1000000)::bigint AS create_us
FROM corrections WHERE tenant_id = $1 AND id = $2

-- name: req_correction_list
SELECT id, nip, day::text AS day, check_in_minute, check_out_minute, time_zone, reason,
       evidence_uri, state, created_by, decided_by, decision_note,
       coalesce((extract(epoch FROM decide_time) * 1000000)::bigint, 0) AS decide_us,
       (extract(epoch FROM create_time) * 1000000)::bigint AS create_us
FROM corrections
WHERE tenant_id = $1 AND ($2 = '' OR nip = $2)
  AND ($3 = '' OR day >= $3::date) AND ($4 = '' OR day <= $4::date)
  AND ($5 = '' OR state = $5) AND id > $6
ORDER BY id LIMIT $7

-- name: req_correction_pending_on
SELECT id, nip, day::text AS day, check_in_minute, check_out_minute, time_zone, reason,
       evidence_uri, state, created_by, decided_by, decision_note,
       coalesce((extract(epoch FROM decide_time) * 1000000)::bigint, 0) AS decide_us,
       (extract(epoch FROM create_time) * 1000000)::bigint AS create_us
FROM corrections
WHERE tenant_id = $1 AND nip = $2 AND day = $3::date AND state = 'PENDING'
ORDER BY id

-- name: req_correction_decide
UPDATE corrections SET state = $3, decided_by = $4, decide_time = now(), decision_note = $5
WHERE tenant_id = $1 AND id = $2 AND state = 'PENDING'
RETURNING id
