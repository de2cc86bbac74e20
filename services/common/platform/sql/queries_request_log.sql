-- Named statements every service with the tables request_keys and audit_log shares (their shape
-- is the same in each such schema): request_log.h. A service adds them to its own with
-- db::WithRequestLog.

-- name: request_key_find
SELECT result FROM request_keys
WHERE tenant_id = $1 AND caller = $2 AND rpc = $3 AND request_id = $4

-- name: request_key_insert
INSERT INTO request_keys (tenant_id, caller, rpc, request_id, result)
VALUES ($1, $2, $3, $4, $5)
ON CONFLICT DO NOTHING
RETURNING result

-- name: audit_log_insert
INSERT INTO audit_log (tenant_id, actor, action, target, detail) VALUES ($1, $2, $3, $4, $5)
