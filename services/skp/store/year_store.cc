#include "store/year_store.h"

#include "absl/strings/str_cat.h"
#include "db_fields.h"
#include "skp_sql.h"
#include "store/skp_store.h"

namespace ekinerja::skp::store {

int64_t InsertEvidence(db::Tx& tx, const std::string& tenant, int64_t skp, const EvidenceRow& file,
                       const std::string& created_by) {
  return tx
      .Exec(sql::kEvidenceInsert, tenant, skp, file.file_name, file.content_type, file.size_bytes,
            file.sha256, pqxx::binarystring(file.content), created_by)[0]["id"]
      .as<int64_t>();
}

absl::StatusOr<EvidenceRow> GetEvidence(db::Tx& tx, const std::string& tenant, int64_t skp,
                                        int64_t id) {
  auto r = tx.Exec(sql::kEvidenceGet, tenant, skp, id);
  if (r.empty()) {
    return absl::NotFoundError(absl::StrCat("SKP ", skp, " has no evidence ", id));
  }
  EvidenceRow out;
  out.id = r[0]["id"].as<int64_t>();
  out.file_name = r[0]["file_name"].as<std::string>();
  out.content_type = r[0]["content_type"].as<std::string>();
  out.size_bytes = r[0]["size_bytes"].as<int64_t>();
  out.sha256 = r[0]["sha256"].as<std::string>();
  out.content = pqxx::binarystring(r[0]["content"]).str();
  return out;
}

void UpsertRealisation(db::Tx& tx, const std::string& tenant, int64_t skp,
                       const RealisationRow& row) {
  tx.Exec(sql::kRealisationUpsert, tenant, skp, row.iki_id, row.period, row.quantity, row.quality,
          row.months, row.cost_idr, row.note, row.evidence_link, row.evidence.id, row.recorded_by);
}

std::vector<RealisationRow> ListRealisations(db::Tx& tx, const std::string& tenant, int64_t skp,
                                             const std::string& period) {
  std::vector<RealisationRow> out;
  for (const auto& r : tx.Exec(sql::kRealisationList, tenant, skp, period)) {
    RealisationRow row;
    row.iki_id = r["iki_id"].as<int64_t>();
    row.period = r["period"].as<std::string>();
    row.quantity = r["quantity"].as<int64_t>();
    row.quality = r["quality"].as<int>();
    row.months = r["months"].as<int>();
    row.cost_idr = r["cost_idr"].as<int64_t>();
    row.note = r["note"].as<std::string>();
    row.evidence_link = r["evidence_link"].as<std::string>();
    row.evidence.id = r["evidence_id"].as<int64_t>();
    row.evidence.file_name = r["file_name"].as<std::string>();
    row.evidence.content_type = r["content_type"].as<std::string>();
    row.evidence.size_bytes = r["size_bytes"].as<int64_t>();
    row.evidence.sha256 = r["sha256"].as<std::string>();
    row.recorded_by = r["recorded_by"].as<std::string>();
    row.record_time = db::Micros(r["record_time"]);
    out.push_back(std::move(row));
  }
  return out;
}

void UpsertProposals(db::Tx& tx, const std::string& tenant, const std::vector<ProposalRow>& rows) {
  if (rows.empty()) return;
  std::vector<std::string> nips, periods;
  std::vector<int64_t> rhks, quantities, minutes;
  for (const ProposalRow& p : rows) {
    nips.push_back(p.nip);
    rhks.push_back(p.rhk_id);
    periods.push_back(p.period);
    quantities.push_back(p.quantity);
    minutes.push_back(p.minutes);
  }
  tx.Exec(sql::kProposalUpsert, tenant, db::ArrayLiteral(nips), IntArray(rhks),
          db::ArrayLiteral(periods), IntArray(quantities), IntArray(minutes));
}

std::vector<ProposalRow> ListProposals(db::Tx& tx, const std::string& tenant,
                                       const std::string& nip,
                                       const std::vector<int64_t>& rhk_ids) {
  std::vector<ProposalRow> out;
  if (rhk_ids.empty()) return out;
  for (const auto& r : tx.Exec(sql::kProposalList, tenant, nip, IntArray(rhk_ids))) {
    ProposalRow row;
    row.nip = r["nip"].as<std::string>();
    row.rhk_id = r["rhk_id"].as<int64_t>();
    row.period = r["period"].as<std::string>();
    row.quantity = r["quantity"].as<int64_t>();
    row.minutes = r["minutes"].as<int64_t>();
    row.propose_time = db::Micros(r["propose_time"]);
    out.push_back(std::move(row));
  }
  return out;
}

int64_t InsertFeedback(db::Tx& tx, const std::string& tenant, int64_t skp, int64_t rhk,
                       const std::string& author, const std::string& body) {
  return tx.Exec(sql::kFeedbackInsert, tenant, skp, rhk, author, body)[0]["id"].as<int64_t>();
}

std::vector<FeedbackRow> ListFeedback(db::Tx& tx, const std::string& tenant, int64_t skp,
                                      int64_t id) {
  std::vector<FeedbackRow> out;
  for (const auto& r : tx.Exec(sql::kFeedbackList, tenant, skp, id)) {
    FeedbackRow row;
    row.id = r["id"].as<int64_t>();
    row.skp_id = r["skp_id"].as<int64_t>();
    row.rhk_id = r["rhk_id"].as<int64_t>();
    row.author_nip = r["author_nip"].as<std::string>();
    row.body = r["body"].as<std::string>();
    row.create_time = db::Micros(r["create_time"]);
    out.push_back(std::move(row));
  }
  return out;
}

}  // namespace ekinerja::skp::store
