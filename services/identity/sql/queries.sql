-- Named statements of the identity store, prepared once per connection (db.h).
-- Every statement on tenant data filters by tenant_id ($1). Instants are read as Unix
-- microseconds; dates as 'YYYY-MM-DD' text; optional text parameters arrive as '' (NULLIF). Every
-- column has a name (an expression its AS), by which the store reads it. The build makes a constant
-- of each name (identity_sql.h: tenant_get is identity::sql::kTenantGet).

-- name: tenant_get
SELECT tenant_id, name, time_zone, (extract(epoch FROM created_at) * 1000000)::bigint AS created_us
FROM tenants WHERE tenant_id = $1

-- The version of the tenant's org (V005; 0 before its first change).
-- name: org_version
SELECT coalesce((SELECT version FROM org_versions WHERE tenant_id = $1), 0) AS version

-- name: tenant_list
SELECT tenant_id, name, time_zone, (extract(epoch FROM created_at) * 1000000)::bigint AS created_us
FROM tenants WHERE tenant_id <> 'platform' AND tenant_id > $1 ORDER BY tenant_id LIMIT $2

-- name: tenant_insert
INSERT INTO tenants (tenant_id, name, time_zone) VALUES ($1, $2, $3)

-- name: tenant_update
UPDATE tenants SET name = $2, time_zone = $3 WHERE tenant_id = $1

-- name: org_unit_get
SELECT u.code, u.name, coalesce(u.parent_code, '') AS parent_code,
       coalesce(h.code, '') AS head_position_code
FROM org_units u
LEFT JOIN positions h ON h.tenant_id = u.tenant_id AND h.org_unit_code = u.code AND h.head_of_unit
WHERE u.tenant_id = $1 AND u.code = $2

-- name: org_unit_list
SELECT u.code, u.name, coalesce(u.parent_code, '') AS parent_code,
       coalesce(h.code, '') AS head_position_code
FROM org_units u
LEFT JOIN positions h ON h.tenant_id = u.tenant_id AND h.org_unit_code = u.code AND h.head_of_unit
WHERE u.tenant_id = $1 AND ($2 = '' OR u.parent_code = $2) AND u.code > $3
ORDER BY u.code LIMIT $4

-- name: org_unit_all
SELECT code, coalesce(parent_code, '') AS parent_code FROM org_units WHERE tenant_id = $1

-- name: org_unit_insert
INSERT INTO org_units (tenant_id, code, name, parent_code) VALUES ($1, $2, $3, NULLIF($4, ''))

-- name: org_unit_update
UPDATE org_units SET name = $3, parent_code = NULLIF($4, '') WHERE tenant_id = $1 AND code = $2

-- name: position_get
SELECT code, name, kind, kelas_jabatan, nilai_jabatan, org_unit_code, head_of_unit
FROM positions WHERE tenant_id = $1 AND code = $2

-- name: position_list
SELECT code, name, kind, kelas_jabatan, nilai_jabatan, org_unit_code, head_of_unit
FROM positions WHERE tenant_id = $1 AND ($2 = '' OR org_unit_code = $2) AND code > $3
ORDER BY code LIMIT $4

-- name: position_all
SELECT code, org_unit_code, head_of_unit FROM positions WHERE tenant_id = $1

-- name: position_insert
INSERT INTO positions (tenant_id, code, name, kind, kelas_jabatan, nilai_jabatan, org_unit_code,
                       head_of_unit)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8)

-- name: position_update
UPDATE positions SET name = $3, kind = $4, kelas_jabatan = $5, nilai_jabatan = $6, head_of_unit = $7
WHERE tenant_id = $1 AND code = $2

-- Employees (NIPs $2, comma-separated) with the definitive position in force on $3, if any; $3 ''
-- is today in the tenant's zone, so that reading an employee today takes this one statement.
-- name: employee_batch_get
WITH d AS (
  SELECT coalesce(NULLIF($3, '')::date, (now() AT TIME ZONE t.time_zone)::date) AS day
  FROM tenants t WHERE t.tenant_id = $1)
SELECT e.nip, e.name, e.golongan, e.status, coalesce(a.position_code, '') AS position_code,
       coalesce(p.org_unit_code, '') AS org_unit_code
