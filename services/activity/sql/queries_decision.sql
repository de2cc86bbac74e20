-- Verification (issue 11 item 3): decisions on entries, kept on the entry (the last) and in
-- `decisions` (every one), and the verifiers' queues. Instants travel as Unix microseconds.

-- name: entry_decide
UPDATE entries SET status = $3, decided_by_nip = $4, decision_reason = $5,
       decide_time = to_timestamp(0) + $6::bigint * interval '1 microsecond', update_time = now()
WHERE tenant_id = $1 AND id = $2

-- name: decision_insert
INSERT INTO decisions (tenant_id, entry_id, decision, reason, decided_by, acting, decide_time)
VALUES ($1, $2, $3, $4, $5, $6, to_timestamp(0) + $7::bigint * interval '1 microsecond')

-- name: pending_page
-- The ids of verifier $2's queue after the keyset ($4 submit micros, $5 id; 0, 0: from the
-- start), of employee $3 only when not '': a range of the partial index entries_pending, in order.
SELECT id, (extract(epoch FROM submit_time) * 1000000)::bigint AS submit_time
FROM entries
WHERE tenant_id = $1 AND verifier_nip = $2 AND status = 'SUBMITTED' AND ($3 = '' OR nip = $3)
  AND (submit_time, id) > (to_timestamp(0) + $4::bigint * interval '1 microsecond', $5::bigint)
ORDER BY entries.submit_time, entries.id
LIMIT $6

-- name: pending_counts
-- Verifier $2's whole queue per employee: most entries first, then NIP.
SELECT nip, count(*) AS entries,
       (extract(epoch FROM min(submit_time)) * 1000000)::bigint AS oldest_submit_time
FROM entries
WHERE tenant_id = $1 AND verifier_nip = $2 AND status = 'SUBMITTED'
GROUP BY nip
ORDER BY count(*) DESC, nip

-- name: pending_by_verifier
-- Every verifier's queue (SUBMITTED) of the tenant, counting only the entries submitted before $2
-- (Unix micros): how many, and the oldest submission, by verifier NIP ('' first: the top of the
-- tree's, which the tenant admin verifies) (StreamPendingApprovals; the partial index
-- entries_pending).
SELECT verifier_nip, count(*)::int AS pending,
       (extract(epoch FROM min(submit_time)) * 1000000)::bigint AS oldest_submit_time
FROM entries
WHERE tenant_id = $1 AND status = 'SUBMITTED'
  AND submit_time < to_timestamp(0) + $2::bigint * interval '1 microsecond'
GROUP BY verifier_nip
ORDER BY verifier_nip
