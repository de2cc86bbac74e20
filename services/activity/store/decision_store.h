#pragma once

// Verification in Postgres (issue 11 item 3): a decision written on its entry and appended to
// `decisions`, and the verifiers' queues (entries SUBMITTED by verifier_nip, the partial index
// entries_pending). Transactions are the caller's; the entries are read with activity_store.h.

#include <cstdint>
#include <string>
#include <vector>

#include "absl/time/time.h"
#include "db.h"

namespace ekinerja::activity::store {

struct DecisionRow {
  int64_t entry_id = 0;
  // "APPROVE", "REJECT", "RETURN" (ActionName) and the entry's status after it.
  std::string decision, status;
  std::string reason, decided_by;
  // How the decider holds the position they decide through: "PLT", "PLH", "" (their own).
  std::string acting;
  absl::Time decide_time;
};
// Sets the entry's status and decision and appends the decision to `decisions`.
void Decide(db::Tx& tx, const std::string& tenant, const DecisionRow& d);

// One position in a queue, by `submit_time` then `id`; the default is before every entry.
struct QueueKey {
  absl::Time submit_time = absl::UnixEpoch();
  int64_t id = 0;
};
// The next `limit` entries of `verifier`'s queue after `after` (of `nip` only, when not ""),
// oldest submission first, then id.
std::vector<QueueKey> PendingPage(db::Tx& tx, const std::string& tenant,
                                  const std::string& verifier, const std::string& nip,
                                  QueueKey after, int limit);

struct PendingCountRow {
  std::string nip;
  int entries = 0;
  absl::Time oldest_submit_time;
};
// `verifier`'s whole queue per employee: most entries first, then NIP.
std::vector<PendingCountRow> PendingCounts(db::Tx& tx, const std::string& tenant,
                                           const std::string& verifier);

struct PendingApprovalsRow {
  std::string verifier_nip;
  int pending = 0;
  absl::Time oldest_submit_time;
};
// Every verifier's queue of the tenant, counting the entries submitted before `submitted_before`,
// by verifier NIP ("" first: the top of the tree's, which the tenant admin verifies). One
// statement.
std::vector<PendingApprovalsRow> PendingByVerifier(db::Tx& tx, const std::string& tenant,
                                                   absl::Time submitted_before);

}  // namespace ekinerja::activity::store
