#pragma once

// 360° feedback requests and answers (sql/V004__feedback360.sql, sql/queries_360.sql).

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "db.h"

namespace ekinerja::skp::store {

struct Feedback360Row {
  int64_t id = 0, skp_id = 0;
  std::string rated_nip, period, rater_nip, group, model;
  std::vector<int> answer;            // empty until answered
  std::vector<std::string> comments;  // 6/2022: one per value
  absl::Time create_time;
  std::optional<absl::Time> answer_time;
};

struct NewRater {
  std::string nip, group;
};

// Asks `raters` for feedback on the SKP for `period`; a rater already asked is left as asked.
void InsertFeedback360(db::Tx& tx, const std::string& tenant, int64_t skp,
                       const std::string& period, const std::string& rated,
                       const std::vector<NewRater>& raters, const std::string& requested_by);
std::vector<Feedback360Row> Feedback360OfSkp(db::Tx& tx, const std::string& tenant, int64_t skp,
                                             const std::string& period);
// The rater's requests, unanswered first.
std::vector<Feedback360Row> Feedback360OfRater(db::Tx& tx, const std::string& tenant,
                                               const std::string& rater);
// NOT_FOUND when the tenant has no such request; the row is locked.
absl::StatusOr<Feedback360Row> LockFeedback360(db::Tx& tx, const std::string& tenant, int64_t id);
void AnswerFeedback360(db::Tx& tx, const std::string& tenant, int64_t id,
                       const std::vector<int>& answer, const std::vector<std::string>& comments);

}  // namespace ekinerja::skp::store
