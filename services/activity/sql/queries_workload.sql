-- Beban kerja (DOMAIN §5): approved earned minutes of a tenant's employees over a period.

-- name: workload_minutes
-- Per employee with an APPROVED entry in [$2, $3], the sum of their earned minutes.
SELECT nip, sum(earned_minutes)::bigint AS minutes
FROM entries
WHERE tenant_id = $1 AND work_date BETWEEN $2::date AND $3::date AND status = 'APPROVED'
GROUP BY nip
