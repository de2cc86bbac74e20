-- Named statements of the scoring service (db.h: prepared once per connection). Rule sets and
-- sanctions; runs and instruments are in queries_run.sql, request keys and audit are the
-- platform's (request_log.h).

-- name: rules_in_force
SELECT * FROM rule_rows WHERE tenant_id = $1 AND from_date <= $2::date
ORDER BY from_date DESC LIMIT 1

-- name: rules_list
SELECT * FROM rule_rows WHERE tenant_id = $1 ORDER BY from_date DESC

-- name: rules_lock
SELECT pg_advisory_xact_lock(hashtextextended('scoring.rules/' || $1, 0)) AS locked

-- name: rules_insert
INSERT INTO rules (tenant_id, effective_from, version, kelas_ceilings_idr, position_codes,
                   position_ceilings_idr, disiplin_bp, tl_tier_bp, psw_tier_bp, absence_kinds,
                   absence_bp, productivity_model, assessment_di_atas_bp, assessment_sesuai_bp,
                   assessment_di_bawah_bp, missing_report_bp, hukuman_ringan_bp,
                   hukuman_sedang_bp, hukuman_berat_bp, pph21_golongan_bp, bpjs_employee_bp,
                   bpjs_employer_bp, bpjs_base_cap_idr, kotak_medium_from_bp,
                   kotak_high_from_bp, created_by)
SELECT $1, $2::date, coalesce(max(version), 0) + 1, $3::bigint[], $4::text[], $5::bigint[], $6,
       $7::int[], $8::int[], $9::text[], $10::int[], $11, $12, $13, $14, $15, $16, $17, $18,
       $19::int[], $20, $21, $22, $23, $24, $25
FROM rules WHERE tenant_id = $1
RETURNING version, (extract(epoch FROM create_time) * 1000000)::bigint AS create_time

-- name: sanction_insert
INSERT INTO sanctions (tenant_id, nip, level, start_date, end_date, reference, created_by)
VALUES ($1, $2, $3, $4::date, $5::date, $6, $7)
RETURNING id

-- name: sanction_get
SELECT id, nip, level, start_date::text AS start_date, end_date::text AS end_date, reference,
       revoked, revoke_reason, created_by,
       (extract(epoch FROM create_time) * 1000000)::bigint AS create_time
FROM sanctions WHERE tenant_id = $1 AND id = $2

-- name: sanction_list
-- Of one employee ($2) or all ($2 = ''), in force some day of [$3, $4].
SELECT id, nip, level, start_date::text AS start_date, end_date::text AS end_date, reference,
       revoked, revoke_reason, created_by,
       (extract(epoch FROM create_time) * 1000000)::bigint AS create_time
FROM sanctions
WHERE tenant_id = $1 AND ($2 = '' OR nip = $2) AND start_date <= $4::date
  AND end_date >= $3::date
ORDER BY nip, start_date, id

-- name: sanction_revoke
UPDATE sanctions SET revoked = true, revoke_reason = $3
WHERE tenant_id = $1 AND id = $2 AND NOT revoked
RETURNING id