FROM d CROSS JOIN employees e
LEFT JOIN LATERAL (
  SELECT position_code FROM assignments a
  WHERE a.tenant_id = e.tenant_id AND a.nip = e.nip AND a.kind = 1
    AND a.start_date <= d.day AND (a.end_date IS NULL OR a.end_date >= d.day)
  ORDER BY a.start_date DESC, a.id DESC LIMIT 1) a ON true
LEFT JOIN positions p ON p.tenant_id = e.tenant_id AND p.code = a.position_code
WHERE e.tenant_id = $1 AND e.nip = ANY (string_to_array($2, ',')::char(18)[])

-- Employees whose definitive position on $2 lies in one of the units $3 (comma list; '' = all),
-- paged by NIP after $5.
-- name: employee_list
SELECT e.nip, e.name, e.golongan, e.status, a.position_code, p.org_unit_code
FROM employees e
JOIN LATERAL (
  SELECT position_code FROM assignments a
  WHERE a.tenant_id = e.tenant_id AND a.nip = e.nip AND a.kind = 1
    AND a.start_date <= $2::date AND (a.end_date IS NULL OR a.end_date >= $2::date)
  ORDER BY a.start_date DESC, a.id DESC LIMIT 1) a ON true
JOIN positions p ON p.tenant_id = e.tenant_id AND p.code = a.position_code
WHERE e.tenant_id = $1
  AND ($3 = '' OR p.org_unit_code = ANY (string_to_array($3, ',')))
  AND (NOT $4 OR e.status = 1)
  AND e.nip > $5
ORDER BY e.nip LIMIT $6

-- The definitive terms overlapping [$2, $3] of the next $6 employees by NIP after $5 who held a
-- definitive position in one of the units $4 (comma list; '' = all) on a day of it: each term of
-- theirs in those units, clipped to the range, by NIP and start (StreamEmployeesOfPeriod).
-- name: employee_period_terms
WITH held AS (
  SELECT a.nip, a.id, a.position_code, p.kelas_jabatan, p.nilai_jabatan, p.org_unit_code,
         greatest(a.start_date, $2::date) AS first_day,
         least(coalesce(a.end_date, $3::date), $3::date) AS last_day
  FROM assignments a
  JOIN positions p ON p.tenant_id = a.tenant_id AND p.code = a.position_code
  WHERE a.tenant_id = $1 AND a.kind = 1
    AND a.start_date <= $3::date AND (a.end_date IS NULL OR a.end_date >= $2::date)
    AND ($4 = '' OR p.org_unit_code = ANY (string_to_array($4, ',')))
    AND a.nip > $5),
picked AS (SELECT DISTINCT nip FROM held ORDER BY nip LIMIT $6)
SELECT e.nip, e.name, e.golongan, e.status, h.position_code, h.kelas_jabatan, h.nilai_jabatan,
       h.org_unit_code, h.first_day::text AS first_day, h.last_day::text AS last_day
FROM picked
JOIN employees e ON e.tenant_id = $1 AND e.nip = picked.nip
JOIN held h ON h.nip = picked.nip
ORDER BY e.nip, h.first_day, h.id

-- name: employee_insert
INSERT INTO employees (tenant_id, nip, name, golongan, status) VALUES ($1, $2, $3, $4, $5)

-- name: employee_upsert
INSERT INTO employees (tenant_id, nip, name, golongan, status) VALUES ($1, $2, $3, $4, $5)
ON CONFLICT (tenant_id, nip) DO UPDATE
  SET name = EXCLUDED.name, golongan = EXCLUDED.golongan, status = EXCLUDED.status, updated_at = now()
RETURNING (xmax = 0) AS inserted

-- The import's rows, all in one statement: NIPs $2, names $3, golongan $4, status $5 (array
-- literals, in step; no NIP twice).
-- name: employee_upsert_many
INSERT INTO employees (tenant_id, nip, name, golongan, status)
SELECT $1, e.nip, e.name, e.golongan, e.status
FROM unnest($2::text[], $3::text[], $4::smallint[], $5::smallint[]) AS e (nip, name, golongan, status)
ON CONFLICT (tenant_id, nip) DO UPDATE
  SET name = EXCLUDED.name, golongan = EXCLUDED.golongan, status = EXCLUDED.status, updated_at = now()

-- name: employee_update
UPDATE employees SET name = $3, golongan = $4, status = $5, updated_at = now()
WHERE tenant_id = $1 AND nip = $2

