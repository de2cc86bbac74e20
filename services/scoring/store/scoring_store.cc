#include "store/scoring_store.h"

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "civil.h"
#include "db_fields.h"
#include "scoring_sql.h"

namespace ekinerja::scoring::store {
namespace {

template <typename Int>
std::vector<Int> SplitInts(const pqxx::field& f) {
  std::vector<Int> out;
  for (absl::string_view part : absl::StrSplit(f.as<std::string>(), ',', absl::SkipEmpty())) {
    Int v = 0;
    if (absl::SimpleAtoi(part, &v)) out.push_back(v);
  }
  return out;
}

std::vector<std::string> SplitTexts(const pqxx::field& f) {
  return absl::StrSplit(f.as<std::string>(), ',', absl::SkipEmpty());
}

template <typename Int, size_t N>
void CopyInto(const std::vector<Int>& from, std::array<Int, N>& to) {
  for (size_t i = 0; i < N && i < from.size(); ++i) to[i] = from[i];
}

template <typename Container>
std::string IntArray(const Container& values) {
  return absl::StrCat("{", absl::StrJoin(values, ","), "}");
}

StoredRules ToRules(const pqxx::row& r) {
  StoredRules out;
  out.effective_from = db::Day(r["effective_from"]);
  TppRules& rules = out.rules;
  rules.version = r["version"].as<int>();
  const std::vector<int64_t> kelas = SplitInts<int64_t>(r["kelas_ceilings_idr"]);
  for (size_t k = 0; k < kelas.size(); ++k) rules.ceilings[static_cast<int>(k) + 1] = kelas[k];
  const std::vector<std::string> codes = SplitTexts(r["position_codes"]);
  const std::vector<int64_t> position_idr = SplitInts<int64_t>(r["position_ceilings_idr"]);
  for (size_t i = 0; i < codes.size() && i < position_idr.size(); ++i) {
    rules.position_ceilings[codes[i]] = position_idr[i];
  }
  rules.disiplin_bp = r["disiplin_bp"].as<int>();
  CopyInto(SplitInts<int32_t>(r["tl_tier_bp"]), rules.tl_bp);
  CopyInto(SplitInts<int32_t>(r["psw_tier_bp"]), rules.psw_bp);
  const std::vector<std::string> kinds = SplitTexts(r["absence_kinds"]);
  const std::vector<int32_t> absence_bp = SplitInts<int32_t>(r["absence_bp"]);
  for (size_t i = 0; i < kinds.size() && i < absence_bp.size(); ++i) {
    rules.absence_bp[kinds[i]] = absence_bp[i];
  }
  rules.productivity_model = ParseProductivityModel(r["productivity_model"].as<std::string>())
                                 .value_or(ProductivityModel::kMinutes);
  rules.assessment_bp = {{"DI_ATAS_EKSPEKTASI", r["assessment_di_atas_bp"].as<int>()},
                         {"SESUAI_EKSPEKTASI", r["assessment_sesuai_bp"].as<int>()},
                         {"DI_BAWAH_EKSPEKTASI", r["assessment_di_bawah_bp"].as<int>()}};
  rules.missing_report_bp = r["missing_report_bp"].as<int>();
  rules.hukuman_bp = {{"RINGAN", r["hukuman_ringan_bp"].as<int>()},
                      {"SEDANG", r["hukuman_sedang_bp"].as<int>()},
                      {"BERAT", r["hukuman_berat_bp"].as<int>()}};
  CopyInto(SplitInts<int32_t>(r["pph21_golongan_bp"]), rules.pph_bp);
  rules.bpjs_employee_bp = r["bpjs_employee_bp"].as<int>();
  rules.bpjs_employer_bp = r["bpjs_employer_bp"].as<int>();
  rules.bpjs_base_cap_idr = r["bpjs_base_cap_idr"].as<int64_t>();
  rules.kotak_medium_bp = r["kotak_medium_from_bp"].as<int>();
  rules.kotak_high_bp = r["kotak_high_from_bp"].as<int>();
  out.create_time = db::Micros(r["create_time"]);
  return out;
}

int32_t RateOf(const std::map<std::string, int32_t>& rates, const std::string& key) {
  auto it = rates.find(key);
  return it == rates.end() ? 0 : it->second;
}

SanctionRow ToSanction(const pqxx::row& r) {
  SanctionRow s;
  s.id = r["id"].as<int64_t>();
  s.nip = r["nip"].as<std::string>();
  s.level = r["level"].as<std::string>();
  s.start_date = db::Day(r["start_date"]);
  s.end_date = db::Day(r["end_date"]);
  s.reference = r["reference"].as<std::string>();
  s.revoked = r["revoked"].as<bool>();
  s.revoke_reason = r["revoke_reason"].as<std::string>();
  s.created_by = r["created_by"].as<std::string>();
  s.create_time = db::Micros(r["create_time"]);
  return s;
}

// BERAT > SEDANG > RINGAN.
int Weight(const std::string& level) {
  return level == "BERAT" ? 3 : level == "SEDANG" ? 2 : level == "RINGAN" ? 1 : 0;
}

}  // namespace

StoredRules RulesInForce(db::Tx& tx, const std::string& tenant, absl::CivilDay day) {
  auto r = tx.Exec(sql::kRulesInForce, tenant, FormatDate(day));
  if (r.empty()) {
    StoredRules defaults{kDefaultsFrom, NationalDefaults(), std::nullopt};
    defaults.rules.version = 0;
    return defaults;
  }
  return ToRules(r[0]);
}

std::vector<StoredRules> ListRules(db::Tx& tx, const std::string& tenant) {
  std::vector<StoredRules> out;
  for (const auto& r : tx.Exec(sql::kRulesList, tenant)) out.push_back(ToRules(r));
  return out;
}

absl::StatusOr<StoredRules> InsertRules(db::Tx& tx, const std::string& tenant,
                                        absl::CivilDay effective_from, const TppRules& rules,
                                        const std::string& created_by) {
  tx.Exec(sql::kRulesLock, tenant);
  for (const StoredRules& existing : ListRules(tx, tenant)) {
    if (existing.effective_from == effective_from) {
      return absl::AlreadyExistsError(
          absl::StrCat("a rule set is already in force from ", FormatDate(effective_from)));
    }
  }
  std::vector<int64_t> kelas;
  for (int k = 1; k <= 17; ++k) {
    auto it = rules.ceilings.find(k);
    kelas.push_back(it == rules.ceilings.end() ? 0 : it->second);
  }
  std::vector<std::string> codes, kinds;
  std::vector<int64_t> position_idr;
  std::vector<int32_t> absence_bp;
  for (const auto& [code, idr] : rules.position_ceilings) {
    codes.push_back(code);
    position_idr.push_back(idr);
  }
  for (const auto& [kind, bp] : rules.absence_bp) {
    kinds.push_back(kind);
    absence_bp.push_back(bp);
  }
  auto r =
      tx.Exec(sql::kRulesInsert, tenant, FormatDate(effective_from), IntArray(kelas),
              db::ArrayLiteral(codes), IntArray(position_idr), rules.disiplin_bp,
              IntArray(rules.tl_bp), IntArray(rules.psw_bp), db::ArrayLiteral(kinds),
              IntArray(absence_bp), std::string(ProductivityModelName(rules.productivity_model)),
              RateOf(rules.assessment_bp, "DI_ATAS_EKSPEKTASI"),
              RateOf(rules.assessment_bp, "SESUAI_EKSPEKTASI"),
              RateOf(rules.assessment_bp, "DI_BAWAH_EKSPEKTASI"), rules.missing_report_bp,
              RateOf(rules.hukuman_bp, "RINGAN"), RateOf(rules.hukuman_bp, "SEDANG"),
              RateOf(rules.hukuman_bp, "BERAT"), IntArray(rules.pph_bp), rules.bpjs_employee_bp,
              rules.bpjs_employer_bp, rules.bpjs_base_cap_idr, rules.kotak_medium_bp,
              rules.kotak_high_bp, created_by);
  StoredRules out{effective_from, rules, db::Micros(r[0]["create_time"])};
  out.rules.version = r[0]["version"].as<int>();
  return out;
}

int64_t InsertSanction(db::Tx& tx, const std::string& tenant, const SanctionRow& row) {
  auto r = tx.Exec(sql::kSanctionInsert, tenant, row.nip, row.level, FormatDate(row.start_date),
                   FormatDate(row.end_date), row.reference, row.created_by);
  return r[0]["id"].as<int64_t>();
}

std::optional<SanctionRow> GetSanction(db::Tx& tx, const std::string& tenant, int64_t id) {
  auto r = tx.Exec(sql::kSanctionGet, tenant, id);
  if (r.empty()) return std::nullopt;
  return ToSanction(r[0]);
}

std::vector<SanctionRow> ListSanctions(db::Tx& tx, const std::string& tenant,
                                       const std::string& nip, absl::CivilDay first,
                                       absl::CivilDay last) {
  std::vector<SanctionRow> out;
  for (const auto& r :
       tx.Exec(sql::kSanctionList, tenant, nip, FormatDate(first), FormatDate(last))) {
    out.push_back(ToSanction(r));
  }
  return out;
}

bool RevokeSanction(db::Tx& tx, const std::string& tenant, int64_t id, const std::string& reason) {
  return !tx.Exec(sql::kSanctionRevoke, tenant, id, reason).empty();
}

std::map<std::string, Hukuman> HukumanInForce(db::Tx& tx, const std::string& tenant,
                                              absl::CivilDay first, absl::CivilDay last) {
  std::map<std::string, Hukuman> out;
  for (const SanctionRow& s : ListSanctions(tx, tenant, "", first, last)) {
    if (s.revoked) continue;
    Hukuman& h = out[s.nip];
    if (Weight(s.level) > Weight(h.level)) h = Hukuman{s.level, s.reference};
  }
  return out;
}

}  // namespace ekinerja::scoring::store
