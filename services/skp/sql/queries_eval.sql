-- Organisational predikat and evaluations.

-- name: org_perf_upsert
INSERT INTO org_performance (tenant_id, org_unit_code, period, predikat, set_by)
VALUES ($1, $2, $3, $4, $5)
ON CONFLICT (tenant_id, org_unit_code, period) DO UPDATE SET
  predikat = excluded.predikat, set_by = excluded.set_by, set_time = now()
RETURNING (extract(epoch FROM set_time) * 1000000)::bigint AS set_time

-- name: org_perf_get
SELECT predikat FROM org_performance
WHERE tenant_id = $1 AND org_unit_code = $2 AND period = $3

-- The realised aspects of an SKP's IKIs for one period.
-- name: eval_realisations
SELECT iki_id, quantity, quality, months, cost_idr FROM realisations
WHERE tenant_id = $1 AND skp_id = $2 AND period = $3

-- Locks the evaluation row, if any, until the transaction ends.
-- name: eval_get_final
SELECT final FROM evaluations WHERE tenant_id = $1 AND skp_id = $2 AND period = $3 FOR UPDATE

-- name: eval_upsert
INSERT INTO evaluations (tenant_id, skp_id, period, nip, org_unit_code, predikat, result,
                         evaluator_nip, evaluate_time)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, to_timestamp($9::bigint / 1000000.0))
ON CONFLICT (tenant_id, skp_id, period) DO UPDATE SET
  predikat = excluded.predikat, result = excluded.result, evaluator_nip = excluded.evaluator_nip,
  evaluate_time = excluded.evaluate_time, org_unit_code = excluded.org_unit_code
WHERE NOT evaluations.final

-- name: eval_list
SELECT nip, skp_id, result, final FROM evaluations WHERE tenant_id = $1 AND skp_id = $2
ORDER BY period

-- Evaluations of a period in NIP order, after a NIP (keyset pages of a stream); $3 '' for the
-- whole tenant, else only the NIPs of $4.
-- name: eval_stream
SELECT nip, skp_id, result, final FROM evaluations
WHERE tenant_id = $1 AND period = $2 AND ($3 = '' OR nip = ANY($4::text[]))
  AND (nip, skp_id) > ($5, $6::bigint)
ORDER BY nip, skp_id
LIMIT $7

-- How many evaluations of a period of the NIPs $3 have each predikat, by the SKP's model.
-- name: eval_predikat_counts
SELECT e.predikat, s.model, count(*) AS n
FROM evaluations e JOIN skps s ON s.tenant_id = e.tenant_id AND s.id = e.skp_id
WHERE e.tenant_id = $1 AND e.period = $2 AND e.nip = ANY($3::text[])
GROUP BY e.predikat, s.model

-- name: eval_finalize
WITH done AS (
  UPDATE evaluations SET final = true
  WHERE tenant_id = $1 AND period = $2 AND nip = ANY($3::text[]) AND NOT final
  RETURNING 1
)
SELECT count(*) AS finalized FROM done

-- The evaluations of a period with their SKP's model and start (whose rules apply), NIP order;
-- $3 '' for the whole tenant, else only the NIPs of $4.
-- name: eval_with_skp
SELECT e.nip, e.skp_id, e.org_unit_code, e.result, e.final, s.model,
       s.start_date::text AS start_date
FROM evaluations e JOIN skps s ON s.tenant_id = e.tenant_id AND s.id = e.skp_id
WHERE e.tenant_id = $1 AND e.period = $2 AND ($3 = '' OR e.nip = ANY($4::text[]))
ORDER BY e.nip, e.skp_id
