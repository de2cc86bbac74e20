#pragma once

// The SKP service's store of the year's work (sql/queries_year.sql): evidence files, realisations
// per IKI and period, the activity service's proposals, and the pejabat penilai's feedback.
// Transactions are the caller's, as in store/skp_store.h.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "db.h"

namespace ekinerja::skp::store {

struct EvidenceRow {
  int64_t id = 0;
  std::string file_name, content_type;
  int64_t size_bytes = 0;
  std::string sha256;   // lower-case hex
  std::string content;  // only from GetEvidence
};

// Keeps a file of `skp`; returns its id.
int64_t InsertEvidence(db::Tx& tx, const std::string& tenant, int64_t skp, const EvidenceRow& file,
                       const std::string& created_by);
// NOT_FOUND unless the tenant has evidence `id` of `skp`.
absl::StatusOr<EvidenceRow> GetEvidence(db::Tx& tx, const std::string& tenant, int64_t skp,
                                        int64_t id);

struct RealisationRow {
  int64_t iki_id = 0;
  std::string period;
  int64_t quantity = 0;
  int quality = 0, months = 0;
  int64_t cost_idr = 0;
  std::string note, evidence_link;
  EvidenceRow evidence;  // id 0: no file; content not read
  std::string recorded_by;
  absl::Time record_time;
};

// Inserts or replaces the realisation of (`skp`, row.iki_id, row.period); row.evidence.id 0 for
// none.
void UpsertRealisation(db::Tx& tx, const std::string& tenant, int64_t skp,
                       const RealisationRow& row);
// The SKP's realisations, of `period` only unless it is "": periods in order, the annual last.
std::vector<RealisationRow> ListRealisations(db::Tx& tx, const std::string& tenant, int64_t skp,
                                             const std::string& period);

struct ProposalRow {
  std::string nip;
  int64_t rhk_id = 0;
  std::string period;
  int64_t quantity = 0, minutes = 0;
  absl::Time propose_time;
};

// Inserts or replaces each (nip, rhk_id, period) in one statement; the keys must be distinct.
void UpsertProposals(db::Tx& tx, const std::string& tenant, const std::vector<ProposalRow>& rows);
// The proposals for `nip` on any of `rhk_ids`, by period then RHK.
std::vector<ProposalRow> ListProposals(db::Tx& tx, const std::string& tenant,
                                       const std::string& nip, const std::vector<int64_t>& rhk_ids);

struct FeedbackRow {
  int64_t id = 0, skp_id = 0, rhk_id = 0;
  std::string author_nip, body;
  absl::Time create_time;
};

// Returns the new feedback's id.
int64_t InsertFeedback(db::Tx& tx, const std::string& tenant, int64_t skp, int64_t rhk,
                       const std::string& author, const std::string& body);
// The SKP's feedback, oldest first; only `id` unless it is 0.
std::vector<FeedbackRow> ListFeedback(db::Tx& tx, const std::string& tenant, int64_t skp,
                                      int64_t id = 0);

}  // namespace ekinerja::skp::store
