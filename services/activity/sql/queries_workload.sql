-- Beban kerja (DOMAIN §5) and maturity levels (DOMAIN §9): what a tenant's employees did over a
-- period, read for all of them at once.

-- name: workload_minutes
-- Per employee with an APPROVED entry in [$2, $3], the sum of their earned minutes.
SELECT nip, sum(earned_minutes)::bigint AS minutes
FROM entries
WHERE tenant_id = $1 AND work_date BETWEEN $2::date AND $3::date AND status = 'APPROVED'
GROUP BY nip

-- name: maturity_entries
-- Every entry of the tenant in [$2, $3]: day, span, status, RHK, whether it names a catalogue item.
SELECT nip, work_date::text AS work_date, end_minute - start_minute AS minutes, status,
       coalesce(rhk_id, 0) AS rhk_id, catalogue_code <> '' AS catalogued
FROM entries
WHERE tenant_id = $1 AND work_date BETWEEN $2::date AND $3::date
ORDER BY nip, work_date, start_minute

-- name: catalogue_positions
-- The positions with a catalogue item (their own, not their kind's) in force on $2.
SELECT DISTINCT position_code
FROM (
  SELECT DISTINCT ON (code) position_code FROM catalogue_items
  WHERE tenant_id = $1 AND effective_from <= $2::date
  ORDER BY code, effective_from DESC
) latest
WHERE position_code <> ''
