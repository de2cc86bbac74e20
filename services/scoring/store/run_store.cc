#include "store/run_store.h"

#include <tuple>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "civil.h"
#include "db_fields.h"
#include "scoring_sql.h"

namespace ekinerja::scoring::store {
namespace {

const char* PartName(Part part) {
  switch (part) {
    case Part::kDisiplin:
      return "DISIPLIN";
    case Part::kProduktivitas:
      return "PRODUKTIVITAS";
    case Part::kLain:
      return "LAIN";
    case Part::kPotongan:
      return "POTONGAN";
  }
  return "LAIN";
}

Part PartOf(const std::string& name) {
  if (name == "DISIPLIN") return Part::kDisiplin;
  if (name == "PRODUKTIVITAS") return Part::kProduktivitas;
  if (name == "POTONGAN") return Part::kPotongan;
  return Part::kLain;
}

RunRow ToRun(const pqxx::row& r) {
  RunRow run;
  run.id = r["id"].as<int64_t>();
  run.chain_id = r["chain_id"].as<int64_t>();
  run.year = r["year"].as<int>();
  run.month = r["month"].as<int>();
  run.org_unit_code = r["org_unit_code"].as<std::string>();
  run.status = r["status"].as<std::string>();
  run.version = r["version"].as<int>();
  run.corrects_run_id = r["corrects_run_id"].as<int64_t>();
  run.correction_reason = r["correction_reason"].as<std::string>();
  run.rules_version = r["rules_version"].as<int>();
  RunTotalsRow& t = run.totals;
  t.employees = r["employees"].as<int>();
  t.ceiling_idr = r["ceiling_idr"].as<int64_t>();
  t.disiplin_paid_idr = r["disiplin_paid_idr"].as<int64_t>();
  t.produktivitas_paid_idr = r["produktivitas_paid_idr"].as<int64_t>();
  t.hukuman_idr = r["hukuman_idr"].as<int64_t>();
  t.gross_idr = r["gross_idr"].as<int64_t>();
  t.pph21_idr = r["pph21_idr"].as<int64_t>();
  t.bpjs_employee_idr = r["bpjs_employee_idr"].as<int64_t>();
  t.bpjs_employer_idr = r["bpjs_employer_idr"].as<int64_t>();
  t.net_idr = r["net_idr"].as<int64_t>();
  run.created_by = r["created_by"].as<std::string>();
  run.create_time = db::Micros(r["create_time"]);
  run.compute_time = db::OptMicros(r["compute_time"]);
  run.verified_by = r["verified_by"].as<std::string>();
  run.verify_time = db::OptMicros(r["verify_time"]);
  run.return_reason = r["return_reason"].as<std::string>();
  run.locked_by = r["locked_by"].as<std::string>();
  run.lock_time = db::OptMicros(r["lock_time"]);
  for (absl::string_view item :
       absl::StrSplit(r["skipped"].as<std::string>(), '\x1f', absl::SkipEmpty())) {
    std::pair<std::string, std::string> parts = absl::StrSplit(item, absl::MaxSplits(' ', 1));
    run.skipped.push_back({parts.first, parts.second});
  }
  return run;
}

// The columns of instrument_page and instrument_get (no lines or terms).
InstrumentRow ToInstrument(const pqxx::row& r) {
  InstrumentRow row;
  row.run_id = r["run_id"].as<int64_t>();
  row.nip = r["nip"].as<std::string>();
  row.name = r["name"].as<std::string>();
  row.golongan = r["golongan"].as<std::string>();
  row.org_unit_code = r["org_unit_code"].as<std::string>();
  row.opd_code = r["opd_code"].as<std::string>();
  Instrument& i = row.instrument;
  i.month_workdays = r["month_workdays"].as<int>();
  i.ceiling_idr = r["ceiling_idr"].as<int64_t>();
  i.disiplin_idr = r["disiplin_idr"].as<int64_t>();
  i.produktivitas_idr = r["produktivitas_idr"].as<int64_t>();
  i.disiplin_paid_idr = r["disiplin_paid_idr"].as<int64_t>();
  i.capaian_basis = r["capaian_basis"].as<std::string>();
  i.capaian =
      Rational(r["capaian_numerator"].as<int64_t>(), r["capaian_denominator"].as<int64_t>());
  i.produktivitas_earned_idr = r["produktivitas_earned_idr"].as<int64_t>();
  i.produktivitas_paid_idr = r["produktivitas_paid_idr"].as<int64_t>();
  i.hukuman_reference = r["hukuman_reference"].as<std::string>();
  i.gross_idr = r["gross_idr"].as<int64_t>();
  i.pph21.amount_idr = r["pph21_idr"].as<int64_t>();
  i.bpjs_pegawai.amount_idr = r["bpjs_employee_idr"].as<int64_t>();
  i.bpjs_pemberi_kerja.amount_idr = r["bpjs_employer_idr"].as<int64_t>();
  i.net_idr = r["net_idr"].as<int64_t>();
  const int64_t hukuman_idr = r["hukuman_idr"].as<int64_t>();
  if (hukuman_idr > 0) {
    i.hukuman = Line{};
    i.hukuman->part = Part::kLain;
    i.hukuman->amount_idr = hukuman_idr;
  }
  row.kotak = r["kotak"].as<int>();
  row.disiplin_percent = r["disiplin_percent"].as<std::string>();
  row.produktivitas_percent = r["produktivitas_percent"].as<std::string>();
  return row;
}

int64_t HukumanIdr(const Instrument& i) { return i.hukuman ? i.hukuman->amount_idr : 0; }

// The lines of an instrument in their printed order: disiplin, produktivitas, the hukuman line,
// PPh 21, BPJS employee and employer.
std::vector<const Line*> LinesInOrder(const Instrument& i) {
  std::vector<const Line*> out;
  for (const Line& l : i.disiplin_lines) out.push_back(&l);
  for (const Line& l : i.produktivitas_lines) out.push_back(&l);
  if (i.hukuman) out.push_back(&*i.hukuman);
  out.push_back(&i.pph21);
  out.push_back(&i.bpjs_pegawai);
  out.push_back(&i.bpjs_pemberi_kerja);
  return out;
}

}  // namespace

void RunTotalsRow::Add(const Instrument& i) {
  ++employees;
  ceiling_idr += i.ceiling_idr;
  disiplin_paid_idr += i.disiplin_paid_idr;
  produktivitas_paid_idr += i.produktivitas_paid_idr;
  hukuman_idr += HukumanIdr(i);
  gross_idr += i.gross_idr;
  pph21_idr += i.pph21.amount_idr;
  bpjs_employee_idr += i.bpjs_pegawai.amount_idr;
  bpjs_employer_idr += i.bpjs_pemberi_kerja.amount_idr;
  net_idr += i.net_idr;
}

bool TryLockMonth(db::Tx& tx, const std::string& tenant, int year, int month) {
  return tx.Exec(sql::kRunTryLock, tenant, year, month)[0]["locked"].as<bool>();
}

int64_t InsertRun(db::Tx& tx, const std::string& tenant, const RunRow& run) {
  return tx
      .Exec(sql::kRunInsert, tenant, run.chain_id, run.year, run.month, run.org_unit_code,
            run.version, run.corrects_run_id, run.correction_reason, run.created_by)[0]["id"]
      .as<int64_t>();
}

std::optional<RunRow> GetRun(db::Tx& tx, const std::string& tenant, int64_t id, bool for_update) {
  auto r = tx.Exec(for_update ? sql::kRunGetForUpdate : sql::kRunGet, tenant, id);
  if (r.empty()) return std::nullopt;
  return ToRun(r[0]);
}

std::vector<RunRow> ListRuns(db::Tx& tx, const std::string& tenant, int year, int month) {
  std::vector<RunRow> out;
  for (const auto& r : tx.Exec(sql::kRunList, tenant, year, month)) out.push_back(ToRun(r));
  return out;
}

std::optional<int64_t> OpenRunInChain(db::Tx& tx, const std::string& tenant, int64_t chain_id) {
  auto r = tx.Exec(sql::kRunOpenInChain, tenant, chain_id);
  if (r.empty()) return std::nullopt;
  return r[0]["id"].as<int64_t>();
}

void SetComputed(db::Tx& tx, const std::string& tenant, int64_t id, int rules_version,
                 const RunTotalsRow& t, const std::vector<Skipped>& skipped) {
  std::vector<std::string> items;
  for (const Skipped& s : skipped) items.push_back(absl::StrCat(s.nip, " ", s.reason));
  tx.Exec(sql::kRunSetComputed, tenant, id, rules_version, t.employees, t.ceiling_idr,
          t.disiplin_paid_idr, t.produktivitas_paid_idr, t.hukuman_idr, t.gross_idr, t.pph21_idr,
          t.bpjs_employee_idr, t.bpjs_employer_idr, t.net_idr, db::ArrayLiteral(items));
}

void SetVerified(db::Tx& tx, const std::string& tenant, int64_t id, const std::string& by) {
  tx.Exec(sql::kRunSetVerified, tenant, id, by);
}

void SetReturned(db::Tx& tx, const std::string& tenant, int64_t id, const std::string& reason) {
  tx.Exec(sql::kRunSetReturned, tenant, id, reason);
}

void SetLocked(db::Tx& tx, const std::string& tenant, int64_t id, const std::string& by) {
  tx.Exec(sql::kRunSetLocked, tenant, id, by);
}

void SetSuperseded(db::Tx& tx, const std::string& tenant, int64_t id) {
  tx.Exec(sql::kRunSetSuperseded, tenant, id);
}

std::vector<std::pair<std::string, int64_t>> ClaimMembers(db::Tx& tx, const std::string& tenant,
                                                          int year, int month, int64_t chain_id,
                                                          const std::vector<std::string>& nips) {
  const std::string list = db::ArrayLiteral(nips);
  tx.Exec(sql::kMembersRelease, tenant, year, month, chain_id, list);
  tx.Exec(sql::kMembersClaim, tenant, year, month, chain_id, list);
  std::vector<std::pair<std::string, int64_t>> elsewhere;
  for (const auto& r : tx.Exec(sql::kMembersElsewhere, tenant, year, month, chain_id, list)) {
    elsewhere.emplace_back(r["nip"].as<std::string>(), r["run_id"].as<int64_t>());
  }
  return elsewhere;
}

void ReplaceInstruments(db::Tx& tx, const std::string& tenant, int64_t run_id,
                        const std::vector<InstrumentRow>& rows) {
  tx.Exec(sql::kLinesDelete, tenant, run_id);
  tx.Exec(sql::kTermsDelete, tenant, run_id);
  tx.Exec(sql::kInstrumentsDelete, tenant, run_id);
  {
    pqxx::stream_to out(tx.raw(), "instruments",
                        std::vector<std::string>{"tenant_id",
                                                 "run_id",
                                                 "nip",
                                                 "name",
                                                 "golongan",
                                                 "org_unit_code",
                                                 "opd_code",
                                                 "unit_path",
                                                 "month_workdays",
                                                 "ceiling_idr",
                                                 "disiplin_idr",
                                                 "produktivitas_idr",
                                                 "disiplin_paid_idr",
                                                 "capaian_basis",
                                                 "capaian_numerator",
                                                 "capaian_denominator",
                                                 "produktivitas_earned_idr",
                                                 "produktivitas_paid_idr",
                                                 "hukuman_idr",
                                                 "hukuman_reference",
                                                 "gross_idr",
                                                 "pph21_idr",
                                                 "bpjs_employee_idr",
                                                 "bpjs_employer_idr",
                                                 "net_idr",
                                                 "kotak",
                                                 "disiplin_percent",
                                                 "produktivitas_percent"});
    for (const InstrumentRow& row : rows) {
      const Instrument& i = row.instrument;
      out << std::make_tuple(tenant, run_id, row.nip, row.name, row.golongan, row.org_unit_code,
                             row.opd_code, row.unit_path, i.month_workdays, i.ceiling_idr,
                             i.disiplin_idr, i.produktivitas_idr, i.disiplin_paid_idr,
                             i.capaian_basis, i.capaian.numerator(), i.capaian.denominator(),
                             i.produktivitas_earned_idr, i.produktivitas_paid_idr, HukumanIdr(i),
                             i.hukuman_reference, i.gross_idr, i.pph21.amount_idr,
                             i.bpjs_pegawai.amount_idr, i.bpjs_pemberi_kerja.amount_idr, i.net_idr,
                             row.kotak, row.disiplin_percent, row.produktivitas_percent);
    }
    out.complete();
  }
  {
    pqxx::stream_to out(tx.raw(), "ceiling_terms",
                        std::vector<std::string>{
                            "tenant_id", "run_id", "nip", "seq", "position_code", "kelas_jabatan",
                            "position_ceiling_idr", "workdays_held", "amount_idr"});
    for (const InstrumentRow& row : rows) {
      int seq = 0;
      for (const CeilingTerm& t : row.instrument.ceiling_terms) {
        out << std::make_tuple(tenant, run_id, row.nip, ++seq, t.position_code, t.kelas_jabatan,
                               t.ceiling_idr, t.workdays_held, t.amount_idr);
      }
    }
    out.complete();
  }
  pqxx::stream_to out(
      tx.raw(), "instrument_lines",
      std::vector<std::string>{"tenant_id", "run_id", "nip", "seq", "part", "work_date", "rule",
                               "rate_bp", "base_idr", "amount_idr"});
  for (const InstrumentRow& row : rows) {
    int seq = 0;
    for (const Line* l : LinesInOrder(row.instrument)) {
      if (l->day) {
        out << std::make_tuple(tenant, run_id, row.nip, ++seq, PartName(l->part),
                               FormatDate(*l->day), l->rule, l->rate_bp, l->base_idr,
                               l->amount_idr);
      } else {
        out << std::make_tuple(tenant, run_id, row.nip, ++seq, PartName(l->part), nullptr, l->rule,
                               l->rate_bp, l->base_idr, l->amount_idr);
      }
    }
  }
  out.complete();
}

std::vector<InstrumentRow> InstrumentPage(db::Tx& tx, const std::string& tenant, int64_t run_id,
                                          const std::string& unit, const InstrumentKey& after,
                                          int limit) {
  std::vector<InstrumentRow> out;
  for (const auto& r : tx.Exec(sql::kInstrumentPage, tenant, run_id, after.opd_code,
                               after.org_unit_code, after.nip, unit, limit)) {
    out.push_back(ToInstrument(r));
  }
  return out;
}

std::optional<InstrumentRow> GetInstrument(db::Tx& tx, const std::string& tenant, int64_t run_id,
                                           const std::string& nip) {
  auto r = tx.Exec(sql::kInstrumentGet, tenant, run_id, nip);
  if (r.empty()) return std::nullopt;
  InstrumentRow row = ToInstrument(r[0]);
  Instrument& i = row.instrument;
  i.hukuman.reset();
  for (const auto& t : tx.Exec(sql::kInstrumentTerms, tenant, run_id, nip)) {
    i.ceiling_terms.push_back({t["position_code"].as<std::string>(), t["kelas_jabatan"].as<int>(),
                               t["position_ceiling_idr"].as<int64_t>(),
                               t["workdays_held"].as<int>(), t["amount_idr"].as<int64_t>()});
  }
  for (const auto& l : tx.Exec(sql::kInstrumentLines, tenant, run_id, nip)) {
    Line line;
    line.part = PartOf(l["part"].as<std::string>());
    line.day = db::OptDay(l["work_date"]);
    line.rule = l["rule"].as<std::string>();
    line.rate_bp = l["rate_bp"].as<int>();
    line.base_idr = l["base_idr"].as<int64_t>();
    line.amount_idr = l["amount_idr"].as<int64_t>();
    switch (line.part) {
      case Part::kDisiplin:
        i.disiplin_lines.push_back(std::move(line));
        break;
      case Part::kProduktivitas:
        i.produktivitas_lines.push_back(std::move(line));
        break;
      case Part::kLain:
        i.hukuman = std::move(line);
        break;
      case Part::kPotongan:
        (line.rule == "PPH21"          ? i.pph21
         : line.rule == "BPJS_PEGAWAI" ? i.bpjs_pegawai
                                       : i.bpjs_pemberi_kerja) = std::move(line);
        break;
    }
  }
  return row;
}

std::optional<int64_t> NewestRunOf(db::Tx& tx, const std::string& tenant, const std::string& nip,
                                   int year, int month) {
  auto r = tx.Exec(sql::kInstrumentNewestRun, tenant, nip, year, month);
  if (r.empty() || r[0]["run_id"].is_null()) return std::nullopt;
  return r[0]["run_id"].as<int64_t>();
}

std::vector<BoxCountRow> KotakCounts(db::Tx& tx, const std::string& tenant, int year, int month,
                                     const std::string& unit) {
  std::vector<BoxCountRow> out;
  for (const auto& r : tx.Exec(sql::kKotakCounts, tenant, year, month, unit)) {
    out.push_back(
        {r["opd_code"].as<std::string>(), r["kotak"].as<int>(), r["employees"].as<int>()});
  }
  return out;
}

std::vector<InstrumentRow> KotakPlacements(db::Tx& tx, const std::string& tenant, int year,
                                           int month, const std::string& unit, bool low_only) {
  std::vector<InstrumentRow> out;
  for (const auto& r : tx.Exec(sql::kKotakPlacements, tenant, year, month, unit, low_only)) {
    InstrumentRow row;
    row.run_id = r["run_id"].as<int64_t>();
    row.nip = r["nip"].as<std::string>();
    row.name = r["name"].as<std::string>();
    row.org_unit_code = r["org_unit_code"].as<std::string>();
    row.opd_code = r["opd_code"].as<std::string>();
    row.kotak = r["kotak"].as<int>();
    row.disiplin_percent = r["disiplin_percent"].as<std::string>();
    row.produktivitas_percent = r["produktivitas_percent"].as<std::string>();
    out.push_back(std::move(row));
  }
  return out;
}

std::vector<DifferenceRow> RunDifferences(db::Tx& tx, const std::string& tenant, int64_t run_id,
                                          int64_t previous_run_id) {
  std::vector<DifferenceRow> out;
  for (const auto& r : tx.Exec(sql::kRunDifferences, tenant, run_id, previous_run_id)) {
    out.push_back({r["nip"].as<std::string>(), r["name"].as<std::string>(),
                   r["previous_gross_idr"].as<int64_t>(), r["gross_idr"].as<int64_t>(),
                   r["previous_net_idr"].as<int64_t>(), r["net_idr"].as<int64_t>()});
  }
  return out;
}

std::vector<MonthRow> AnnualMonths(db::Tx& tx, const std::string& tenant, const std::string& nip,
                                   int year) {
  std::vector<MonthRow> out;
  for (const auto& r : tx.Exec(sql::kAnnualMonths, tenant, nip, year)) {
    out.push_back({r["month"].as<int>(), r["run_id"].as<int64_t>(), r["status"].as<std::string>(),
                   r["gross_idr"].as<int64_t>(), r["net_idr"].as<int64_t>(), r["kotak"].as<int>()});
  }
  return out;
}

}  // namespace ekinerja::scoring::store
