-- 360° feedback requests and answers.

-- name: f360_insert
INSERT INTO feedback360 (tenant_id, skp_id, period, rated_nip, rater_nip, rater_group,
                         requested_by)
SELECT $1, $2, $3, $4, r.nip, r.grp, $7
FROM unnest($5::text[], $6::text[]) AS r(nip, grp)
ON CONFLICT (tenant_id, skp_id, period, rater_nip) DO NOTHING

-- name: f360_of_skp
SELECT f.id, f.skp_id, f.rated_nip, f.period, f.rater_nip, f.rater_group, s.model,
       coalesce(array_to_string(f.answer, ','), '') AS answer,
       coalesce(array_to_string(f.comments, chr(31), ''), '') AS comments,
       (extract(epoch FROM f.create_time) * 1000000)::bigint AS create_time,
       coalesce((extract(epoch FROM f.answer_time) * 1000000)::bigint, 0) AS answer_time
FROM feedback360 f JOIN skps s ON s.tenant_id = f.tenant_id AND s.id = f.skp_id
WHERE f.tenant_id = $1 AND f.skp_id = $2 AND f.period = $3
ORDER BY f.id

-- name: f360_of_rater
SELECT f.id, f.skp_id, f.rated_nip, f.period, f.rater_nip, f.rater_group, s.model,
       coalesce(array_to_string(f.answer, ','), '') AS answer,
       coalesce(array_to_string(f.comments, chr(31), ''), '') AS comments,
       (extract(epoch FROM f.create_time) * 1000000)::bigint AS create_time,
       coalesce((extract(epoch FROM f.answer_time) * 1000000)::bigint, 0) AS answer_time
FROM feedback360 f JOIN skps s ON s.tenant_id = f.tenant_id AND s.id = f.skp_id
WHERE f.tenant_id = $1 AND f.rater_nip = $2
ORDER BY f.answer_time IS NOT NULL, f.id

-- name: f360_get_for_update
SELECT f.id, f.skp_id, f.rated_nip, f.period, f.rater_nip, f.rater_group, s.model,
       coalesce(array_to_string(f.answer, ','), '') AS answer,
       coalesce(array_to_string(f.comments, chr(31), ''), '') AS comments,
       (extract(epoch FROM f.create_time) * 1000000)::bigint AS create_time,
       coalesce((extract(epoch FROM f.answer_time) * 1000000)::bigint, 0) AS answer_time
FROM feedback360 f JOIN skps s ON s.tenant_id = f.tenant_id AND s.id = f.skp_id
WHERE f.tenant_id = $1 AND f.id = $2
FOR UPDATE OF f

-- name: f360_answer
UPDATE feedback360 SET answer = $3::int[], comments = $4::text[], answer_time = now()
WHERE tenant_id = $1 AND id = $2
