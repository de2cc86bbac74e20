-- Named statements of the SKP service (db.h: one `-- name:` each; generated skp::sql constants).
-- Instants are read as Unix microseconds and dates as text (db_fields.h).

-- name: rules_in_force
SELECT effective_from::text AS effective_from, version, model, skp_weight, perilaku_weight,
       period_kind, submission_gate, sanctions_include_kurang,
       array_to_string(feedback_weights, ',') AS feedback_weights,
       (extract(epoch FROM create_time) * 1000000)::bigint AS create_time
FROM rules WHERE tenant_id = $1 AND effective_from <= $2::date
ORDER BY effective_from DESC LIMIT 1

-- name: rules_list
SELECT effective_from::text AS effective_from, version, model, skp_weight, perilaku_weight,
       period_kind, submission_gate, sanctions_include_kurang,
       array_to_string(feedback_weights, ',') AS feedback_weights,
       (extract(epoch FROM create_time) * 1000000)::bigint AS create_time
FROM rules WHERE tenant_id = $1 ORDER BY effective_from DESC

-- name: rules_lock
SELECT pg_advisory_xact_lock(hashtextextended('skp.rules/' || $1, 0)) AS locked

-- name: rules_insert
INSERT INTO rules (tenant_id, effective_from, version, model, skp_weight, perilaku_weight,
                   period_kind, submission_gate, sanctions_include_kurang, feedback_weights,
                   created_by)
SELECT $1, $2::date, coalesce(max(version), 0) + 1, $3, $4, $5, $6, $7, $8, $9::int[], $10
FROM rules WHERE tenant_id = $1
RETURNING version, (extract(epoch FROM create_time) * 1000000)::bigint AS create_time

-- name: skp_lock_employee
SELECT pg_advisory_xact_lock(hashtextextended('skp.employee/' || $1 || '/' || $2, 0)) AS locked

-- name: skp_overlapping
SELECT id FROM skps
WHERE tenant_id = $1 AND nip = $2 AND start_date <= $4::date AND end_date >= $3::date
LIMIT 1

-- name: skp_insert
INSERT INTO skps (tenant_id, nip, year, start_date, end_date, position_code, org_unit_code, model)
VALUES ($1, $2, $3, $4::date, $5::date, $6, $7, $8)
RETURNING id

-- name: skp_get
SELECT id, nip, year, start_date::text AS start_date, end_date::text AS end_date, position_code,
       org_unit_code, model, latest_revision, approved_revision,
       (extract(epoch FROM create_time) * 1000000)::bigint AS create_time
FROM skps WHERE tenant_id = $1 AND id = $2

-- name: skp_get_for_update
SELECT id, nip, year, start_date::text AS start_date, end_date::text AS end_date, position_code,
       org_unit_code, model, latest_revision, approved_revision,
       (extract(epoch FROM create_time) * 1000000)::bigint AS create_time
FROM skps WHERE tenant_id = $1 AND id = $2 FOR UPDATE

-- name: skp_list_by_nip
SELECT id, nip, year, start_date::text AS start_date, end_date::text AS end_date, position_code,
       org_unit_code, model, latest_revision, approved_revision,
       (extract(epoch FROM create_time) * 1000000)::bigint AS create_time
FROM skps WHERE tenant_id = $1 AND nip = $2 AND ($3 = 0 OR year = $3)
ORDER BY year DESC, start_date DESC

-- name: skp_set_revisions
UPDATE skps SET latest_revision = $3, approved_revision = $4 WHERE tenant_id = $1 AND id = $2

-- name: skp_approved_in_year
SELECT id FROM skps WHERE tenant_id = $1 AND nip = $2 AND year = $3 AND approved_revision > 0
LIMIT 1

-- name: skp_in_force_on
SELECT id, nip, year, start_date::text AS start_date, end_date::text AS end_date, position_code,
       org_unit_code, model, latest_revision, approved_revision,
       (extract(epoch FROM create_time) * 1000000)::bigint AS create_time
FROM skps
WHERE tenant_id = $1 AND nip = $2 AND start_date <= $3::date AND end_date >= $3::date
  AND approved_revision > 0

-- name: rev_insert
INSERT INTO revisions (tenant_id, skp_id, revision, status) VALUES ($1, $2, $3, 'DRAFT')

-- name: rev_get
SELECT revision, status, pending_approver, decided_by, rejection_reason,
       coalesce(array_to_string(employee_snapshot, chr(31), ''), '') AS employee_snapshot,
       coalesce(array_to_string(penilai_snapshot, chr(31), ''), '') AS penilai_snapshot,
       coalesce(array_to_string(perilaku_expectations, chr(31), ''), '') AS perilaku_expectations,
       (extract(epoch FROM create_time) * 1000000)::bigint AS create_time,
       (extract(epoch FROM update_time) * 1000000)::bigint AS update_time,
       coalesce((extract(epoch FROM submit_time) * 1000000)::bigint, 0) AS submit_time,
       coalesce((extract(epoch FROM decide_time) * 1000000)::bigint, 0) AS decide_time
