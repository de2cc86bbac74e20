// SkpService: the organisational predikat BKPSDM enters, the pejabat penilai's evaluations under
// either model (DOMAIN §2 PermenPANRB 6/2022, §3 PP 46 / Perka BKN 1/2013), the batched stream of
// them, the distribution curve with its audited override, and the annual sanctions list.

#include <algorithm>
#include <map>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "api/convert.h"
#include "api/skp_service.h"
#include "civil.h"
#include "date_proto.h"
#include "domain/distribution.h"
#include "domain/evaluation.h"
#include "domain/org_predikat.h"
#include "domain/periods.h"
#include "domain/pp46.h"
#include "domain/predikat.h"
#include "domain/sanctions.h"
#include "request_log.h"
#include "role.h"
#include "status.h"
#include "store/eval_store.h"
#include "text.h"

namespace ekinerja::skp {
namespace {

// Rows per keyset page of StreamEvaluations.
constexpr int kStreamPage = 1000;

constexpr char kPp46[] = "PP46";

std::optional<Rating> ToDomain(v1::Rating r) {
  return ParseRating(StoredName(v1::Rating_Name(r), "RATING_"));
}

v1::Rating ToProto(Rating r) {
  v1::Rating out = v1::RATING_UNSPECIFIED;
  v1::Rating_Parse(absl::StrCat("RATING_", std::string(RatingName(r))), &out);
  return out;
}

v1::OrgPredikat ToProto(OrgPredikat p) {
  v1::OrgPredikat out = v1::ORG_PREDIKAT_UNSPECIFIED;
  v1::OrgPredikat_Parse(absl::StrCat("ORG_PREDIKAT_", std::string(OrgPredikatName(p))), &out);
  return out;
}

Kreativitas ToDomain(v1::Kreativitas k) {
  switch (k) {
    case v1::KREATIVITAS_UNIT_KERJA:
      return Kreativitas::kUnitKerja;
    case v1::KREATIVITAS_INSTANSI:
      return Kreativitas::kInstansi;
    case v1::KREATIVITAS_NASIONAL:
      return Kreativitas::kNasional;
    default:
      return Kreativitas::kNone;
  }
}

// The violation of `field` unless one names it already (one violation per bad field).
void AddOnce(Violations& v, const std::string& field, const std::string& description) {
  for (const FieldViolation& f : v.list()) {
    if (f.field == field) return;
  }
  v.Add(field, description);
}

void CheckUnitField(Violations& v, const std::string& code) {
  if (code.empty()) {
    v.Add("org_unit_code", "required");
  } else {
    CheckText(v, "org_unit_code", code, kIdText);
  }
}

void CheckYearField(Violations& v, int year) {
  if (year < kMinPeriodYear || year > kMaxPeriodYear) {
    v.Add("year", absl::StrCat(kMinPeriodYear, " to ", kMaxPeriodYear));
  }
}

PeriodKind RulesPeriodKind(const store::RulesRow& rules) {
  return ParsePeriodKind(rules.period_kind).value_or(PeriodKind::kMonthly);
}

void FillTarget(const Pp46Aspects& a, const std::string& unit, v1::Target* out) {
  out->set_quantity(a.quantity);
  out->set_unit(unit);
  out->set_quality(static_cast<int32_t>(a.quality));
  out->set_months(static_cast<int32_t>(a.months));
  out->set_cost_idr(a.cost_idr);
}

// Scores the SKP's approved plan for `period` under PP 46 into `out`; returns the predikat name.
absl::StatusOr<std::string> ScorePp46(db::Tx& tx, const std::string& tenant,
                                      const store::SkpRow& skp, const store::RulesRow& rules,
                                      const Period& period, const v1::EvaluateSkpRequest& req,
                                      v1::Pp46Result* out) {
  const std::string period_text = FormatPeriod(period);
  std::map<int64_t, store::RealisedRow> realised;
  for (const store::RealisedRow& r : store::RealisationsOf(tx, tenant, skp.id, period_text)) {
    realised[r.iki_id] = r;
  }
  std::vector<Pp46Activity> activities;
  for (const store::RhkRow& rhk : store::GetPlan(tx, tenant, skp.id, skp.approved_revision)) {
    for (const store::IkiRow& iki : rhk.ikis) {
      PlannedIki planned;
      planned.target = {iki.quantity, iki.quality, iki.months, iki.cost_idr};
      planned.breakdown_kind = ParsePeriodKind(iki.breakdown_kind);
      planned.breakdown = iki.breakdown;
      const std::optional<Pp46Aspects> target = Pp46PeriodTarget(planned, period);
      if (!target) continue;
      // Nothing recorded: realisation 0, which scores 0 (DOMAIN §3).
      Pp46Aspects real;
      if (auto r = realised.find(iki.id); r != realised.end()) {
        real = {r->second.quantity, r->second.quality, r->second.months, r->second.cost_idr};
      }
      activities.push_back({*target, real});
      v1::Pp46ActivityScore* a = out->add_activities();
      a->set_iki_id(iki.id);
      a->set_description(iki.description);
      FillTarget(*target, iki.unit, a->mutable_target());
      FillTarget(real, iki.unit, a->mutable_realisation());
    }
  }
  if (activities.empty()) {
    return absl::FailedPreconditionError(absl::StrCat("no IKI of SKP ", skp.id, " has a target in ",
                                                      period_text, " (rencana aksi)"));
  }
  const std::vector<int> perilaku(req.perilaku_scores().begin(), req.perilaku_scores().end());
  EK_ASSIGN_OR_RETURN(const Pp46Evaluation e,
                      EvaluatePp46(activities, req.tugas_tambahan(), ToDomain(req.kreativitas()),
                                   perilaku, {rules.skp_weight, rules.perilaku_weight}));
  for (size_t i = 0; i < e.activities.size(); ++i) {
    const Pp46ActivityScore& s = e.activities[i];
    v1::Pp46ActivityScore* a = out->mutable_activities(static_cast<int>(i));
    a->set_carried_out(s.carried_out);
    a->set_kuantitas(s.kuantitas.ToFixed2());
    a->set_kualitas(s.kualitas.ToFixed2());
    a->set_efisiensi_waktu(s.efisiensi_waktu.ToFixed2());
    a->set_waktu(s.waktu.ToFixed2());
    if (s.efisiensi_biaya) a->set_efisiensi_biaya(s.efisiensi_biaya->ToFixed2());
    if (s.biaya) a->set_biaya(s.biaya->ToFixed2());
    a->set_penghitungan(s.penghitungan.ToFixed2());
    a->set_aspects(s.aspects);
    a->set_nilai_capaian(s.nilai_capaian.ToFixed2());
    a->set_nilai_capaian_exact(s.nilai_capaian.ToString());
  }
  out->set_tugas_tambahan(req.tugas_tambahan());
  out->set_tugas_tambahan_points(e.tugas_tambahan_points);
  out->set_kreativitas(req.kreativitas());
  out->set_kreativitas_points(e.kreativitas_points);
  out->set_nilai_capaian_skp(e.nilai_capaian_skp.ToFixed2());
  out->set_nilai_capaian_skp_exact(e.nilai_capaian_skp.ToString());
  out->set_nilai_skp(e.nilai_skp.ToFixed2());
  *out->mutable_perilaku_scores() = req.perilaku_scores();
  out->set_nilai_perilaku(e.nilai_perilaku.ToFixed2());
  out->set_skp_weight_percent(rules.skp_weight);
  out->set_perilaku_weight_percent(rules.perilaku_weight);
  out->set_nilai_prestasi_kerja(e.nilai_prestasi_kerja.ToFixed2());
  out->set_nilai_prestasi_kerja_exact(e.nilai_prestasi_kerja.ToString());
  out->set_predikat(std::string(Pp46PredikatName(e.predikat)));
  return out->predikat();
}

// What the curve of a unit and period rests on.
struct UnitCurve {
  bool pp46 = false;
  std::optional<OrgPredikat> org;
  std::vector<CurveViolation> violations;
};

// The distribution of `nips`' evaluations of `period` under the unit's organisational predikat
// (PermenPANRB 6/2022), into `out`. pp46 when the period's evaluations (or, without any, the rules
// in force on its first day) are PP 46 ones, to which no curve applies.
UnitCurve FillDistribution(db::Tx& tx, const std::string& tenant, const std::string& unit,
                           const Period& period, const std::vector<std::string>& nips,
                           v1::Distribution* out) {
  const std::string period_text = FormatPeriod(period);
  UnitCurve curve;
  PredikatCounts counts;
  const std::vector<store::PredikatCountRow> rows =
      nips.empty() ? std::vector<store::PredikatCountRow>{}
                   : store::PredikatCounts(tx, tenant, period_text, nips);
  for (const store::PredikatCountRow& r : rows) {
    if (r.model == kPp46) {
      curve.pp46 = true;
      continue;
    }
    switch (ParsePredikat(r.predikat).value_or(Predikat::kSangatKurang)) {
      case Predikat::kSangatBaik:
        counts.sangat_baik += r.count;
        break;
      case Predikat::kBaik:
        counts.baik += r.count;
        break;
      case Predikat::kButuhPerbaikan:
        counts.butuh_perbaikan += r.count;
        break;
      case Predikat::kKurangMisconduct:
        counts.kurang_misconduct += r.count;
        break;
      case Predikat::kSangatKurang:
        counts.sangat_kurang += r.count;
        break;
    }
  }
  if (rows.empty()) {
    curve.pp46 = store::RulesInForce(tx, tenant, PeriodFirstDay(period)).model == kPp46;
  }
  out->set_org_unit_code(unit);
  out->set_period(period_text);
  out->set_sangat_baik(counts.sangat_baik);
  out->set_baik(counts.baik);
  out->set_butuh_perbaikan(counts.butuh_perbaikan);
  out->set_kurang_misconduct(counts.kurang_misconduct);
  out->set_sangat_kurang(counts.sangat_kurang);
  out->set_total(counts.total());
  if (std::optional<std::string> stored = store::OrgPerformanceOf(tx, tenant, unit, period_text)) {
    curve.org = ParseOrgPredikat(*stored);
  }
  if (!curve.org) return curve;
  out->set_org_predikat(ToProto(*curve.org));
  curve.violations = DistributionViolations(*curve.org, counts);
  for (const CurveViolation& c : curve.violations) {
    v1::CurveViolation* o = out->add_violations();
    o->set_rule(c.rule);
    for (Predikat p : c.predikat) o->add_predikat(std::string(PredikatName(p)));
    o->set_bound_kind(c.bound_kind == CurveBound::kFloor ? "FLOOR" : "CEILING");
    o->set_unit(c.unit == CurveUnit::kPercent ? "PERCENT" : "COUNT");
    o->set_bound(c.bound);
    o->set_actual(c.actual);
    o->set_total(c.total);
    o->set_message(c.message);
  }
  return curve;
}

std::string RuleCodes(const std::vector<CurveViolation>& violations) {
  return absl::StrJoin(violations, ", ",
                       [](std::string* out, const CurveViolation& c) { out->append(c.rule); });
}

absl::StatusOr<v1::Evaluation> ParseEvaluation(const store::StoredEvaluation& row) {
  v1::Evaluation e;
  if (!e.ParseFromString(row.result)) {
    return absl::InternalError(absl::StrCat("stored evaluation of SKP ", row.skp_id));
  }
  e.set_final(row.final);
  return e;
}

}  // namespace

// ---- organisational predikat -------------------------------------------------------------------

grpc::Status SkpServiceImpl::SetOrgPerformance(grpc::ServerContext* ctx,
                                               const v1::SetOrgPerformanceRequest* req,
                                               v1::OrgPerformance* resp) {
  return Serve(ctx, [&](const Caller& caller) -> absl::Status {
    Violations v;
    CheckUnitField(v, req->org_unit_code());
    absl::StatusOr<Period> period = ParsePeriod(req->period());
    v.Merge(period.status());
    if (req->predikat() == v1::ORG_PREDIKAT_UNSPECIFIED ||
        !v1::OrgPredikat_IsValid(req->predikat())) {
      v.Add("predikat", "ISTIMEWA, BAIK, BUTUH_PERBAIKAN, KURANG or SANGAT_KURANG");
    }
    EK_RETURN_IF_ERROR(v.ToStatus());
    if (!caller.principal.HasAny({Role::kAdminInstansi, Role::kVerifikatorTpp})) {
      return absl::PermissionDeniedError(
          "BKPSDM (ADMIN_INSTANSI or VERIFIKATOR_TPP) enters the organisational predikat");
    }
    EK_RETURN_IF_ERROR(directory_.CheckOrgUnit(caller.bearer, req->org_unit_code()));
    const std::string period_text = FormatPeriod(*period);
    const std::string predikat = StoredName(v1::OrgPredikat_Name(req->predikat()), "ORG_PREDIKAT_");
    absl::Time set_time;
    EK_RETURN_IF_ERROR(pool_.Write([&](db::Tx& tx) -> absl::Status {
      const store::RulesRow rules =
          store::RulesInForce(tx, caller.tenant(), PeriodFirstDay(*period));
      EK_RETURN_IF_ERROR(CheckPeriodKind(*period, RulesPeriodKind(rules)));
      set_time = store::SetOrgPerformance(tx, caller.tenant(), req->org_unit_code(), period_text,
                                          predikat, caller.subject());
      db::Audit(tx, caller.tenant(), caller.subject(), "ORG_PERFORMANCE_SET",
                absl::StrCat("orgUnit/", req->org_unit_code(), "/", period_text), predikat);
      return absl::OkStatus();
    }));
    resp->set_org_unit_code(req->org_unit_code());
    resp->set_period(period_text);
    resp->set_predikat(req->predikat());
    resp->set_set_by(caller.subject());
    *resp->mutable_set_time() = ToProtoTimestamp(set_time);
    return absl::OkStatus();
  });
}

// ---- evaluations -------------------------------------------------------------------------------

grpc::Status SkpServiceImpl::EvaluateSkp(grpc::ServerContext* ctx,
                                         const v1::EvaluateSkpRequest* req, v1::Evaluation* resp) {
  return Serve(ctx, [&](const Caller& caller) -> absl::Status {
    const absl::Time start = absl::Now();
    Violations v;
    if (req->skp_id() <= 0) v.Add("skp_id", "must be an SKP id");
    absl::StatusOr<Period> period = ParsePeriod(req->period());
    v.Merge(period.status());
    if (!v1::Rating_IsValid(req->rating_hasil_kerja())) {
      v.Add("rating_hasil_kerja", "DI_BAWAH, SESUAI or DI_ATAS_EKSPEKTASI");
    }
    if (!v1::Rating_IsValid(req->rating_perilaku())) {
      v.Add("rating_perilaku", "DI_BAWAH, SESUAI or DI_ATAS_EKSPEKTASI");
    }
    if (!v1::Kreativitas_IsValid(req->kreativitas())) {
      v.Add("kreativitas", "NONE, UNIT_KERJA, INSTANSI or NASIONAL");
    }
    if (req->skp_id() <= 0) return v.ToStatus();
    EK_ASSIGN_OR_RETURN(const store::SkpRow skp, ReadableSkp(caller, req->skp_id()));
    store::RulesRow rules;
    EK_RETURN_IF_ERROR(pool_.ReadOne([&](db::Tx& tx) -> absl::Status {
      rules = store::RulesInForce(tx, caller.tenant(), skp.start);
      return absl::OkStatus();
    }));
    if (period.ok()) {
      v.Merge(ParseSkpPeriod(req->period(), RulesPeriodKind(rules), skp.start, skp.end).status());
    }
    const bool pp46 = skp.model == kPp46;
    // 6/2022: a unit head's rating hasil kerja is the unit's organisational predikat.
    std::optional<std::string> headed_unit;
    if (pp46) {
      const char* unused = "not used under PP 46 (perilaku_scores)";
      if (req->rating_hasil_kerja() != 0) AddOnce(v, "rating_hasil_kerja", unused);
      if (req->rating_perilaku() != 0) AddOnce(v, "rating_perilaku", unused);
      if (req->perilaku_scores_size() != 5 && req->perilaku_scores_size() != 6) {
        v.Add("perilaku_scores", "5 aspect scores, or 6 with kepemimpinan");
      }
      for (int i = 0; i < req->perilaku_scores_size(); ++i) {
        if (req->perilaku_scores(i) < 0 || req->perilaku_scores(i) > 100) {
          v.Add(absl::StrCat("perilaku_scores[", i, "]"), "0 to 100");
        }
      }
      if (req->tugas_tambahan() < 0 || req->tugas_tambahan() > 1000) {
        v.Add("tugas_tambahan", "0 to 1000 tasks");
      }
      if (req->kreativitas() == v1::KREATIVITAS_UNSPECIFIED) {
        AddOnce(v, "kreativitas", "required: NONE, UNIT_KERJA, INSTANSI or NASIONAL");
      }
    } else {
      const char* unused = "not used under PermenPANRB 6/2022 (the two ratings)";
      if (req->perilaku_scores_size() > 0) v.Add("perilaku_scores", unused);
      if (req->tugas_tambahan() != 0) v.Add("tugas_tambahan", unused);
      if (req->kreativitas() != v1::KREATIVITAS_UNSPECIFIED) AddOnce(v, "kreativitas", unused);
      if (req->rating_perilaku() == v1::RATING_UNSPECIFIED) v.Add("rating_perilaku", "required");
      const absl::CivilDay day =
          std::min(std::max(period.ok() ? PeriodLastDay(*period) : Today(), skp.start), skp.end);
      EK_ASSIGN_OR_RETURN(const clients::EmployeeSnapshot who,
                          directory_.SnapshotOf(caller.bearer, skp.nip, day));
      if (who.head_of_unit) {
        headed_unit = who.org_unit_code;
        if (req->rating_hasil_kerja() != v1::RATING_UNSPECIFIED) {
          AddOnce(v, "rating_hasil_kerja",
                  "unset for a unit head: the unit's organisational predikat gives it");
        }
      } else if (req->rating_hasil_kerja() == v1::RATING_UNSPECIFIED) {
        v.Add("rating_hasil_kerja", "required");
      }
    }
    EK_RETURN_IF_ERROR(v.ToStatus());
    EK_RETURN_IF_ERROR(CheckPenilai(caller, skp.nip).status());
    const std::string period_text = FormatPeriod(*period);
    v1::Evaluation eval;
    EK_RETURN_IF_ERROR(pool_.Write([&](db::Tx& tx) -> absl::Status {
      EK_ASSIGN_OR_RETURN(const store::SkpRow current, store::GetSkp(tx, caller.tenant(), skp.id));
      if (current.approved_revision == 0) {
        return absl::FailedPreconditionError(
            absl::StrCat("SKP ", skp.id, " has no approved revision to evaluate"));
      }
      const std::optional<bool> final =
          store::EvaluationFinal(tx, caller.tenant(), skp.id, period_text);
      if (final && *final) {
        return absl::FailedPreconditionError(absl::StrCat(
            "the evaluation ", period_text, " of SKP ", skp.id, " is final (annual ratings)"));
      }
      eval.Clear();
      eval.set_skp_id(skp.id);
      eval.set_nip(skp.nip);
      eval.set_org_unit_code(skp.org_unit_code);
      eval.set_period(period_text);
      eval.set_model(ToProtoModel(skp.model));
      eval.set_evaluator_nip(caller.subject());
      store::EvaluationRow row;
      row.evaluate_time = absl::Now();
      *eval.mutable_evaluate_time() = ToProtoTimestamp(row.evaluate_time);
      if (pp46) {
        EK_ASSIGN_OR_RETURN(row.predikat, ScorePp46(tx, caller.tenant(), current, rules, *period,
                                                    *req, eval.mutable_pp46()));
      } else {
        v1::Rating2022Result* r = eval.mutable_permenpanrb();
        std::optional<Rating> hasil = ToDomain(req->rating_hasil_kerja());
        if (headed_unit) {
          const std::optional<std::string> stored =
              store::OrgPerformanceOf(tx, caller.tenant(), *headed_unit, period_text);
          const std::optional<OrgPredikat> org = stored ? ParseOrgPredikat(*stored) : std::nullopt;
          if (!org) {
            return absl::FailedPreconditionError(
                absl::StrCat("BKPSDM has not entered the organisational predikat of ", *headed_unit,
                             " for ", period_text, " (the unit head's rating)"));
          }
          hasil = UnitHeadRatingHasilKerja(*org);
          r->set_org_predikat(ToProto(*org));
          r->set_org_unit_code(*headed_unit);
        }
        const Rating perilaku = *ToDomain(req->rating_perilaku());
        r->set_rating_hasil_kerja(ToProto(*hasil));
        r->set_rating_perilaku(ToProto(perilaku));
        row.predikat = std::string(PredikatName(PredikatKinerja(*hasil, perilaku)));
        r->set_predikat(row.predikat);
      }
      row.skp_id = skp.id;
      row.period = period_text;
      row.nip = skp.nip;
      row.org_unit_code = skp.org_unit_code;
      row.evaluator_nip = caller.subject();
      eval.SerializeToString(&row.result);
      store::UpsertEvaluation(tx, caller.tenant(), row);
      db::Audit(tx, caller.tenant(), caller.subject(), "SKP_EVALUATE",
                absl::StrCat("skp/", skp.id, "/", period_text), row.predikat);
      return absl::OkStatus();
    }));
    metrics_.Evaluated(skp.model, absl::Now() - start);
    *resp = std::move(eval);
    return absl::OkStatus();
  });
}

grpc::Status SkpServiceImpl::ListEvaluations(grpc::ServerContext* ctx,
                                             const v1::ListEvaluationsRequest* req,
                                             v1::ListEvaluationsResponse* resp) {
  return Serve(ctx, [&](const Caller& caller) -> absl::Status {
    if (req->skp_id() <= 0) return InvalidField("skp_id", "must be an SKP id");
    EK_ASSIGN_OR_RETURN(const store::SkpRow skp, ReadableSkp(caller, req->skp_id()));
    std::vector<store::StoredEvaluation> rows;
    EK_RETURN_IF_ERROR(pool_.ReadOne([&](db::Tx& tx) -> absl::Status {
      rows = store::ListEvaluations(tx, caller.tenant(), skp.id);
      return absl::OkStatus();
    }));
    for (const store::StoredEvaluation& row : rows) {
      EK_ASSIGN_OR_RETURN(*resp->add_evaluations(), ParseEvaluation(row));
    }
    return absl::OkStatus();
  });
}

grpc::Status SkpServiceImpl::StreamEvaluations(grpc::ServerContext* ctx,
                                               const v1::StreamEvaluationsRequest* req,
                                               grpc::ServerWriter<v1::Evaluation>* writer) {
  return Serve(ctx, [&](const Caller& caller) -> absl::Status {
    Violations v;
    absl::StatusOr<Period> period = ParsePeriod(req->period());
    v.Merge(period.status());
    if (!req->org_unit_code().empty()) {
      CheckText(v, "org_unit_code", req->org_unit_code(), kIdText);
    }
    EK_RETURN_IF_ERROR(v.ToStatus());
    EK_RETURN_IF_ERROR(CheckBatchReader(caller));
    const bool all = req->org_unit_code().empty();
    std::vector<std::string> nips;
    if (!all) {
      EK_ASSIGN_OR_RETURN(nips, NipsOf(caller, req->org_unit_code()));
      if (nips.empty()) return absl::OkStatus();
    }
    const std::string period_text = FormatPeriod(*period);
    std::string after_nip;
    int64_t after_skp = 0;
    std::vector<store::StoredEvaluation> page;
    v1::Evaluation e;
    // Keyset pages, each its own statement: no transaction stays open while the client reads.
    do {
      EK_RETURN_IF_ERROR(pool_.ReadOne([&](db::Tx& tx) -> absl::Status {
        page = store::EvaluationPage(tx, caller.tenant(), period_text, all, nips, after_nip,
                                     after_skp, kStreamPage);
        return absl::OkStatus();
      }));
      for (const store::StoredEvaluation& row : page) {
        if (!e.ParseFromString(row.result)) {
          return absl::InternalError(absl::StrCat("stored evaluation of SKP ", row.skp_id));
        }
        e.set_final(row.final);
        if (!writer->Write(e)) return absl::CancelledError("the client went away");
      }
      if (!page.empty()) {
        after_nip = page.back().nip;
        after_skp = page.back().skp_id;
      }
    } while (page.size() == static_cast<size_t>(kStreamPage));
    return absl::OkStatus();
  });
}

// ---- the distribution curve ------------------------------------------------------------------

grpc::Status SkpServiceImpl::GetDistribution(grpc::ServerContext* ctx,
                                             const v1::GetDistributionRequest* req,
                                             v1::Distribution* resp) {
  return Serve(ctx, [&](const Caller& caller) -> absl::Status {
    Violations v;
    CheckUnitField(v, req->org_unit_code());
    absl::StatusOr<Period> period = ParsePeriod(req->period());
    v.Merge(period.status());
    EK_RETURN_IF_ERROR(v.ToStatus());
    // Identity decides who may list the unit's employees (tenant-wide roles, ADMIN_OPD).
    EK_ASSIGN_OR_RETURN(const std::vector<std::string> nips, NipsOf(caller, req->org_unit_code()));
    UnitCurve curve;
    EK_RETURN_IF_ERROR(pool_.Read([&](db::Tx& tx) -> absl::Status {
      curve = FillDistribution(tx, caller.tenant(), req->org_unit_code(), *period, nips, resp);
      return absl::OkStatus();
    }));
    if (curve.pp46) {
      return absl::FailedPreconditionError(
          "the curve applies to PermenPANRB 6/2022; these evaluations are PP 46 ones");
    }
    return absl::OkStatus();
  });
}

grpc::Status SkpServiceImpl::FinalizeAnnualRatings(grpc::ServerContext* ctx,
                                                   const v1::FinalizeAnnualRatingsRequest* req,
                                                   v1::FinalizeAnnualRatingsResponse* resp) {
  return Serve(ctx, [&](const Caller& caller) -> absl::Status {
    Violations v;
    CheckUnitField(v, req->org_unit_code());
    CheckYearField(v, req->year());
    if (req->override_violations() && req->override_reason().empty()) {
      v.Add("override_reason", "required to override the curve");
    } else {
      CheckText(v, "override_reason", req->override_reason(), kNoteText);
    }
    EK_RETURN_IF_ERROR(v.ToStatus());
    if (!caller.principal.HasAny({Role::kAdminInstansi, Role::kVerifikatorTpp})) {
      return absl::PermissionDeniedError(
          "BKPSDM (ADMIN_INSTANSI or VERIFIKATOR_TPP) finalises annual ratings");
    }
    if (req->override_violations() && !caller.IsTenantAdmin()) {
      return absl::PermissionDeniedError("only ADMIN_INSTANSI overrides the distribution curve");
    }
    EK_ASSIGN_OR_RETURN(const std::vector<std::string> nips, NipsOf(caller, req->org_unit_code()));
    const Period year{req->year(), PeriodKind::kAnnual, 1};
    const std::string target = absl::StrCat("orgUnit/", req->org_unit_code(), "/", req->year());
    EK_RETURN_IF_ERROR(pool_.Write([&](db::Tx& tx) -> absl::Status {
      resp->Clear();
      const UnitCurve curve = FillDistribution(tx, caller.tenant(), req->org_unit_code(), year,
                                               nips, resp->mutable_distribution());
      // PP 46 units have no curve (PermenPANRB 6/2022 only).
      if (!curve.pp46 && !curve.org) {
        return absl::FailedPreconditionError(
            absl::StrCat("BKPSDM has not entered the organisational predikat of ",
                         req->org_unit_code(), " for ", req->year()));
      }
      if (!curve.violations.empty() && !req->override_violations()) {
        return absl::FailedPreconditionError(absl::StrCat(
            "the distribution curve of ", req->org_unit_code(), " ", req->year(), " is violated (",
            RuleCodes(curve.violations), "); ADMIN_INSTANSI may override it with a reason"));
      }
      resp->set_finalized(
          store::FinalizeEvaluations(tx, caller.tenant(), FormatPeriod(year), nips));
      resp->set_overridden(!curve.violations.empty());
      if (resp->overridden()) {
        db::Audit(tx, caller.tenant(), caller.subject(), "SKP_CURVE_OVERRIDE", target,
                  absl::StrCat(RuleCodes(curve.violations), ": ", req->override_reason()));
      }
      db::Audit(tx, caller.tenant(), caller.subject(), "SKP_ANNUAL_FINALIZE", target,
                absl::StrCat(resp->finalized(), " evaluations"));
      return absl::OkStatus();
    }));
    if (resp->overridden()) metrics_.Decision("override");
    return absl::OkStatus();
  });
}

// ---- sanctions ------------------------------------------------------------------------------

grpc::Status SkpServiceImpl::ListSanctions(grpc::ServerContext* ctx,
                                           const v1::ListSanctionsRequest* req,
                                           v1::ListSanctionsResponse* resp) {
  return Serve(ctx, [&](const Caller& caller) -> absl::Status {
    Violations v;
    CheckYearField(v, req->year());
    if (!req->org_unit_code().empty()) {
      CheckText(v, "org_unit_code", req->org_unit_code(), kIdText);
    }
    EK_RETURN_IF_ERROR(v.ToStatus());
    if (!caller.principal.HasAny({Role::kAdminInstansi, Role::kVerifikatorTpp, Role::kAuditor})) {
      return absl::PermissionDeniedError(
          "the sanctions list is BKPSDM's (ADMIN_INSTANSI, VERIFIKATOR_TPP, AUDITOR)");
    }
    const bool all = req->org_unit_code().empty();
    std::vector<std::string> nips;
    if (!all) {
      EK_ASSIGN_OR_RETURN(nips, NipsOf(caller, req->org_unit_code()));
    }
    std::vector<store::EvaluationWithSkp> rows;
    std::map<absl::CivilDay, store::RulesRow> rules;
    EK_RETURN_IF_ERROR(pool_.Read([&](db::Tx& tx) -> absl::Status {
      rows = store::EvaluationsWithSkp(
          tx, caller.tenant(), FormatPeriod({req->year(), PeriodKind::kAnnual, 1}), all, nips);
      for (const store::EvaluationWithSkp& r : rows) {
        if (!rules.count(r.skp_start)) {
          rules[r.skp_start] = store::RulesInForce(tx, caller.tenant(), r.skp_start);
        }
      }
      return absl::OkStatus();
    }));
    for (const store::EvaluationWithSkp& r : rows) {
      EK_ASSIGN_OR_RETURN(const v1::Evaluation e, ParseEvaluation(r.evaluation));
      const bool include_kurang = rules[r.skp_start].sanctions_include_kurang;
      std::optional<SanctionRecommendation> rec;
      if (r.model == kPp46) {
        if (std::optional<int64_t> h = ParseReportedHundredths(e.pp46().nilai_capaian_skp())) {
          rec = SanctionForNilaiCapaian(*h);
        }
      } else if (std::optional<Predikat> p = ParsePredikat(e.permenpanrb().predikat())) {
        rec = SanctionForPredikat(*p, include_kurang);
      }
      if (!rec) continue;
      v1::SanctionLine* line = resp->add_lines();
      line->set_nip(e.nip());
      line->set_skp_id(e.skp_id());
      line->set_org_unit_code(r.org_unit_code);
      line->set_model(e.model());
      line->set_reason(std::string(SanctionReasonName(rec->reason)));
      if (rec->level) line->set_hukuman_disiplin(std::string(HukumanDisiplinName(*rec->level)));
      if (r.model == kPp46) {
        line->set_nilai_capaian_skp(e.pp46().nilai_capaian_skp());
        line->set_nilai_capaian_skp_exact(e.pp46().nilai_capaian_skp_exact());
      } else {
        line->set_predikat(e.permenpanrb().predikat());
        line->set_sanctions_include_kurang(include_kurang);
      }
      line->set_final(e.final());
    }
    return absl::OkStatus();
  });
}

}  // namespace ekinerja::skp
