-- Plans in force read in batches by other services (the activity service's maturity levels).

-- name: approved_in_force_stream
-- The SKPs approved and in force on $2 of the tenant (of the NIPs $4 only when $3 <> ''), with
-- whether the tenant admin approved them as the top of the tree (the penilai snapshot's acting).
SELECT s.id, s.nip, s.approved_revision,
       coalesce(r.penilai_snapshot[8], '') = 'ADMIN' AS top_of_tree
FROM skps s
JOIN revisions r
  ON r.tenant_id = s.tenant_id AND r.skp_id = s.id AND r.revision = s.approved_revision
WHERE s.tenant_id = $1 AND s.start_date <= $2::date AND s.end_date >= $2::date
  AND s.approved_revision > 0 AND ($3 = '' OR s.nip = ANY($4::text[]))
ORDER BY s.nip, s.start_date
