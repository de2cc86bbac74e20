// SkpService: the rule sets, the SKP and its plan (RHK, IKI, targets, breakdowns), its lifecycle
// (DOMAIN §2: draft, submit, approve with expectations or reject with a reason, revise), the
// cascade view, and the batched reads of the other services.

#include <algorithm>
#include <map>
#include <set>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "api/convert.h"
#include "api/skp_service.h"
#include "civil.h"
#include "date_proto.h"
#include "domain/breakdown.h"
#include "domain/lifecycle.h"
#include "nip.h"
#include "page_token.h"
#include "request_id.h"
#include "request_log.h"
#include "status.h"
#include "text.h"

namespace ekinerja::skp {
namespace {

constexpr int kMaxRhks = 50;
constexpr int kMaxIkisPerRhk = 20;

store::Snapshot ToSnapshot(const clients::EmployeeSnapshot& s, const std::string& acting) {
  return {s.nip,           s.name,          s.golongan,      s.position_code,
          s.position_name, s.org_unit_code, s.org_unit_name, acting};
}

absl::StatusOr<SkpStatus> StatusOf(const std::string& stored) {
  std::optional<SkpStatus> s = ParseSkpStatus(stored);
  if (!s) return absl::InternalError(absl::StrCat("stored SKP status ", stored));
  return *s;
}

// The transition `action` from the latest revision's status, which must be `revision` (the one
// the client saw; another is FAILED_PRECONDITION: someone moved on).
absl::StatusOr<SkpStatus> Transition(db::Tx& tx, const std::string& tenant,
                                     const store::SkpRow& skp, int revision, SkpAction action,
                                     store::RevisionRow* rev_out) {
  if (revision != skp.latest_revision) {
    return absl::FailedPreconditionError(
        absl::StrCat("SKP ", skp.id, " is at revision ", skp.latest_revision, ", not ", revision));
  }
  EK_ASSIGN_OR_RETURN(*rev_out, store::GetRevision(tx, tenant, skp.id, revision));
  EK_ASSIGN_OR_RETURN(const SkpStatus from, StatusOf(rev_out->status));
  return NextStatus(from, action);
}

// The revision named by a request: 0 or negative is a violation.
void CheckRevisionField(Violations& v, int revision) {
  if (revision <= 0) v.Add("revision", "the revision being acted on (1 or more)");
}

void CheckIdField(Violations& v, int64_t id) {
  if (id <= 0) v.Add("id", "must be an SKP id");
}

std::string PeriodKindStored(v1::PeriodKind kind) {
  return StoredName(v1::PeriodKind_Name(kind), "PERIOD_KIND_");
}

// A plan from the request, checked field by field (paths "rhks[i].ikis[j].target.quantity"); ids
// must be the SKP's own (`known`) or 0 (new). New ids are not yet assigned.
std::vector<store::RhkRow> ParsePlan(const google::protobuf::RepeatedPtrField<v1::Rhk>& rhks,
                                     const store::KnownIds& known, Violations& v) {
  std::vector<store::RhkRow> out;
  if (rhks.size() > kMaxRhks) v.Add("rhks", absl::StrCat("at most ", kMaxRhks, " RHK"));
  const std::set<int64_t> known_rhks(known.rhks.begin(), known.rhks.end());
  const std::set<int64_t> known_ikis(known.ikis.begin(), known.ikis.end());
  std::set<int64_t> seen;
  for (int i = 0; i < rhks.size(); ++i) {
    const v1::Rhk& in = rhks[i];
    const std::string p = absl::StrCat("rhks[", i, "].");
    store::RhkRow rhk;
    rhk.id = in.id();
    if (in.id() != 0 && (!known_rhks.count(in.id()) || !seen.insert(in.id()).second)) {
      v.Add(p + "id", "0 for a new RHK, or one of this SKP's RHK ids, once");
    }
    if (in.kind() != v1::RHK_KIND_UTAMA && in.kind() != v1::RHK_KIND_TAMBAHAN) {
      v.Add(p + "kind", "UTAMA or TAMBAHAN");
    }
    rhk.kind = StoredName(v1::RhkKind_Name(in.kind()), "RHK_KIND_");
    if (in.description().empty()) {
      v.Add(p + "description", "required");
    } else {
      CheckText(v, p + "description", in.description(), kNoteText);
    }
    rhk.description = in.description();
    if (in.parent_rhk_id() < 0) v.Add(p + "parent_rhk_id", "an RHK id of the atasan, or 0");
    rhk.parent_rhk_id = in.parent_rhk_id();
    if (in.ikis().empty()) v.Add(p + "ikis", "at least one IKI");
    if (in.ikis_size() > kMaxIkisPerRhk) {
      v.Add(p + "ikis", absl::StrCat("at most ", kMaxIkisPerRhk, " IKI per RHK"));
    }
    for (int j = 0; j < in.ikis_size(); ++j) {
      const v1::Iki& ik = in.ikis(j);
      const std::string q = absl::StrCat(p, "ikis[", j, "].");
      store::IkiRow iki;
      iki.id = ik.id();
      if (ik.id() != 0 && (!known_ikis.count(ik.id()) || !seen.insert(ik.id()).second)) {
        v.Add(q + "id", "0 for a new IKI, or one of this SKP's IKI ids, once");
      }
      if (ik.description().empty()) {
        v.Add(q + "description", "required");
      } else {
        CheckText(v, q + "description", ik.description(), kNoteText);
      }
      iki.description = ik.description();
      const v1::Target& t = ik.target();
      if (t.quantity() <= 0 || t.quantity() > 1'000'000'000) {
        v.Add(q + "target.quantity", "1 to 1000000000");
      }
      if (t.unit().empty()) {
        v.Add(q + "target.unit", "required (\"dokumen\", \"laporan\", \"%\")");
      } else {
        CheckText(v, q + "target.unit", t.unit(), kNameText);
      }
      if (t.quality() < 1 || t.quality() > 1000) v.Add(q + "target.quality", "1 to 1000");
      if (t.months() < 1 || t.months() > 120) v.Add(q + "target.months", "1 to 120");
      if (t.cost_idr() < 0 || t.cost_idr() > 1'000'000'000'000'000) {
        v.Add(q + "target.cost_idr", "0 (no budget) to 10^15 rupiah");
      }
      iki.quantity = t.quantity();
      iki.unit = t.unit();
      iki.quality = t.quality();
      iki.months = t.months();
      iki.cost_idr = t.cost_idr();
      if (ik.breakdown_kind() != v1::PERIOD_KIND_UNSPECIFIED) {
        if (!v1::PeriodKind_IsValid(ik.breakdown_kind())) {
          v.Add(q + "breakdown_kind", "MONTHLY or QUARTERLY");
        } else {
          const PeriodKind kind = ik.breakdown_kind() == v1::PERIOD_KIND_MONTHLY
                                      ? PeriodKind::kMonthly
                                      : PeriodKind::kQuarterly;
          std::vector<BreakdownEntry> entries;
          for (const v1::BreakdownEntry& e : ik.breakdown()) {
            entries.push_back({e.period(), e.quantity()});
          }
          const std::vector<FieldViolation> problems =
              BreakdownViolations(kind, t.quantity(), entries);
          for (const FieldViolation& b : problems) v.Add(q + b.field, b.description);
          if (problems.empty()) {
            iki.breakdown_kind = PeriodKindStored(ik.breakdown_kind());
            iki.breakdown.assign(kind == PeriodKind::kMonthly ? 12 : 4, 0);
            for (const BreakdownEntry& e : entries) iki.breakdown[e.period - 1] = e.quantity;
          }
        }
      } else if (!ik.breakdown().empty()) {
        v.Add(q + "breakdown_kind", "MONTHLY or QUARTERLY when a breakdown is given");
      }
      rhk.ikis.push_back(std::move(iki));
    }
    out.push_back(std::move(rhk));
  }
  return out;
}

// Checks the cascade links of `plan` (DOMAIN §2): each parent_rhk_id must be an RHK of the
// atasan's approved SKP of `year`; below the top each RHK utama needs one when `required`.
void CheckLinks(db::Tx& tx, const std::string& tenant, const std::vector<store::RhkRow>& plan,
                const std::optional<clients::Person>& atasan, int year, bool required,
                Violations& v) {
  std::vector<int64_t> parents;
  for (const store::RhkRow& r : plan) {
    if (r.parent_rhk_id != 0) parents.push_back(r.parent_rhk_id);
  }
  std::set<int64_t> valid;
  if (atasan) {
    for (int64_t id : store::RhksOfApproved(tx, tenant, atasan->nip, year, parents)) {
      valid.insert(id);
    }
  }
  for (size_t i = 0; i < plan.size(); ++i) {
    const std::string field = absl::StrCat("rhks[", i, "].parent_rhk_id");
    const store::RhkRow& r = plan[i];
    if (r.parent_rhk_id == 0) {
      if (required && atasan && r.kind == "UTAMA") {
        v.Add(field, absl::StrCat("an RHK utama is linked to the RHK of the atasan (", atasan->nip,
                                  ") that it intervenes"));
      }
    } else if (!atasan) {
      v.Add(field, "the top of the tree links to no RHK (0)");
    } else if (!valid.count(r.parent_rhk_id)) {
      v.Add(field, absl::StrCat("not an RHK of the approved SKP ", year, " of the atasan (",
                                atasan->nip, ")"));
    }
  }
}

}  // namespace

// ---- rules ---------------------------------------------------------------------------------

grpc::Status SkpServiceImpl::GetSkpRules(grpc::ServerContext* ctx,
                                         const v1::GetSkpRulesRequest* req, v1::SkpRules* resp) {
  return Serve(ctx, [&](const Caller& caller) -> absl::Status {
    absl::CivilDay day = Today();
    if (IsSet(req->date())) {
      EK_ASSIGN_OR_RETURN(day, FromProtoDate(req->date(), "date"));
    }
    return pool_.ReadOne([&](db::Tx& tx) -> absl::Status {
      ToProto(store::RulesInForce(tx, caller.tenant(), day), resp);
      return absl::OkStatus();
    });
  });
}

grpc::Status SkpServiceImpl::ListSkpRules(grpc::ServerContext* ctx, const v1::ListSkpRulesRequest*,
                                          v1::ListSkpRulesResponse* resp) {
  return Serve(ctx, [&](const Caller& caller) -> absl::Status {
    return pool_.ReadOne([&](db::Tx& tx) -> absl::Status {
      for (const store::RulesRow& r : store::ListRules(tx, caller.tenant())) {
        ToProto(r, resp->add_rules());
      }
      return absl::OkStatus();
    });
  });
}

grpc::Status SkpServiceImpl::CreateSkpRules(grpc::ServerContext* ctx,
                                            const v1::CreateSkpRulesRequest* req,
                                            v1::SkpRules* resp) {
  return Serve(ctx, [&](const Caller& caller) -> absl::Status {
    EK_RETURN_IF_ERROR(RequireTenantAdmin(caller));
    const v1::SkpRules& in = req->rules();
    Violations v;
    store::RulesRow rules;
    absl::StatusOr<absl::CivilDay> from =
        FromProtoDate(in.effective_from(), "rules.effective_from");
    v.Merge(from.status());
    if (from.ok()) rules.effective_from = *from;
    if (in.model() != v1::SKP_MODEL_PERMENPANRB_6_2022 && in.model() != v1::SKP_MODEL_PP46) {
      v.Add("rules.model", "PERMENPANRB_6_2022 or PP46");
    }
    rules.model = StoredName(v1::SkpModel_Name(in.model()), "SKP_MODEL_");
    if (in.skp_weight_percent() < 0 || in.perilaku_weight_percent() < 0 ||
        in.skp_weight_percent() + in.perilaku_weight_percent() != 100) {
      v.Add("rules.perilaku_weight_percent",
            "the two weights are 0-100 and sum to 100 (60/40, 70/30)");
    }
    rules.skp_weight = in.skp_weight_percent();
    rules.perilaku_weight = in.perilaku_weight_percent();
    if (in.period_kind() != v1::PERIOD_KIND_MONTHLY &&
        in.period_kind() != v1::PERIOD_KIND_QUARTERLY) {
      v.Add("rules.period_kind", "MONTHLY or QUARTERLY");
    }
    rules.period_kind = PeriodKindStored(in.period_kind());
    rules.submission_gate = in.submission_gate();
    rules.sanctions_include_kurang = in.sanctions_include_kurang();
    rules.feedback_weights = {in.feedback_atasan_percent(), in.feedback_rekan_percent(),
                              in.feedback_bawahan_percent(), in.feedback_self_percent()};
    int sum = 0;
    bool negative = false;
    for (int w : rules.feedback_weights) {
      sum += w;
      negative = negative || w < 0;
    }
    if (negative || sum != 100) {
      v.Add("rules.feedback_self_percent", "the four 360° weights are 0-100 and sum to 100");
    }
    CheckRequestIdText(v, req->request_id());
    EK_RETURN_IF_ERROR(v.ToStatus());
    return pool_.Write([&](db::Tx& tx) -> absl::Status {
      const std::optional<int64_t> earlier = db::FindRequestKey(
          tx, caller.tenant(), caller.subject(), "CreateSkpRules", req->request_id());
      if (earlier) {
        for (const store::RulesRow& r : store::ListRules(tx, caller.tenant())) {
          if (r.version == *earlier) {
            EK_ASSIGN_OR_RETURN(RequestIdUse use, CheckRequestId(
                                                      std::optional<store::RulesRow>(r),
                                                      [&](const store::RulesRow& e) {
                                                        return e.effective_from ==
                                                               rules.effective_from;
                                                      },
                                                      "another rule set"));
            (void)use;
            ToProto(r, resp);
            return absl::OkStatus();
          }
        }
      }
      EK_ASSIGN_OR_RETURN(const store::RulesRow made,
                          store::InsertRules(tx, caller.tenant(), rules, caller.subject()));
      if (!db::InsertRequestKey(tx, caller.tenant(), caller.subject(), "CreateSkpRules",
                                req->request_id(), made.version)) {
        return RequestIdRace();
      }
      db::Audit(tx, caller.tenant(), caller.subject(), "SKP_RULES_CREATE",
                FormatDate(made.effective_from),
                absl::StrCat("version ", made.version, " model ", made.model));
      ToProto(made, resp);
      return absl::OkStatus();
    });
  });
}

// ---- the SKP --------------------------------------------------------------------------------

grpc::Status SkpServiceImpl::CreateSkp(grpc::ServerContext* ctx, const v1::CreateSkpRequest* req,
                                       v1::Skp* resp) {
  return Serve(ctx, [&](const Caller& caller) -> absl::Status {
    const v1::Skp& in = req->skp();
    Violations v;
    absl::StatusOr<Nip> nip = ParseNip(in.nip(), "skp.nip");
    v.Merge(nip.status());
    if (in.year() < 2000 || in.year() > 2100) v.Add("skp.year", "2000 to 2100");
    absl::CivilDay start(in.year(), 1, 1), end(in.year(), 12, 31);
    if (IsSet(in.start_date())) {
      absl::StatusOr<absl::CivilDay> d = FromProtoDate(in.start_date(), "skp.start_date");
      v.Merge(d.status());
      if (d.ok()) start = *d;
      if (d.ok() && d->year() != in.year()) v.Add("skp.start_date", "within the SKP's year");
    }
    if (IsSet(in.end_date())) {
      absl::StatusOr<absl::CivilDay> d = FromProtoDate(in.end_date(), "skp.end_date");
      v.Merge(d.status());
      if (d.ok()) end = *d;
      if (d.ok() && d->year() != in.year()) v.Add("skp.end_date", "within the SKP's year");
    }
    if (end < start) v.Add("skp.end_date", "on or after start_date");
    CheckRequestIdText(v, req->request_id());
    EK_RETURN_IF_ERROR(v.ToStatus());
    if (caller.subject() != nip->digits && !caller.IsTenantAdmin()) {
      return absl::PermissionDeniedError("an employee creates their own SKP (or ADMIN_INSTANSI)");
    }
    // Replays answer before identity is asked again.
    std::optional<int64_t> earlier;
    EK_RETURN_IF_ERROR(pool_.ReadOne([&](db::Tx& tx) -> absl::Status {
      earlier =
          db::FindRequestKey(tx, caller.tenant(), caller.subject(), "CreateSkp", req->request_id());
      return absl::OkStatus();
    }));
    if (earlier) {
      v1::Skp existing;
      EK_RETURN_IF_ERROR(LoadSkp(caller, *earlier, 0, &existing));
      EK_ASSIGN_OR_RETURN(RequestIdUse use, CheckRequestId(
                                                std::optional<v1::Skp>(existing),
                                                [&](const v1::Skp& e) {
                                                  return e.nip() == nip->digits &&
                                                         e.year() == in.year() &&
                                                         e.start_date().SerializeAsString() ==
                                                             ToProtoDate(start).SerializeAsString();
                                                },
                                                "another SKP"));
      (void)use;
      *resp = std::move(existing);
      return absl::OkStatus();
    }
    absl::StatusOr<clients::EmployeeSnapshot> who =
        directory_.SnapshotOf(caller.bearer, nip->digits, start);
    if (absl::IsNotFound(who.status())) {
      return InvalidField(
          "skp.start_date",
          absl::StrCat(nip->digits, " holds no definitive position on ", FormatDate(start)));
    }
    if (absl::IsPermissionDenied(who.status())) {
      return absl::PermissionDeniedError(
          absl::StrCat("the caller may not create an SKP for ", nip->digits));
    }
    EK_RETURN_IF_ERROR(who.status());
    int64_t id = 0;
    EK_RETURN_IF_ERROR(pool_.Write([&](db::Tx& tx) -> absl::Status {
      store::LockEmployee(tx, caller.tenant(), nip->digits);
      if (std::optional<int64_t> other =
              store::Overlapping(tx, caller.tenant(), nip->digits, start, end)) {
        return absl::AlreadyExistsError(absl::StrCat(
            nip->digits, " already has SKP ", *other, " for days of ", FormatDate(start), " to ",
            FormatDate(end), " (a new SKP needs a new position period)"));
      }
      store::SkpRow row;
      row.nip = nip->digits;
      row.year = in.year();
      row.start = start;
      row.end = end;
      row.position_code = who->position_code;
      row.org_unit_code = who->org_unit_code;
      row.model = store::RulesInForce(tx, caller.tenant(), start).model;
      id = store::InsertSkp(tx, caller.tenant(), row);
      if (!db::InsertRequestKey(tx, caller.tenant(), caller.subject(), "CreateSkp",
                                req->request_id(), id)) {
        return RequestIdRace();
      }
      return absl::OkStatus();
    }));
    metrics_.Transition("DRAFT");
    return LoadSkp(caller, id, 0, resp);
  });
}

grpc::Status SkpServiceImpl::GetSkp(grpc::ServerContext* ctx, const v1::GetSkpRequest* req,
                                    v1::Skp* resp) {
  return Serve(ctx, [&](const Caller& caller) -> absl::Status {
    EK_RETURN_IF_ERROR(ReadableSkp(caller, req->id()).status());
    return LoadSkp(caller, req->id(), req->revision(), resp);
  });
}

grpc::Status SkpServiceImpl::ListSkps(grpc::ServerContext* ctx, const v1::ListSkpsRequest* req,
                                      v1::ListSkpsResponse* resp) {
  return Serve(ctx, [&](const Caller& caller) -> absl::Status {
    Violations v;
    absl::StatusOr<Nip> nip = ParseNip(req->nip(), "nip");
    v.Merge(nip.status());
    if (req->year() != 0 && (req->year() < 2000 || req->year() > 2100)) {
      v.Add("year", "0 (every year) or 2000 to 2100");
    }
    EK_RETURN_IF_ERROR(v.ToStatus());
    EK_RETURN_IF_ERROR(CheckReads(caller, nip->digits));
    return pool_.Read([&](db::Tx& tx) -> absl::Status {
      for (const store::SkpRow& skp :
           store::ListSkps(tx, caller.tenant(), nip->digits, req->year())) {
        FillSkp(tx, caller.tenant(), skp, 0, resp->add_skps());
      }
      return absl::OkStatus();
    });
  });
}

grpc::Status SkpServiceImpl::UpdateSkpPlan(grpc::ServerContext* ctx,
                                           const v1::UpdateSkpPlanRequest* req, v1::Skp* resp) {
  return Serve(ctx, [&](const Caller& caller) -> absl::Status {
    Violations v;
    CheckIdField(v, req->id());
    CheckRevisionField(v, req->revision());
    EK_RETURN_IF_ERROR(v.ToStatus());
    EK_ASSIGN_OR_RETURN(const store::SkpRow skp, ReadableSkp(caller, req->id()));
    EK_RETURN_IF_ERROR(CheckOwner(caller, skp.nip));
    bool links = false;
    for (const v1::Rhk& r : req->rhks()) links = links || r.parent_rhk_id() > 0;
    std::optional<clients::Person> atasan;
    if (links) {
      EK_ASSIGN_OR_RETURN(
          const clients::Supervisors sup,
          directory_.SupervisorsOf(caller.bearer, skp.nip, DayWithin(Today(), skp)));
      atasan = sup.atasan_langsung;
    }
    EK_RETURN_IF_ERROR(pool_.Write([&](db::Tx& tx) -> absl::Status {
      EK_ASSIGN_OR_RETURN(const store::SkpRow locked,
                          store::GetSkp(tx, caller.tenant(), skp.id, /*for_update=*/true));
      store::RevisionRow rev;
      EK_RETURN_IF_ERROR(
          Transition(tx, caller.tenant(), locked, req->revision(), SkpAction::kEdit, &rev)
              .status());
      Violations pv;
      std::vector<store::RhkRow> plan =
          ParsePlan(req->rhks(), store::PlanIds(tx, caller.tenant(), skp.id), pv);
      if (pv.empty()) CheckLinks(tx, caller.tenant(), plan, atasan, skp.year, false, pv);
      EK_RETURN_IF_ERROR(pv.ToStatus());
      int fresh = 0;
      for (const store::RhkRow& r : plan) {
        fresh += r.id == 0;
        for (const store::IkiRow& i : r.ikis) fresh += i.id == 0;
      }
      const std::vector<int64_t> ids = store::NextPlanIds(tx, fresh);
      size_t next = 0;
      for (store::RhkRow& r : plan) {
        if (r.id == 0) r.id = ids[next++];
        for (store::IkiRow& i : r.ikis) {
          if (i.id == 0) i.id = ids[next++];
        }
      }
      store::ReplacePlan(tx, caller.tenant(), skp.id, req->revision(), plan);
      store::TouchRevision(tx, caller.tenant(), skp.id, req->revision());
      return absl::OkStatus();
    }));
    return LoadSkp(caller, skp.id, 0, resp);
  });
}

absl::Status SkpServiceImpl::Act(const Caller& caller, int64_t id, int revision, Violations v,
                                 SkpAction action, const BeforeAct& before, const DoAct& act,
                                 absl::string_view entered, v1::Skp* resp) {
  CheckIdField(v, id);
  CheckRevisionField(v, revision);
  EK_RETURN_IF_ERROR(v.ToStatus());
  EK_ASSIGN_OR_RETURN(const store::SkpRow skp, ReadableSkp(caller, id));
  EK_RETURN_IF_ERROR(before(skp));
  EK_RETURN_IF_ERROR(pool_.Write([&](db::Tx& tx) -> absl::Status {
    EK_ASSIGN_OR_RETURN(const store::SkpRow locked,
                        store::GetSkp(tx, caller.tenant(), skp.id, /*for_update=*/true));
    store::RevisionRow rev;
    EK_RETURN_IF_ERROR(Transition(tx, caller.tenant(), locked, revision, action, &rev).status());
    return act(tx, locked);
  }));
  metrics_.Transition(entered);
  return LoadSkp(caller, skp.id, 0, resp);
}

grpc::Status SkpServiceImpl::SubmitSkp(grpc::ServerContext* ctx, const v1::SubmitSkpRequest* req,
                                       v1::Skp* resp) {
  return Serve(ctx, [&](const Caller& caller) -> absl::Status {
    clients::Supervisors sup;
    auto before = [&](const store::SkpRow& skp) -> absl::Status {
      EK_RETURN_IF_ERROR(CheckOwner(caller, skp.nip));
      EK_ASSIGN_OR_RETURN(
          sup, directory_.SupervisorsOf(caller.bearer, skp.nip, DayWithin(Today(), skp)));
      return absl::OkStatus();
    };
    auto act = [&](db::Tx& tx, const store::SkpRow& skp) -> absl::Status {
      const store::RulesRow rules = store::RulesInForce(tx, caller.tenant(), skp.start);
      const bool has_atasan = sup.atasan_langsung.has_value();
      EK_RETURN_IF_ERROR(CheckSubmissionGate(
          skp.year, has_atasan,
          has_atasan &&
              store::HasApprovedSkp(tx, caller.tenant(), sup.atasan_langsung->nip, skp.year),
          rules.submission_gate));
      const std::vector<store::RhkRow> plan =
          store::GetPlan(tx, caller.tenant(), skp.id, req->revision());
      bool has_utama = false;
      for (const store::RhkRow& r : plan) has_utama = has_utama || r.kind == "UTAMA";
      if (!has_utama) {
        return absl::FailedPreconditionError("an SKP is submitted with at least one RHK utama");
      }
      Violations lv;
      CheckLinks(tx, caller.tenant(), plan, sup.atasan_langsung, skp.year, true, lv);
      EK_RETURN_IF_ERROR(lv.ToStatus("the plan's links to the atasan's RHK"));
      store::SubmitRevision(tx, caller.tenant(), skp.id, req->revision(),
                            sup.pejabat_penilai ? sup.pejabat_penilai->nip : "");
      return absl::OkStatus();
    };
    return Act(caller, req->id(), req->revision(), Violations(), SkpAction::kSubmit, before, act,
               "SUBMITTED", resp);
  });
}

grpc::Status SkpServiceImpl::WithdrawSkp(grpc::ServerContext* ctx,
                                         const v1::WithdrawSkpRequest* req, v1::Skp* resp) {
  return Serve(ctx, [&](const Caller& caller) -> absl::Status {
    return Act(
        caller, req->id(), req->revision(), Violations(), SkpAction::kWithdraw,
        [&](const store::SkpRow& skp) { return CheckOwner(caller, skp.nip); },
        [&](db::Tx& tx, const store::SkpRow& skp) {
          store::WithdrawRevision(tx, caller.tenant(), skp.id, req->revision());
          return absl::OkStatus();
        },
        "WITHDRAWN", resp);
  });
}

grpc::Status SkpServiceImpl::ApproveSkp(grpc::ServerContext* ctx, const v1::ApproveSkpRequest* req,
                                        v1::Skp* resp) {
  return Serve(ctx, [&](const Caller& caller) -> absl::Status {
    Violations v;
    std::vector<int64_t> rhk_ids;
    std::vector<std::string> rhk_texts;
    for (int i = 0; i < req->rhk_expectations_size(); ++i) {
      const v1::RhkExpectation& e = req->rhk_expectations(i);
      const std::string p = absl::StrCat("rhk_expectations[", i, "].");
      if (e.rhk_id() <= 0) v.Add(p + "rhk_id", "an RHK of this revision");
      CheckText(v, p + "expectation", e.expectation(), kNoteText);
      rhk_ids.push_back(e.rhk_id());
      rhk_texts.push_back(e.expectation());
    }
    std::vector<std::string> perilaku;
    std::set<int> values;
    for (int i = 0; i < req->perilaku_expectations_size(); ++i) {
      const v1::PerilakuExpectation& e = req->perilaku_expectations(i);
      const std::string p = absl::StrCat("perilaku_expectations[", i, "].");
      if (e.value() == v1::BERAKHLAK_VALUE_UNSPECIFIED || !v1::BerakhlakValue_IsValid(e.value()) ||
          !values.insert(e.value()).second) {
        v.Add(p + "value", "one of the seven BerAKHLAK values, once");
      }
      CheckText(v, p + "expectation", e.expectation(), kNoteText);
      perilaku.push_back(StoredName(v1::BerakhlakValue_Name(e.value()), "BERAKHLAK_VALUE_"));
      perilaku.push_back(e.expectation());
    }
    store::Snapshot employee, penilai_snapshot;
    auto before = [&](const store::SkpRow& skp) -> absl::Status {
      EK_ASSIGN_OR_RETURN(const clients::Person penilai, CheckPenilai(caller, skp.nip));
      // The snapshots identity is asked for once, as of the decision (DOMAIN §2).
      const absl::CivilDay day = DayWithin(Today(), skp);
      EK_ASSIGN_OR_RETURN(const clients::EmployeeSnapshot e,
                          directory_.SnapshotOf(caller.bearer, skp.nip, day));
      employee = ToSnapshot(e, "DEFINITIF");
      // The tenant admin deciding for the top of the tree holds no position (CheckPenilai).
      penilai_snapshot = {penilai.nip, penilai.name, "", "", "", "", "", "ADMIN"};
      if (!penilai.position_code.empty()) {
        EK_ASSIGN_OR_RETURN(
            const clients::EmployeeSnapshot s,
            directory_.SnapshotOf(
                caller.bearer, penilai.nip, day,
                penilai.kind == clients::ActingKind::kDefinitif ? "" : penilai.position_code));
        penilai_snapshot = ToSnapshot(s, clients::ActingKindName(penilai.kind));
      }
      return absl::OkStatus();
    };
    auto act = [&](db::Tx& tx, const store::SkpRow& skp) -> absl::Status {
      std::set<int64_t> plan_ids;
      for (const store::RhkRow& r : store::GetPlan(tx, caller.tenant(), skp.id, req->revision())) {
        plan_ids.insert(r.id);
      }
      Violations ev;
      for (size_t i = 0; i < rhk_ids.size(); ++i) {
        if (!plan_ids.count(rhk_ids[i])) {
          ev.Add(absl::StrCat("rhk_expectations[", i, "].rhk_id"), "an RHK of this revision");
        }
      }
      EK_RETURN_IF_ERROR(ev.ToStatus());
      store::ApproveRevision(tx, caller.tenant(), skp.id, req->revision(), caller.subject(),
                             employee, penilai_snapshot, perilaku);
      store::SetRhkExpectations(tx, caller.tenant(), skp.id, req->revision(), rhk_ids, rhk_texts);
      store::SetRevisions(tx, caller.tenant(), skp.id, skp.latest_revision, req->revision());
      db::Audit(tx, caller.tenant(), caller.subject(), "SKP_APPROVE",
                absl::StrCat("skp/", skp.id, "/", req->revision()),
                absl::StrCat("nip ", skp.nip, " as ", penilai_snapshot[7]));
      return absl::OkStatus();
    };
    EK_RETURN_IF_ERROR(Act(caller, req->id(), req->revision(), std::move(v), SkpAction::kApprove,
                           before, act, "APPROVED", resp));
    metrics_.Decision("approve");
    return absl::OkStatus();
  });
}

grpc::Status SkpServiceImpl::RejectSkp(grpc::ServerContext* ctx, const v1::RejectSkpRequest* req,
                                       v1::Skp* resp) {
  return Serve(ctx, [&](const Caller& caller) -> absl::Status {
    Violations v;
    v.Merge(CheckRejectionReason(req->reason()));
    CheckText(v, "reason", req->reason(), kNoteText);
    EK_RETURN_IF_ERROR(Act(
        caller, req->id(), req->revision(), std::move(v), SkpAction::kReject,
        [&](const store::SkpRow& skp) { return CheckPenilai(caller, skp.nip).status(); },
        [&](db::Tx& tx, const store::SkpRow& skp) {
          store::RejectRevision(tx, caller.tenant(), skp.id, req->revision(), caller.subject(),
                                req->reason());
          db::Audit(tx, caller.tenant(), caller.subject(), "SKP_REJECT",
                    absl::StrCat("skp/", skp.id, "/", req->revision()), req->reason());
          return absl::OkStatus();
        },
        "REJECTED", resp));
    metrics_.Decision("reject");
    return absl::OkStatus();
  });
}

grpc::Status SkpServiceImpl::ReviseSkp(grpc::ServerContext* ctx, const v1::ReviseSkpRequest* req,
                                       v1::Skp* resp) {
  return Serve(ctx, [&](const Caller& caller) -> absl::Status {
    return Act(
        caller, req->id(), req->revision(), Violations(), SkpAction::kRevise,
        [&](const store::SkpRow& skp) { return CheckOwner(caller, skp.nip); },
        [&](db::Tx& tx, const store::SkpRow& skp) {
          const int next = skp.latest_revision + 1;
          store::InsertRevision(tx, caller.tenant(), skp.id, next);
          store::CopyPlan(tx, caller.tenant(), skp.id, skp.latest_revision, next);
          store::SetRevisions(tx, caller.tenant(), skp.id, next, skp.approved_revision);
          return absl::OkStatus();
        },
        "DRAFT", resp);
  });
}

grpc::Status SkpServiceImpl::ListSkpRevisions(grpc::ServerContext* ctx,
                                              const v1::ListSkpRevisionsRequest* req,
                                              v1::ListSkpRevisionsResponse* resp) {
  return Serve(ctx, [&](const Caller& caller) -> absl::Status {
    EK_ASSIGN_OR_RETURN(const store::SkpRow skp, ReadableSkp(caller, req->id()));
    return pool_.ReadOne([&](db::Tx& tx) -> absl::Status {
      for (const store::RevisionRow& r : store::ListRevisions(tx, caller.tenant(), skp.id)) {
        ToProto(r, resp->add_revisions());
      }
      return absl::OkStatus();
    });
  });
}

grpc::Status SkpServiceImpl::ListPendingSkps(grpc::ServerContext* ctx,
                                             const v1::ListPendingSkpsRequest* req,
                                             v1::ListPendingSkpsResponse* resp) {
  return Serve(ctx, [&](const Caller& caller) -> absl::Status {
    EK_ASSIGN_OR_RETURN(const int page_size, PageSize(req->page_size()));
    // The top of the tree's SKPs wait for the tenant admin (CheckPenilai).
    const std::string approver =
        caller.IsTenantAdmin() && !caller.principal.Has(Role::kPegawai) ? "" : caller.subject();
    const std::string fingerprint = absl::StrCat("pending|", approver);
    EK_ASSIGN_OR_RETURN(const std::string after, DecodePageToken(req->page_token(), fingerprint));
    int64_t after_micros = 0, after_id = 0;
    if (!after.empty()) {
      std::vector<std::string> parts = absl::StrSplit(after, '/');
      if (parts.size() != 2 || !absl::SimpleAtoi(parts[0], &after_micros) ||
          !absl::SimpleAtoi(parts[1], &after_id)) {
        return InvalidField("page_token", "not a page token of this list");
      }
    }
    return pool_.Read([&](db::Tx& tx) -> absl::Status {
      const std::vector<store::PendingRow> rows =
          store::ListPending(tx, caller.tenant(), approver, absl::FromUnixMicros(after_micros),
                             after_id, page_size + 1);
      resp->set_next_page_token(WritePage(
          rows, page_size, fingerprint,
          [&](const store::PendingRow& r) {
            FillSkp(tx, caller.tenant(), r.skp, 0, resp->add_skps());
          },
          [](const store::PendingRow& r) {
            return absl::StrCat(absl::ToUnixMicros(r.submit_time), "/", r.skp.id);
          }));
      return absl::OkStatus();
    });
  });
}

// ---- the cascade ----------------------------------------------------------------------------

grpc::Status SkpServiceImpl::GetCascade(grpc::ServerContext* ctx, const v1::GetCascadeRequest* req,
                                        v1::Cascade* resp) {
  return Serve(ctx, [&](const Caller& caller) -> absl::Status {
    Violations v;
    if (req->year() < 2000 || req->year() > 2100) v.Add("year", "2000 to 2100");
    if (req->nip().empty() == req->org_unit_code().empty()) {
      v.Add("org_unit_code", "either nip or org_unit_code");
    }
    if (!req->nip().empty()) v.Merge(ParseNip(req->nip(), "nip").status());
    if (!req->org_unit_code().empty()) {
      CheckText(v, "org_unit_code", req->org_unit_code(), kIdText);
    }
    EK_RETURN_IF_ERROR(v.ToStatus());
    std::vector<std::string> nips;
    if (!req->nip().empty()) {
      EK_RETURN_IF_ERROR(CheckReads(caller, req->nip()));
      nips.push_back(req->nip());
    } else {
      EK_ASSIGN_OR_RETURN(nips, NipsOf(caller, req->org_unit_code()));
    }
    std::vector<store::CascadeRhkRow> rows;
    EK_RETURN_IF_ERROR(pool_.ReadOne([&](db::Tx& tx) -> absl::Status {
      rows = store::CascadeRhks(tx, caller.tenant(), req->year(), nips);
      return absl::OkStatus();
    }));
    const std::set<std::string> asked(nips.begin(), nips.end());
    std::map<int64_t, const store::CascadeRhkRow*> by_id;
    std::map<int64_t, std::vector<const store::CascadeRhkRow*>> children;
    std::set<std::string> penilai_of_someone;
    for (const store::CascadeRhkRow& r : rows) {
      by_id[r.rhk_id] = &r;
      if (r.parent_rhk_id != 0) children[r.parent_rhk_id].push_back(&r);
      penilai_of_someone.insert(r.penilai);
    }
    auto fill = [](const store::CascadeRhkRow& r, v1::CascadeRhk* out) {
      out->set_nip(r.nip);
      out->set_skp_id(r.skp_id);
      out->set_rhk_id(r.rhk_id);
      out->set_kind(ToProtoRhkKind(r.kind));
      out->set_description(r.description);
    };
    for (const store::CascadeRhkRow& r : rows) {
      if (!asked.count(r.nip)) continue;
      v1::CascadeRow* row = resp->add_rows();
      fill(r, row->mutable_rhk());
      if (auto p = by_id.find(r.parent_rhk_id); p != by_id.end()) {
        fill(*p->second, row->mutable_parent());
      }
      for (const store::CascadeRhkRow* c : children[r.rhk_id]) fill(*c, row->add_carried_by());
      // Someone rated by this RHK's owner exists, yet nobody carries it.
      if (r.kind == "UTAMA" && children[r.rhk_id].empty() && penilai_of_someone.count(r.nip)) {
        fill(r, resp->add_not_carried());
      }
    }
    return absl::OkStatus();
  });
}

// ---- reads of other services ------------------------------------------------------------------

grpc::Status SkpServiceImpl::ListRhksForDate(grpc::ServerContext* ctx,
                                             const v1::ListRhksForDateRequest* req,
                                             v1::ListRhksForDateResponse* resp) {
  return Serve(ctx, [&](const Caller& caller) -> absl::Status {
    Violations v;
    v.Merge(ParseNip(req->nip(), "nip").status());
    absl::StatusOr<absl::CivilDay> day = FromProtoDate(req->date(), "date");
    v.Merge(day.status());
    EK_RETURN_IF_ERROR(v.ToStatus());
    EK_RETURN_IF_ERROR(CheckReads(caller, req->nip()));
    return pool_.Read([&](db::Tx& tx) -> absl::Status {
      const std::vector<store::SkpRow> skps =
          store::SkpsInForceOn(tx, caller.tenant(), req->nip(), *day);
      if (skps.empty()) return absl::OkStatus();
      const store::SkpRow& skp = skps.front();
      resp->set_skp_id(skp.id);
      resp->set_revision(skp.approved_revision);
      for (const store::RhkRow& r :
           store::GetPlan(tx, caller.tenant(), skp.id, skp.approved_revision)) {
        ToProto(r, resp->add_rhks());
      }
      return absl::OkStatus();
    });
  });
}

grpc::Status SkpServiceImpl::StreamApprovedPlans(grpc::ServerContext* ctx,
                                                 const v1::StreamApprovedPlansRequest* req,
                                                 grpc::ServerWriter<v1::ApprovedPlan>* writer) {
  return Serve(ctx, [&](const Caller& caller) -> absl::Status {
    Violations v;
    if (!req->org_unit_code().empty()) {
      CheckText(v, "org_unit_code", req->org_unit_code(), kIdText);
    }
    absl::StatusOr<absl::CivilDay> day = FromProtoDate(req->date(), "date");
    v.Merge(day.status());
    EK_RETURN_IF_ERROR(v.ToStatus());
    EK_RETURN_IF_ERROR(CheckBatchReader(caller));
    std::vector<std::string> nips;
    if (!req->org_unit_code().empty()) {
      EK_ASSIGN_OR_RETURN(nips, NipsOf(caller, req->org_unit_code()));
    }
    // One transaction: the SKPs in force, then each one's approved plan.
    std::vector<v1::ApprovedPlan> plans;
    EK_RETURN_IF_ERROR(pool_.Read([&](db::Tx& tx) -> absl::Status {
      std::string last_nip;
      for (const store::ApprovedInForceRow& r : store::ApprovedInForceOn(
               tx, caller.tenant(), *day, req->org_unit_code().empty(), nips)) {
        if (r.nip == last_nip) continue;  // one SKP in force per employee and day
        last_nip = r.nip;
        v1::ApprovedPlan& p = plans.emplace_back();
        p.set_nip(r.nip);
        p.set_skp_id(r.skp_id);
        p.set_revision(r.revision);
        p.set_top_of_tree(r.top_of_tree);
        for (const store::RhkRow& rhk : store::GetPlan(tx, caller.tenant(), r.skp_id, r.revision)) {
          ToProto(rhk, p.add_rhks());
        }
      }
      return absl::OkStatus();
    }));
    for (const v1::ApprovedPlan& p : plans) {
      if (!writer->Write(p)) return absl::CancelledError("the client went away");
    }
    return absl::OkStatus();
  });
}

grpc::Status SkpServiceImpl::StreamSkpStatus(grpc::ServerContext* ctx,
                                             const v1::StreamSkpStatusRequest* req,
                                             grpc::ServerWriter<v1::SkpStatusEntry>* writer) {
  return Serve(ctx, [&](const Caller& caller) -> absl::Status {
    Violations v;
    if (req->year() < 2000 || req->year() > 2100) v.Add("year", "2000 to 2100");
    if (!req->org_unit_code().empty()) {
      CheckText(v, "org_unit_code", req->org_unit_code(), kIdText);
    }
    EK_RETURN_IF_ERROR(v.ToStatus());
    EK_RETURN_IF_ERROR(CheckBatchReader(caller));
    std::vector<std::string> nips;
    if (!req->org_unit_code().empty()) {
      EK_ASSIGN_OR_RETURN(nips, NipsOf(caller, req->org_unit_code()));
    }
    std::vector<store::StatusRow> rows;
    EK_RETURN_IF_ERROR(pool_.ReadOne([&](db::Tx& tx) -> absl::Status {
      rows =
          store::StatusOfYear(tx, caller.tenant(), req->year(), req->org_unit_code().empty(), nips);
      return absl::OkStatus();
    }));
    v1::SkpStatusEntry e;
    for (const store::StatusRow& r : rows) {
      e.Clear();
      e.set_nip(r.nip);
      e.set_skp_id(r.skp_id);
      e.set_status(ToProtoStatus(r.status));
      e.set_approved_revision(r.approved_revision);
      if (r.first_submit) *e.mutable_first_submit_time() = ToProtoTimestamp(*r.first_submit);
      if (r.first_approve) *e.mutable_first_approve_time() = ToProtoTimestamp(*r.first_approve);
      if (!writer->Write(e)) return absl::CancelledError("the client went away");
    }
    return absl::OkStatus();
  });
}

}  // namespace ekinerja::skp