-- Assignments and overrides touching a date: everything supervisor resolution needs that day.
-- name: assignments_on
SELECT a.id, a.nip, a.position_code, a.kind, a.start_date::text AS start_date,
       coalesce(a.end_date::text, '') AS end_date
FROM assignments a
WHERE a.tenant_id = $1 AND a.start_date <= $2::date AND (a.end_date IS NULL OR a.end_date >= $2::date)

-- name: overrides_on
SELECT id, nip, supervisor_nip, role, start_date::text AS start_date,
       coalesce(end_date::text, '') AS end_date
FROM supervisor_overrides
WHERE tenant_id = $1 AND start_date <= $2::date AND (end_date IS NULL OR end_date >= $2::date)

-- name: assignment_list
SELECT id, nip, position_code, kind, start_date::text AS start_date,
       coalesce(end_date::text, '') AS end_date
FROM assignments WHERE tenant_id = $1 AND nip = $2 ORDER BY start_date, id

-- The assignments of the employees in $2 (a text[] literal).
-- name: assignment_list_many
SELECT id, nip, position_code, kind, start_date::text AS start_date,
       coalesce(end_date::text, '') AS end_date
FROM assignments WHERE tenant_id = $1 AND nip = ANY ($2::char(18)[]) ORDER BY nip, start_date, id

-- name: assignment_get
SELECT id, nip, position_code, kind, start_date::text AS start_date,
       coalesce(end_date::text, '') AS end_date
FROM assignments WHERE tenant_id = $1 AND id = $2

-- name: assignment_insert
INSERT INTO assignments (tenant_id, nip, position_code, kind, start_date, end_date)
VALUES ($1, $2, $3, $4, $5::date, NULLIF($6, '')::date)
RETURNING id

-- Assignments, all in one statement, in this order: NIPs $2, positions $3, kinds $4, starts $5,
-- ends $6 (array literals, in step; NULL end = open).
-- name: assignment_insert_many
INSERT INTO assignments (tenant_id, nip, position_code, kind, start_date, end_date)
SELECT $1, a.nip, a.position_code, a.kind, a.start_date, a.end_date
FROM unnest($2::text[], $3::text[], $4::smallint[], $5::date[], $6::date[])
     WITH ORDINALITY AS a (nip, position_code, kind, start_date, end_date, n)
ORDER BY a.n

-- Definitive assignments of an employee that overlap [$3, $4] ($4 '' = open).
-- name: assignment_definitive_overlaps
SELECT id FROM assignments
WHERE tenant_id = $1 AND nip = $2 AND kind = 1
  AND (end_date IS NULL OR end_date >= $3::date)
  AND (NULLIF($4, '') IS NULL OR start_date <= NULLIF($4, '')::date)
  AND id <> $5

-- name: assignment_set_end
UPDATE assignments SET end_date = NULLIF($3, '')::date WHERE tenant_id = $1 AND id = $2

-- name: override_insert
INSERT INTO supervisor_overrides (tenant_id, nip, supervisor_nip, role, start_date, end_date)
VALUES ($1, $2, $3, $4, $5::date, NULLIF($6, '')::date)
RETURNING id

-- name: user_get
SELECT * FROM user_rows WHERE tenant_id = $1 AND username = $2

-- The user a token's subject names: its username, or the NIP of an employee's login.
-- name: user_by_subject
SELECT * FROM user_rows WHERE tenant_id = $1 AND (username = $2 OR nip_key = $2)
ORDER BY (username = $2) DESC LIMIT 1

-- name: user_list
SELECT * FROM user_rows WHERE tenant_id = $1 AND username > $2 ORDER BY username LIMIT $3

-- Users named in $2 (a text[] literal).
-- name: users_by_username
SELECT * FROM user_rows WHERE tenant_id = $1 AND username = ANY ($2::text[])

-- The logins of the employees whose NIPs are in $2 (a text[] literal).
-- name: users_by_nip
SELECT * FROM user_rows WHERE tenant_id = $1 AND nip_key = ANY ($2::char(18)[])

