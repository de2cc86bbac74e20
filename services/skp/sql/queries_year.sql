-- Realisations, evidence, proposals and feedback.

-- name: evidence_insert
INSERT INTO evidence (tenant_id, skp_id, file_name, content_type, size_bytes, sha256, content,
                      created_by)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
RETURNING id

-- name: evidence_get
SELECT id, file_name, content_type, size_bytes, sha256, content
FROM evidence WHERE tenant_id = $1 AND skp_id = $2 AND id = $3

-- name: realisation_upsert
INSERT INTO realisations (tenant_id, skp_id, iki_id, period, quantity, quality, months, cost_idr,
                          note, evidence_link, evidence_id, recorded_by)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, nullif($11::bigint, 0), $12)
ON CONFLICT (tenant_id, skp_id, iki_id, period) DO UPDATE SET
  quantity = excluded.quantity, quality = excluded.quality, months = excluded.months,
  cost_idr = excluded.cost_idr, note = excluded.note, evidence_link = excluded.evidence_link,
  evidence_id = excluded.evidence_id, recorded_by = excluded.recorded_by, record_time = now()

-- The realisations of an SKP (of one period when $3 is not ''), periods in order with the
-- annual one ("2026") last.
-- name: realisation_list
SELECT r.iki_id, r.period, r.quantity, r.quality, r.months, r.cost_idr, r.note, r.evidence_link,
       coalesce(e.id, 0) AS evidence_id, coalesce(e.file_name, '') AS file_name,
       coalesce(e.content_type, '') AS content_type, coalesce(e.size_bytes, 0) AS size_bytes,
       coalesce(e.sha256, '') AS sha256, r.recorded_by,
       (extract(epoch FROM r.record_time) * 1000000)::bigint AS record_time
FROM realisations r
LEFT JOIN evidence e ON e.tenant_id = r.tenant_id AND e.id = r.evidence_id
WHERE r.tenant_id = $1 AND r.skp_id = $2 AND ($3 = '' OR r.period = $3)
ORDER BY length(r.period) = 4, r.period, r.iki_id

-- name: proposal_upsert
INSERT INTO proposals (tenant_id, nip, rhk_id, period, quantity, minutes)
SELECT $1, p.nip, p.rhk, p.period, p.quantity, p.minutes
FROM unnest($2::text[], $3::bigint[], $4::text[], $5::bigint[], $6::bigint[])
     AS p(nip, rhk, period, quantity, minutes)
ON CONFLICT (tenant_id, nip, rhk_id, period) DO UPDATE SET
  quantity = excluded.quantity, minutes = excluded.minutes, propose_time = now()

-- name: proposal_list
SELECT nip, rhk_id, period, quantity, minutes,
       (extract(epoch FROM propose_time) * 1000000)::bigint AS propose_time
FROM proposals WHERE tenant_id = $1 AND nip = $2 AND rhk_id = ANY($3::bigint[])
ORDER BY period, rhk_id

-- name: feedback_insert
INSERT INTO feedback (tenant_id, skp_id, rhk_id, author_nip, body) VALUES ($1, $2, $3, $4, $5)
RETURNING id

-- name: feedback_list
SELECT id, skp_id, rhk_id, author_nip, body,
       (extract(epoch FROM create_time) * 1000000)::bigint AS create_time
FROM feedback WHERE tenant_id = $1 AND skp_id = $2 AND ($3 = 0 OR id = $3) ORDER BY id
