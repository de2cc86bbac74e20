-- The norma waktu catalogue: items by code, each version from its effective_from.

-- name: catalogue_item_for
-- The version in force on $3 of item $2, when it is for position $4 or position kind $5.
SELECT code, effective_from::text AS effective_from, position_code, position_kind, name,
       output_unit, minutes_per_unit,
       (extract(epoch FROM create_time) * 1000000)::bigint AS create_time
FROM (
  SELECT DISTINCT ON (code) * FROM catalogue_items
  WHERE tenant_id = $1 AND code = $2 AND effective_from <= $3::date
  ORDER BY code, effective_from DESC
) latest
WHERE (position_code <> '' AND position_code = $4) OR (position_kind <> '' AND position_kind = $5)
