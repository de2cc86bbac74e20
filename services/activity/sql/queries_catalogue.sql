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

-- name: catalogue_insert
-- A new version of item $2 from $3; no row when that version exists already.
INSERT INTO catalogue_items (tenant_id, code, effective_from, position_code, position_kind, name,
                             output_unit, minutes_per_unit, created_by)
VALUES ($1, $2, $3::date, $4, $5, $6, $7, $8, $9)
ON CONFLICT (tenant_id, code, effective_from) DO NOTHING
RETURNING code, effective_from::text AS effective_from, position_code, position_kind, name,
          output_unit, minutes_per_unit,
          (extract(epoch FROM create_time) * 1000000)::bigint AS create_time

-- name: catalogue_versions_on
-- The codes among $2 that already have a version from $3.
SELECT code FROM catalogue_items
WHERE tenant_id = $1 AND code = ANY($2::text[]) AND effective_from = $3::date

-- name: catalogue_list
-- The items in force on $2, by code; only those for position $3 (when not empty) and only those
-- for position kind $4 (when not empty), literally: an item for a kind is not listed under a
-- position code.
SELECT code, effective_from::text AS effective_from, position_code, position_kind, name,
       output_unit, minutes_per_unit,
       (extract(epoch FROM create_time) * 1000000)::bigint AS create_time
FROM (
  SELECT DISTINCT ON (code) * FROM catalogue_items
  WHERE tenant_id = $1 AND effective_from <= $2::date
  ORDER BY code, effective_from DESC
) latest
WHERE ($3 = '' OR position_code = $3) AND ($4 = '' OR position_kind = $4)
ORDER BY code