-- Every enabled account that has no password yet (the import's logins to activate).
-- name: users_without_password
SELECT username, coalesce(nip, '') AS nip, '' AS password_hash,
       array_to_string(roles, ',') AS roles, coalesce(admin_org_unit_code, '') AS admin_org_unit_code, disabled, service_account,
       0 AS locked_until_us, (extract(epoch FROM created_at) * 1000000)::bigint AS created_us
FROM users
WHERE tenant_id = $1 AND password_hash IS NULL AND NOT disabled AND NOT service_account
ORDER BY username

-- $4 '' = no password: the account cannot log in until one is set with a code.
-- name: user_insert
INSERT INTO users (tenant_id, username, nip, password_hash, roles, admin_org_unit_code,
                   service_account)
VALUES ($1, $2, NULLIF($3, ''), NULLIF($4, ''), coalesce(string_to_array(NULLIF($5, ''), ','), '{}'),
        NULLIF($6, ''), $7)

-- Logins without a password (the import's): usernames $2, NIPs $3 (array literals, in step).
-- name: user_insert_logins
INSERT INTO users (tenant_id, username, nip)
SELECT $1, u.username, u.nip FROM unnest($2::text[], $3::text[]) AS u (username, nip)

-- name: user_update
UPDATE users SET roles = coalesce(string_to_array(NULLIF($3, ''), ','), '{}'),
                 admin_org_unit_code = NULLIF($4, ''), disabled = $5, password_hash = NULLIF($6, '')
WHERE tenant_id = $1 AND username = $2

-- name: user_set_password
UPDATE users SET password_hash = $3 WHERE tenant_id = $1 AND username = $2

-- Logins of $2 from $3 held back until (0 when they are not).
-- name: login_blocked_until
SELECT coalesce((extract(epoch FROM blocked_until) * 1000000)::bigint, 0) AS blocked_until_us
FROM login_failures
WHERE tenant_id = $1 AND username = $2 AND source = $3 AND blocked_until > now()

-- A failed login of $2 from $3: counts it (afresh when the last one is older than $4 seconds) and
-- returns the failures in a row.
-- name: login_failure_record
INSERT INTO login_failures AS f (tenant_id, username, source, failures, last_failure)
VALUES ($1, $2, $3, 1, now())
ON CONFLICT (tenant_id, username, source) DO UPDATE
SET failures = CASE WHEN f.last_failure < now() - make_interval(secs => $4) THEN 1
                    ELSE f.failures + 1 END,
    last_failure = now()
RETURNING failures

-- name: login_failure_block
UPDATE login_failures SET blocked_until = now() + make_interval(secs => $4)
WHERE tenant_id = $1 AND username = $2 AND source = $3

-- A good login from $3 forgets that source's failures.
-- name: login_failures_clear_source
DELETE FROM login_failures WHERE tenant_id = $1 AND username = $2 AND source = $3

-- An admin's unlock lifts every hold on the account.
-- name: login_failures_clear_user
DELETE FROM login_failures WHERE tenant_id = $1 AND username = $2

-- name: refresh_insert
INSERT INTO refresh_tokens (tenant_id, token_hash, family_id, username, expires_at)
VALUES ($1, $2, $3, $4, now() + make_interval(secs => $5))

-- Spends a live refresh token; no row when it is unknown, spent, revoked or expired.
-- name: refresh_spend
UPDATE refresh_tokens SET used_at = now()
WHERE tenant_id = $1 AND token_hash = $2 AND used_at IS NULL AND revoked_at IS NULL
  AND expires_at > now()
RETURNING family_id, username

-- name: refresh_family_of
SELECT family_id, username FROM refresh_tokens WHERE tenant_id = $1 AND token_hash = $2

-- name: refresh_revoke_family
UPDATE refresh_tokens SET revoked_at = now()
WHERE tenant_id = $1 AND family_id = $2 AND revoked_at IS NULL

-- Every refresh token of an account (a password changed): how many were live.
-- name: refresh_revoke_user
WITH revoked AS (
  UPDATE refresh_tokens SET revoked_at = now()
  WHERE tenant_id = $1 AND username = $2 AND revoked_at IS NULL
  RETURNING used_at IS NULL AND expires_at > now() AS live)
SELECT count(*) FILTER (WHERE live) AS live_count FROM revoked

-- Activation and reset codes (V003). Issuing voids the unused codes of the accounts in $2 (a
-- text[] literal) first: how many.
-- name: password_codes_void
WITH voided AS (
  UPDATE password_codes SET voided_at = now()
  WHERE tenant_id = $1 AND username = ANY ($2::text[]) AND used_at IS NULL AND voided_at IS NULL
  RETURNING 1)
SELECT count(*) AS voided FROM voided

-- One code per account: usernames $2, hashes $3, purposes $4 (text[] literals, in step), issued
-- by $5, expiring $6 seconds from now; answers when they expire.
-- name: password_codes_insert
WITH inserted AS (
  INSERT INTO password_codes (tenant_id, username, code_hash, purpose, issued_by, expires_at)
  SELECT $1, c.username, c.code_hash, c.purpose, $5, now() + make_interval(secs => $6)
  FROM unnest($2::text[], $3::text[], $4::text[]) AS c (username, code_hash, purpose)
  RETURNING expires_at)
SELECT coalesce((extract(epoch FROM max(expires_at)) * 1000000)::bigint, 0) AS expires_us
FROM inserted

-- name: password_code_get
SELECT id, username, purpose, used_at IS NOT NULL AS used, voided_at IS NOT NULL AS voided,
       expires_at <= now() AS expired
FROM password_codes WHERE tenant_id = $1 AND code_hash = $2

-- Spends a code that is still live; no row when it is not (used, voided or expired meanwhile).
-- name: password_code_spend
UPDATE password_codes SET used_at = now()
WHERE tenant_id = $1 AND id = $2 AND used_at IS NULL AND voided_at IS NULL AND expires_at > now()
RETURNING id

-- Keys still publishable: not retired, or retired less than $1 seconds ago.
-- Sealed keys have kek_id, nonce and sealed_key; keys from before V004 only private_pem.
-- name: signing_keys_live
SELECT kid, coalesce(private_pem, '') AS private_pem, coalesce(kek_id, '') AS kek_id,
       coalesce(nonce, '') AS nonce, coalesce(sealed_key, '') AS sealed_key,
       retired_at IS NULL AS current
FROM signing_keys
WHERE retired_at IS NULL OR retired_at > now() - make_interval(secs => $1)
ORDER BY created_at DESC, kid DESC

-- name: signing_keys_all
SELECT kid, coalesce(private_pem, '') AS private_pem, coalesce(kek_id, '') AS kek_id,
       coalesce(nonce, '') AS nonce, coalesce(sealed_key, '') AS sealed_key,
       retired_at IS NULL AS current
FROM signing_keys ORDER BY created_at DESC, kid DESC

-- name: signing_key_seal
UPDATE signing_keys SET private_pem = NULL, kek_id = $2, nonce = $3, sealed_key = $4
WHERE kid = $1

-- name: signing_key_retire_all
UPDATE signing_keys SET retired_at = now() WHERE retired_at IS NULL

-- name: signing_key_insert
INSERT INTO signing_keys (kid, kek_id, nonce, sealed_key) VALUES ($1, $2, $3, $4)

-- name: signing_key_lock
SELECT pg_advisory_xact_lock(hashtext('ekinerja.identity.signing_keys'))

-- name: audit_insert
INSERT INTO audit_events (tenant_id, actor, action, target, detail, source)
VALUES ($1, $2, $3, $4, $5, $6)

-- Many events in one statement, in this order: actors $2, actions $3, targets $4, details $5,
-- sources $6 (array literals, in step).
-- name: audit_insert_many
INSERT INTO audit_events (tenant_id, actor, action, target, detail, source)
SELECT $1, e.actor, e.action, e.target, e.detail, e.source
FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[])
     WITH ORDINALITY AS e (actor, action, target, detail, source, n)
ORDER BY e.n

-- Newest first; $6 = the last id of the previous page (0 = start).
-- name: audit_list
SELECT id, (extract(epoch FROM at) * 1000000)::bigint AS at_us, actor, action, target, detail,
       source
FROM audit_events
WHERE tenant_id = $1 AND ($2 = '' OR actor = $2) AND ($3 = '' OR action = $3)
  AND ($4 = '' OR target = $4) AND ($6::bigint = 0 OR id < $6::bigint)
ORDER BY id DESC LIMIT $5

-- name: request_id_get
SELECT method, resource FROM request_ids WHERE tenant_id = $1 AND request_id = $2

-- name: request_id_insert
INSERT INTO request_ids (tenant_id, request_id, method, resource) VALUES ($1, $2, $3, $4)
