// Kotak kinerja (DOMAIN §7) and annual performance.

#include <map>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "api/convert.h"
#include "api/scoring_service.h"
#include "domain/kotak.h"
#include "nip.h"
#include "text.h"

namespace ekinerja::scoring {
namespace {

constexpr int kBoxes = 9;

// Per OPD, the employees per box (index box - 1).
using Counts = std::map<std::string, std::array<int, kBoxes>>;

// A month and the one before it.
absl::CivilMonth Previous(int year, int month) { return absl::CivilMonth(year, month) - 1; }

Violations CheckMonth(int year, int month, const std::string& org_unit) {
  Violations v;
  if (year < 2000 || year > 2100) v.Add("year", "must be 2000-2100");
  if (month < 1 || month > 12) v.Add("month", "must be 1-12");
  if (!org_unit.empty()) CheckText(v, "org_unit_code", org_unit, kIdText);
  return v;
}

// Every OPD of either period with all nine boxes, and the tenant's total per box.
void FillSummary(const Counts& now, const Counts& before, v1::KotakSummary* out) {
  std::map<std::string, bool> opds;
  for (const auto& [opd, boxes] : now) opds[opd] = true;
  for (const auto& [opd, boxes] : before) opds[opd] = true;
  std::array<int, kBoxes> total{}, total_before{};
  for (const auto& [opd, unused] : opds) {
    v1::OpdKotak* o = out->add_opds();
    o->set_opd_code(opd);
    const auto n = now.find(opd);
    const auto b = before.find(opd);
    for (int box = 1; box <= kBoxes; ++box) {
      v1::BoxCount* c = o->add_boxes();
      c->set_box(box);
      c->set_employees(n == now.end() ? 0 : n->second[box - 1]);
      c->set_previous_employees(b == before.end() ? 0 : b->second[box - 1]);
      total[box - 1] += c->employees();
      total_before[box - 1] += c->previous_employees();
    }
  }
  for (int box = 1; box <= kBoxes; ++box) {
    v1::BoxCount* c = out->add_total();
    c->set_box(box);
    c->set_employees(total[box - 1]);
    c->set_previous_employees(total_before[box - 1]);
  }
}

Counts MonthCounts(db::Tx& tx, const std::string& tenant, absl::CivilMonth month,
                   const std::string& unit) {
  Counts out;
  for (const store::BoxCountRow& row :
       store::KotakCounts(tx, tenant, static_cast<int>(month.year()), month.month(), unit)) {
    out[row.opd_code][row.box - 1] = row.employees;
  }
  return out;
}

void PlacementToProto(const store::InstrumentRow& row, int previous_box, v1::KotakPlacement* out) {
  out->set_nip(row.nip);
  out->set_name(row.name);
  out->set_org_unit_code(row.org_unit_code);
  out->set_opd_code(row.opd_code);
  out->set_box(row.kotak);
  out->set_disiplin_percent(row.disiplin_percent);
  out->set_produktivitas_percent(row.produktivitas_percent);
  out->set_previous_box(previous_box);
  out->set_run_id(row.run_id);
}

}  // namespace

grpc::Status ScoringServiceImpl::GetKotakSummary(grpc::ServerContext* ctx,
                                                 const v1::GetKotakSummaryRequest* req,
                                                 v1::KotakSummary* resp) {
  return Serve(ctx, [&](const Caller& caller) -> absl::Status {
    EK_RETURN_IF_ERROR(CheckMonth(req->year(), req->month(), req->org_unit_code()).ToStatus());
    EK_RETURN_IF_ERROR(CheckUnitReader(caller, req->org_unit_code()));
    resp->set_year(req->year());
    resp->set_month(req->month());
    return pool_.Read([&](db::Tx& tx) -> absl::Status {
      FillSummary(MonthCounts(tx, caller.tenant(), absl::CivilMonth(req->year(), req->month()),
                              req->org_unit_code()),
                  MonthCounts(tx, caller.tenant(), Previous(req->year(), req->month()),
                              req->org_unit_code()),
                  resp);
      return absl::OkStatus();
    });
  });
}

// The month's placements (only the low boxes when `low_only`) with last month's box beside each.
absl::Status ScoringServiceImpl::Placements(
    const Caller& caller, int year, int month, const std::string& unit, bool low_only,
    const std::function<absl::Status(const v1::KotakPlacement&)>& each) {
  std::vector<store::InstrumentRow> now, before;
  EK_RETURN_IF_ERROR(pool_.Read([&](db::Tx& tx) -> absl::Status {
    now = store::KotakPlacements(tx, caller.tenant(), year, month, unit, low_only);
    const absl::CivilMonth previous = Previous(year, month);
    before = store::KotakPlacements(tx, caller.tenant(), static_cast<int>(previous.year()),
                                    previous.month(), unit, false);
    return absl::OkStatus();
  }));
  std::map<std::string, int> previous_box;
  for (const store::InstrumentRow& row : before) previous_box[row.nip] = row.kotak;
  v1::KotakPlacement placement;
  for (const store::InstrumentRow& row : now) {
    auto it = previous_box.find(row.nip);
    PlacementToProto(row, it == previous_box.end() ? 0 : it->second, &placement);
    EK_RETURN_IF_ERROR(each(placement));
  }
  return absl::OkStatus();
}

grpc::Status ScoringServiceImpl::ListLowKotak(grpc::ServerContext* ctx,
                                              const v1::ListLowKotakRequest* req,
                                              v1::ListLowKotakResponse* resp) {
  return Serve(ctx, [&](const Caller& caller) -> absl::Status {
    EK_RETURN_IF_ERROR(CheckMonth(req->year(), req->month(), req->org_unit_code()).ToStatus());
    EK_RETURN_IF_ERROR(CheckUnitReader(caller, req->org_unit_code()));
    return Placements(caller, req->year(), req->month(), req->org_unit_code(), true,
                      [&](const v1::KotakPlacement& p) {
                        *resp->add_placements() = p;
                        return absl::OkStatus();
                      });
  });
}

grpc::Status ScoringServiceImpl::StreamKotak(grpc::ServerContext* ctx,
                                             const v1::StreamKotakRequest* req,
                                             grpc::ServerWriter<v1::KotakPlacement>* writer) {
  return Serve(ctx, [&](const Caller& caller) -> absl::Status {
    EK_RETURN_IF_ERROR(CheckMonth(req->year(), req->month(), req->org_unit_code()).ToStatus());
    EK_RETURN_IF_ERROR(CheckUnitReader(caller, req->org_unit_code()));
    return Placements(caller, req->year(), req->month(), req->org_unit_code(), false,
                      [&](const v1::KotakPlacement& p) {
                        if (!writer->Write(p)) return absl::CancelledError("the client went away");
                        return absl::OkStatus();
                      });
  });
}

grpc::Status ScoringServiceImpl::GetAnnualKotak(grpc::ServerContext* ctx,
                                                const v1::GetAnnualKotakRequest* req,
                                                v1::KotakSummary* resp) {
  return Serve(ctx, [&](const Caller& caller) -> absl::Status {
    Violations v;
    if (req->year() < 2000 || req->year() > 2100) v.Add("year", "must be 2000-2100");
    if (!req->org_unit_code().empty()) {
      CheckText(v, "org_unit_code", req->org_unit_code(), kIdText);
    }
    EK_RETURN_IF_ERROR(v.ToStatus());
    EK_RETURN_IF_ERROR(CheckUnitReader(caller, req->org_unit_code()));
    // The OPD of each employee as the org tree stands at the end of the year asked.
    EK_ASSIGN_OR_RETURN(const std::vector<clients::EmployeeUnit> units,
                        peers_.directory->EmployeesOf(caller.bearer, req->org_unit_code(),
                                                      absl::CivilDay(req->year(), 12, 31)));
    std::map<std::string, std::string> opd_of;
    for (const clients::EmployeeUnit& u : units) {
      if (!u.unit_path.empty()) opd_of[u.nip] = u.unit_path.front();
    }
    const auto count = [&](int year, Counts& out) -> absl::Status {
      return peers_.skp->StreamEvaluations(
          caller.bearer, std::to_string(year), req->org_unit_code(),
          [&](const clients::SkpEvaluation& e) {
            std::optional<AnnualKotak> box = AnnualKotakOf(e.rating_hasil_kerja, e.rating_perilaku);
            auto opd = opd_of.find(e.nip);
            if (!box || opd == opd_of.end()) return;
            ++out[opd->second][box->box - 1];
          });
    };
    Counts now, before;
    EK_RETURN_IF_ERROR(count(req->year(), now));
    EK_RETURN_IF_ERROR(count(req->year() - 1, before));
    resp->set_year(req->year());
    FillSummary(now, before, resp);
    return absl::OkStatus();
  });
}

grpc::Status ScoringServiceImpl::GetAnnualPerformance(grpc::ServerContext* ctx,
                                                      const v1::GetAnnualPerformanceRequest* req,
                                                      v1::AnnualPerformance* resp) {
  return Serve(ctx, [&](const Caller& caller) -> absl::Status {
    Violations v;
    v.Merge(ParseNip(req->nip(), "nip").status());
    if (req->year() < 2000 || req->year() > 2100) v.Add("year", "must be 2000-2100");
    EK_RETURN_IF_ERROR(v.ToStatus());
    EK_RETURN_IF_ERROR(CheckReads(caller, req->nip(), absl::CivilDay(req->year(), 12, 31)));
    EK_ASSIGN_OR_RETURN(const std::vector<clients::SkpEvaluation> evaluations,
                        peers_.skp->AnnualEvaluationsOf(caller.bearer, req->nip(), req->year()));
    resp->set_nip(req->nip());
    resp->set_year(req->year());
    // The year's evaluation of the SKP evaluated last (the position held at the end of the year).
    if (!evaluations.empty()) {
      const clients::SkpEvaluation& e = evaluations.back();
      resp->set_model(e.model);
      resp->set_rating_hasil_kerja(e.rating_hasil_kerja);
      resp->set_rating_perilaku(e.rating_perilaku);
      resp->set_predikat(e.predikat);
      resp->set_nilai_prestasi_kerja(e.nilai_prestasi_kerja);
      if (std::optional<AnnualKotak> box = AnnualKotakOf(e.rating_hasil_kerja, e.rating_perilaku)) {
        resp->set_annual_kotak(box->box);
      }
    }
    return pool_.ReadOne([&](db::Tx& tx) -> absl::Status {
      for (const store::MonthRow& m :
           store::AnnualMonths(tx, caller.tenant(), req->nip(), req->year())) {
        v1::MonthPerformance* out = resp->add_months();
        out->set_month(m.month);
        out->set_run_id(m.run_id);
        out->set_run_status(RunStatusOf(m.status));
        out->set_gross_idr(m.gross_idr);
        out->set_net_idr(m.net_idr);
        out->set_kotak(m.kotak);
        resp->set_year_gross_idr(resp->year_gross_idr() + m.gross_idr);
        resp->set_year_net_idr(resp->year_net_idr() + m.net_idr);
      }
      return absl::OkStatus();
    });
  });
}

}  // namespace ekinerja::scoring