FROM revisions WHERE tenant_id = $1 AND skp_id = $2 AND revision = $3

-- name: rev_list
SELECT revision, status, pending_approver, decided_by, rejection_reason,
       coalesce(array_to_string(employee_snapshot, chr(31), ''), '') AS employee_snapshot,
       coalesce(array_to_string(penilai_snapshot, chr(31), ''), '') AS penilai_snapshot,
       coalesce(array_to_string(perilaku_expectations, chr(31), ''), '') AS perilaku_expectations,
       (extract(epoch FROM create_time) * 1000000)::bigint AS create_time,
       (extract(epoch FROM update_time) * 1000000)::bigint AS update_time,
       coalesce((extract(epoch FROM submit_time) * 1000000)::bigint, 0) AS submit_time,
       coalesce((extract(epoch FROM decide_time) * 1000000)::bigint, 0) AS decide_time
FROM revisions WHERE tenant_id = $1 AND skp_id = $2 ORDER BY revision

-- name: rev_submit
UPDATE revisions SET status = 'SUBMITTED', pending_approver = $4, submit_time = now(),
       update_time = now(), rejection_reason = '', decided_by = '', decide_time = NULL
WHERE tenant_id = $1 AND skp_id = $2 AND revision = $3

-- name: rev_withdraw
UPDATE revisions SET status = 'DRAFT', pending_approver = '', update_time = now()
WHERE tenant_id = $1 AND skp_id = $2 AND revision = $3

-- name: rev_approve
UPDATE revisions SET status = 'APPROVED', pending_approver = '', decided_by = $4,
       decide_time = now(), update_time = now(), employee_snapshot = $5::text[],
       penilai_snapshot = $6::text[], perilaku_expectations = $7::text[]
WHERE tenant_id = $1 AND skp_id = $2 AND revision = $3

-- name: rev_reject
UPDATE revisions SET status = 'REJECTED', pending_approver = '', decided_by = $4,
       decide_time = now(), update_time = now(), rejection_reason = $5
WHERE tenant_id = $1 AND skp_id = $2 AND revision = $3

-- name: rev_touch
UPDATE revisions SET update_time = now() WHERE tenant_id = $1 AND skp_id = $2 AND revision = $3

-- name: rev_pending
SELECT s.id, s.nip, s.year, s.start_date::text AS start_date, s.end_date::text AS end_date,
       s.position_code, s.org_unit_code, s.model, s.latest_revision, s.approved_revision,
       (extract(epoch FROM s.create_time) * 1000000)::bigint AS create_time,
       (extract(epoch FROM r.submit_time) * 1000000)::bigint AS submit_time
FROM revisions r JOIN skps s ON s.tenant_id = r.tenant_id AND s.id = r.skp_id
WHERE r.tenant_id = $1 AND r.pending_approver = $2 AND r.status = 'SUBMITTED'
  AND (r.submit_time, s.id) > (to_timestamp($3::bigint / 1000000.0), $4::bigint)
ORDER BY r.submit_time, s.id
LIMIT $5

-- name: plan_next_ids
SELECT nextval('plan_ids') AS id FROM generate_series(1, $1::int)

-- name: plan_known_ids
SELECT rhk_id AS id, 'RHK' AS kind FROM rhks WHERE tenant_id = $1 AND skp_id = $2
UNION
SELECT iki_id AS id, 'IKI' AS kind FROM ikis WHERE tenant_id = $1 AND skp_id = $2

-- name: plan_delete_ikis
DELETE FROM ikis WHERE tenant_id = $1 AND skp_id = $2 AND revision = $3

-- name: plan_delete_rhks
DELETE FROM rhks WHERE tenant_id = $1 AND skp_id = $2 AND revision = $3

-- name: plan_insert_rhks
INSERT INTO rhks (tenant_id, skp_id, revision, rhk_id, ord, kind, description, parent_rhk_id)
SELECT $1, $2, $3, r.id, r.ord, r.kind, r.description, nullif(r.parent, 0)
FROM unnest($4::bigint[], $5::text[], $6::text[], $7::bigint[])
     WITH ORDINALITY AS r(id, kind, description, parent, ord)

-- name: plan_insert_ikis
INSERT INTO ikis (tenant_id, skp_id, revision, iki_id, rhk_id, ord, description, quantity, unit,
                  quality, months, cost_idr, breakdown_kind, breakdown)
SELECT $1, $2, $3, i.id, i.rhk, i.ord, i.description, i.quantity, i.unit, i.quality, i.months,
       i.cost, i.bkind, string_to_array(i.breakdown, ',')::bigint[]
