#include "store/feedback360_store.h"

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "db_fields.h"
#include "skp_sql.h"

namespace ekinerja::skp::store {
namespace {

Feedback360Row ToFeedback360(const pqxx::row& r) {
  Feedback360Row out;
  out.id = r["id"].as<int64_t>();
  out.skp_id = r["skp_id"].as<int64_t>();
  out.rated_nip = r["rated_nip"].as<std::string>();
  out.period = r["period"].as<std::string>();
  out.rater_nip = r["rater_nip"].as<std::string>();
  out.group = r["rater_group"].as<std::string>();
  out.model = r["model"].as<std::string>();
  for (absl::string_view part :
       absl::StrSplit(r["answer"].as<std::string>(), ',', absl::SkipEmpty())) {
    int v = 0;
    if (absl::SimpleAtoi(part, &v)) out.answer.push_back(v);
  }
  const std::string comments = r["comments"].as<std::string>();
  if (!comments.empty()) out.comments = absl::StrSplit(comments, '\x1f');
  out.create_time = db::Micros(r["create_time"]);
  out.answer_time = db::OptMicros(r["answer_time"]);
  return out;
}

std::vector<Feedback360Row> ToRows(const pqxx::result& rows) {
  std::vector<Feedback360Row> out;
  for (const auto& r : rows) out.push_back(ToFeedback360(r));
  return out;
}

}  // namespace

void InsertFeedback360(db::Tx& tx, const std::string& tenant, int64_t skp,
                       const std::string& period, const std::string& rated,
                       const std::vector<NewRater>& raters, const std::string& requested_by) {
  std::vector<std::string> nips, groups;
  for (const NewRater& r : raters) {
    nips.push_back(r.nip);
    groups.push_back(r.group);
  }
  tx.Exec(sql::kF360Insert, tenant, skp, period, rated, db::ArrayLiteral(nips),
          db::ArrayLiteral(groups), requested_by);
}

std::vector<Feedback360Row> Feedback360OfSkp(db::Tx& tx, const std::string& tenant, int64_t skp,
                                             const std::string& period) {
  return ToRows(tx.Exec(sql::kF360OfSkp, tenant, skp, period));
}

std::vector<Feedback360Row> Feedback360OfRater(db::Tx& tx, const std::string& tenant,
                                               const std::string& rater) {
  return ToRows(tx.Exec(sql::kF360OfRater, tenant, rater));
}

absl::StatusOr<Feedback360Row> LockFeedback360(db::Tx& tx, const std::string& tenant, int64_t id) {
  auto r = tx.Exec(sql::kF360GetForUpdate, tenant, id);
  if (r.empty()) return absl::NotFoundError(absl::StrCat("360° request ", id, " not found"));
  return ToFeedback360(r[0]);
}

void AnswerFeedback360(db::Tx& tx, const std::string& tenant, int64_t id,
                       const std::vector<int>& answer, const std::vector<std::string>& comments) {
  tx.Exec(sql::kF360Answer, tenant, id, absl::StrCat("{", absl::StrJoin(answer, ","), "}"),
          db::ArrayLiteral(comments));
}

}  // namespace ekinerja::skp::store
