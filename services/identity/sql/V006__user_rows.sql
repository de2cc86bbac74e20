-- One shape for every read of an account (the store's ToUser): the columns as the store reads
-- them by name, with the login lock from login_failures. Filter on `nip_key` (the column itself,
-- so that users_one_per_nip serves the lookup); read `nip` ('' for an account that is no
-- employee's login).
CREATE VIEW user_rows AS
SELECT tenant_id, username, nip AS nip_key, coalesce(nip, '') AS nip,
       coalesce(password_hash, '') AS password_hash, array_to_string(roles, ',') AS roles,
       coalesce(admin_org_unit_code, '') AS admin_org_unit_code, disabled, service_account,
       coalesce((SELECT (extract(epoch FROM max(f.blocked_until)) * 1000000)::bigint
                 FROM login_failures f
                 WHERE f.tenant_id = users.tenant_id AND f.username = users.username
                   AND f.blocked_until > now()), 0) AS locked_until_us,
       (extract(epoch FROM created_at) * 1000000)::bigint AS created_us
FROM users;
