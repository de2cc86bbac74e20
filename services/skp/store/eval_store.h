#pragma once

// The SKP service's store of organisational predikat and evaluations (sql/queries_eval.sql): plain
// rows in and out, transactions the caller's. An evaluation's `result` is the serialized
// ekinerja.skp.v1.Evaluation as answered; the columns beside it are what is filtered on.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "db.h"

namespace ekinerja::skp::store {

// Upserts the unit's predikat ("ISTIMEWA", ...) for `period`; returns the time it was set.
absl::Time SetOrgPerformance(db::Tx& tx, const std::string& tenant, const std::string& unit,
                             const std::string& period, const std::string& predikat,
                             const std::string& set_by);
// The unit's predikat for `period`, if BKPSDM entered it.
std::optional<std::string> OrgPerformanceOf(db::Tx& tx, const std::string& tenant,
                                            const std::string& unit, const std::string& period);

struct RealisedRow {
  int64_t iki_id = 0;
  int64_t quantity = 0;
  int quality = 0, months = 0;
  int64_t cost_idr = 0;
};
// The realisations of the SKP's IKIs for `period`.
std::vector<RealisedRow> RealisationsOf(db::Tx& tx, const std::string& tenant, int64_t skp,
                                        const std::string& period);

// Whether the SKP's evaluation of `period` exists and is final (nullopt: none); locks it.
std::optional<bool> EvaluationFinal(db::Tx& tx, const std::string& tenant, int64_t skp,
                                    const std::string& period);

struct EvaluationRow {
  int64_t skp_id = 0;
  std::string period, nip, org_unit_code, predikat;
  std::string result;  // serialized ekinerja.skp.v1.Evaluation
  std::string evaluator_nip;
  absl::Time evaluate_time;
};
// Inserts or replaces the evaluation unless the stored one is final.
void UpsertEvaluation(db::Tx& tx, const std::string& tenant, const EvaluationRow& row);

struct StoredEvaluation {
  std::string nip;
  int64_t skp_id = 0;
  std::string result;
  bool final = false;
};
// The SKP's evaluations, by period.
std::vector<StoredEvaluation> ListEvaluations(db::Tx& tx, const std::string& tenant, int64_t skp);
// One keyset page of `period`'s evaluations in (NIP, SKP) order after (after_nip, after_skp): the
// whole tenant when `all`, else only `nips`.
std::vector<StoredEvaluation> EvaluationPage(db::Tx& tx, const std::string& tenant,
                                             const std::string& period, bool all,
                                             const std::vector<std::string>& nips,
                                             const std::string& after_nip, int64_t after_skp,
                                             int limit);

struct PredikatCountRow {
  std::string predikat, model;
  int count = 0;
};
// How many of `nips`' evaluations of `period` have each predikat, by the SKP's model.
std::vector<PredikatCountRow> PredikatCounts(db::Tx& tx, const std::string& tenant,
                                             const std::string& period,
                                             const std::vector<std::string>& nips);
// Marks `nips`' evaluations of `period` final; how many were not yet.
int FinalizeEvaluations(db::Tx& tx, const std::string& tenant, const std::string& period,
                        const std::vector<std::string>& nips);

struct EvaluationWithSkp {
  StoredEvaluation evaluation;
  std::string org_unit_code, model;
  absl::CivilDay skp_start;
};
// `period`'s evaluations with their SKP's model and start, NIP order: the whole tenant when `all`,
// else only `nips`.
std::vector<EvaluationWithSkp> EvaluationsWithSkp(db::Tx& tx, const std::string& tenant,
                                                  const std::string& period, bool all,
                                                  const std::vector<std::string>& nips);

}  // namespace ekinerja::skp::store