FROM unnest($4::bigint[], $5::bigint[], $6::text[], $7::bigint[], $8::text[], $9::int[],
            $10::int[], $11::bigint[], $12::text[], $13::text[])
     WITH ORDINALITY AS i(id, rhk, description, quantity, unit, quality, months, cost, bkind,
                          breakdown, ord)

-- name: plan_rhks
SELECT rhk_id, kind, description, coalesce(parent_rhk_id, 0) AS parent_rhk_id, expectation
FROM rhks WHERE tenant_id = $1 AND skp_id = $2 AND revision = $3 ORDER BY ord

-- name: plan_ikis
SELECT iki_id, rhk_id, description, quantity, unit, quality, months, cost_idr, breakdown_kind,
       array_to_string(breakdown, ',') AS breakdown
FROM ikis WHERE tenant_id = $1 AND skp_id = $2 AND revision = $3 ORDER BY ord

-- name: plan_copy_rhks
INSERT INTO rhks (tenant_id, skp_id, revision, rhk_id, ord, kind, description, parent_rhk_id,
                  expectation)
SELECT tenant_id, skp_id, $4, rhk_id, ord, kind, description, parent_rhk_id, ''
FROM rhks WHERE tenant_id = $1 AND skp_id = $2 AND revision = $3

-- name: plan_copy_ikis
INSERT INTO ikis (tenant_id, skp_id, revision, iki_id, rhk_id, ord, description, quantity, unit,
                  quality, months, cost_idr, breakdown_kind, breakdown)
SELECT tenant_id, skp_id, $4, iki_id, rhk_id, ord, description, quantity, unit, quality, months,
       cost_idr, breakdown_kind, breakdown
FROM ikis WHERE tenant_id = $1 AND skp_id = $2 AND revision = $3

-- name: plan_set_expectations
UPDATE rhks SET expectation = e.text
FROM unnest($4::bigint[], $5::text[]) AS e(id, text)
WHERE rhks.tenant_id = $1 AND rhks.skp_id = $2 AND rhks.revision = $3 AND rhks.rhk_id = e.id

-- The RHKs of `nip`'s SKPs of `year` approved and in force, among the ids asked.
-- name: rhk_of_approved
SELECT r.rhk_id
FROM skps s JOIN rhks r
  ON r.tenant_id = s.tenant_id AND r.skp_id = s.id AND r.revision = s.approved_revision
WHERE s.tenant_id = $1 AND s.nip = $2 AND s.year = $3 AND r.rhk_id = ANY($4::bigint[])

-- Approved RHKs of the year owned by the NIPs asked, those that intervene them, and those they
-- intervene; `penilai` is the owner's pejabat penilai at approval.
-- name: cascade_rhks
WITH approved AS (
  SELECT s.nip, s.id AS skp_id, r.rhk_id, r.kind, r.description,
         coalesce(r.parent_rhk_id, 0) AS parent_rhk_id,
         coalesce(v.penilai_snapshot[1], '') AS penilai
  FROM skps s
  JOIN rhks r ON r.tenant_id = s.tenant_id AND r.skp_id = s.id AND r.revision = s.approved_revision
  JOIN revisions v ON v.tenant_id = s.tenant_id AND v.skp_id = s.id AND v.revision = s.approved_revision
  WHERE s.tenant_id = $1 AND s.year = $2
), mine AS (
  SELECT * FROM approved WHERE nip = ANY($3::text[])
)
SELECT * FROM mine
UNION
SELECT a.* FROM approved a WHERE a.parent_rhk_id IN (SELECT rhk_id FROM mine)
UNION
SELECT a.* FROM approved a WHERE a.rhk_id IN (SELECT parent_rhk_id FROM mine)
UNION
SELECT a.* FROM approved a WHERE a.penilai = ANY($3::text[])

-- name: status_stream
SELECT s.nip, s.id AS skp_id, r.status, s.approved_revision,
       coalesce((SELECT (extract(epoch FROM min(x.submit_time)) * 1000000)::bigint
                 FROM revisions x WHERE x.tenant_id = s.tenant_id AND x.skp_id = s.id), 0)
         AS first_submit_time,
       coalesce((SELECT (extract(epoch FROM min(x.decide_time)) * 1000000)::bigint
                 FROM revisions x WHERE x.tenant_id = s.tenant_id AND x.skp_id = s.id
                   AND x.status = 'APPROVED'), 0) AS first_approve_time
FROM skps s
JOIN revisions r ON r.tenant_id = s.tenant_id AND r.skp_id = s.id AND r.revision = s.latest_revision
WHERE s.tenant_id = $1 AND s.year = $2 AND ($3 = '' OR s.nip = ANY($4::text[]))
ORDER BY s.nip, s.start_date

-- The SKPs of every tenant by the status of their latest revision (the ekinerja_skp_skps gauge).
-- name: status_counts
SELECT r.status, count(*) AS skps
FROM skps s
JOIN revisions r ON r.tenant_id = s.tenant_id AND r.skp_id = s.id AND r.revision = s.latest_revision
GROUP BY r.status
