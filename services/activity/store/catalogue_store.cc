#include "store/catalogue_store.h"

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "activity_sql.h"
#include "civil.h"
#include "db_fields.h"

namespace ekinerja::activity::store {

CatalogueRow ToCatalogueRow(const pqxx::row& r) {
  CatalogueRow out;
  out.item.code = r["code"].as<std::string>();
  out.item.position_code = r["position_code"].as<std::string>();
  out.item.position_kind = r["position_kind"].as<std::string>();
  out.item.name = r["name"].as<std::string>();
  out.item.output_unit = r["output_unit"].as<std::string>();
  out.item.minutes_per_unit = r["minutes_per_unit"].as<int>();
  out.effective_from = db::Day(r["effective_from"]);
  out.create_time = db::Micros(r["create_time"]);
  return out;
}

std::optional<CatalogueRow> CatalogueItemFor(db::Tx& tx, const std::string& tenant,
                                             const std::string& code, absl::CivilDay day,
                                             const std::string& position_code,
                                             const std::string& position_kind) {
  auto r =
      tx.Exec(sql::kCatalogueItemFor, tenant, code, FormatDate(day), position_code, position_kind);
  if (r.empty()) return std::nullopt;
  return ToCatalogueRow(r[0]);
}

std::optional<CatalogueRow> InsertCatalogueItem(db::Tx& tx, const std::string& tenant,
                                                const CatalogueItem& item,
                                                absl::CivilDay effective_from,
                                                const std::string& created_by) {
  auto r = tx.Exec(sql::kCatalogueInsert, tenant, item.code, FormatDate(effective_from),
                   item.position_code, item.position_kind, item.name, item.output_unit,
                   item.minutes_per_unit, created_by);
  if (r.empty()) return std::nullopt;
  return ToCatalogueRow(r[0]);
}

std::vector<std::string> CodesWithVersionOn(db::Tx& tx, const std::string& tenant,
                                            const std::vector<std::string>& codes,
                                            absl::CivilDay day) {
  std::vector<std::string> out;
  for (const auto& r :
       tx.Exec(sql::kCatalogueVersionsOn, tenant, absl::StrCat("{", absl::StrJoin(codes, ","), "}"),
               FormatDate(day))) {
    out.push_back(r["code"].as<std::string>());
  }
  return out;
}

std::vector<CatalogueRow> CatalogueOn(db::Tx& tx, const std::string& tenant, absl::CivilDay day,
                                      const std::string& position_code,
                                      const std::string& position_kind) {
  std::vector<CatalogueRow> out;
  for (const auto& r :
       tx.Exec(sql::kCatalogueList, tenant, FormatDate(day), position_code, position_kind)) {
    out.push_back(ToCatalogueRow(r));
  }
  return out;
}

}  // namespace ekinerja::activity::store
