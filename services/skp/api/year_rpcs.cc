// SkpService during the year (DOMAIN §2): the employee's realisations per IKI and period with
// evidence (a link, or a small file kept here with its size, type and SHA-256), the activity
// service's proposals, and the pejabat penilai's continuous feedback (umpan balik) per RHK.

#include <set>
#include <tuple>

#include "absl/strings/str_cat.h"
#include "api/skp_service.h"
#include "crypto.h"
#include "date_proto.h"
#include "domain/periods.h"
#include "evidence.h"
#include "nip.h"
#include "request_id.h"
#include "request_log.h"
#include "role.h"
#include "status.h"
#include "store/year_store.h"
#include "text.h"

namespace ekinerja::skp {
namespace {

constexpr int kMaxProposals = 10000;

void ToProto(const store::EvidenceRow& e, v1::Evidence* out) {
  out->set_id(e.id);
  out->set_file_name(e.file_name);
  out->set_content_type(e.content_type);
  out->set_size_bytes(e.size_bytes);
  out->set_sha256(e.sha256);
  out->set_content(e.content);
}

void ToProto(int64_t skp, const store::RealisationRow& r, v1::Realisation* out) {
  out->set_skp_id(skp);
  out->set_iki_id(r.iki_id);
  out->set_period(r.period);
  out->set_quantity(r.quantity);
  out->set_quality(r.quality);
  out->set_months(r.months);
  out->set_cost_idr(r.cost_idr);
  out->set_note(r.note);
  out->set_evidence_link(r.evidence_link);
  if (r.evidence.id != 0) ToProto(r.evidence, out->mutable_evidence());
  out->set_recorded_by(r.recorded_by);
  *out->mutable_record_time() = ToProtoTimestamp(r.record_time);
}

void ToProto(const store::ProposalRow& p, v1::RealisationProposal* out) {
  out->set_nip(p.nip);
  out->set_rhk_id(p.rhk_id);
  out->set_period(p.period);
  out->set_quantity(p.quantity);
  out->set_minutes(p.minutes);
  *out->mutable_propose_time() = ToProtoTimestamp(p.propose_time);
}

void ToProto(const store::FeedbackRow& f, v1::Feedback* out) {
  out->set_id(f.id);
  out->set_skp_id(f.skp_id);
  out->set_rhk_id(f.rhk_id);
  out->set_author_nip(f.author_nip);
  out->set_text(f.body);
  *out->mutable_create_time() = ToProtoTimestamp(f.create_time);
}

void CheckSkpIdField(Violations& v, int64_t skp_id) {
  if (skp_id <= 0) v.Add("skp_id", "must be an SKP id");
}

// The RHK ids and the IKI ids of the SKP's approved plan; FAILED_PRECONDITION while it has none.
absl::Status ApprovedPlanIds(db::Tx& tx, const std::string& tenant, const store::SkpRow& skp,
                             std::set<int64_t>* rhks, std::set<int64_t>* ikis) {
  if (skp.approved_revision == 0) {
    return absl::FailedPreconditionError(absl::StrCat("SKP ", skp.id, " is not approved yet"));
  }
  for (const store::RhkRow& r : store::GetPlan(tx, tenant, skp.id, skp.approved_revision)) {
    rhks->insert(r.id);
    for (const store::IkiRow& i : r.ikis) ikis->insert(i.id);
  }
  return absl::OkStatus();
}

}  // namespace

grpc::Status SkpServiceImpl::RecordRealisation(grpc::ServerContext* ctx,
                                               const v1::RecordRealisationRequest* req,
                                               v1::Realisation* resp) {
  return Serve(ctx, [&](const Caller& caller) -> absl::Status {
    Violations v;
    CheckSkpIdField(v, req->skp_id());
    if (req->iki_id() <= 0) v.Add("iki_id", "an IKI of the SKP's approved plan");
    absl::StatusOr<Period> period = ParsePeriod(req->period());
    v.Merge(period.status());
    if (req->quantity() < 0) v.Add("quantity", "0 or more");
    if (req->quality() < 0 || req->quality() > 1000) v.Add("quality", "0 to 1000");
    if (req->months() < 0 || req->months() > 120) v.Add("months", "0 to 120");
    if (req->cost_idr() < 0 || req->cost_idr() > 1'000'000'000'000'000) {
      v.Add("cost_idr", "0 to 10^15 rupiah");
    }
    CheckText(v, "note", req->note(), kNoteText);
    const v1::EvidenceFile& file = req->evidence_file();
    CheckEvidence(v, "", req->evidence_link(), req->has_evidence_file(), file.file_name(),
                  file.content_type(), static_cast<int64_t>(file.content().size()),
                  options_.max_evidence_bytes);
    EK_RETURN_IF_ERROR(v.ToStatus());
    EK_ASSIGN_OR_RETURN(const store::SkpRow skp, ReadableSkp(caller, req->skp_id()));
    EK_RETURN_IF_ERROR(CheckOwner(caller, skp.nip));
    store::RealisationRow row;
    row.iki_id = req->iki_id();
    row.period = FormatPeriod(*period);
    row.quantity = req->quantity();
    row.quality = req->quality();
    row.months = req->months();
    row.cost_idr = req->cost_idr();
    row.note = req->note();
    row.evidence_link = req->evidence_link();
    row.recorded_by = caller.subject();
    if (req->has_evidence_file()) {
      row.evidence.file_name = file.file_name();
      row.evidence.content_type = file.content_type();
      row.evidence.size_bytes = static_cast<int64_t>(file.content().size());
      row.evidence.sha256 = auth::Sha256Hex(file.content());
      row.evidence.content = file.content();
    }
    return pool_.Write([&](db::Tx& tx) -> absl::Status {
      EK_ASSIGN_OR_RETURN(const store::SkpRow locked,
                          store::GetSkp(tx, caller.tenant(), skp.id, /*for_update=*/true));
      std::set<int64_t> rhks, ikis;
      EK_RETURN_IF_ERROR(ApprovedPlanIds(tx, caller.tenant(), locked, &rhks, &ikis));
      Violations pv;
      if (!ikis.count(row.iki_id)) pv.Add("iki_id", "an IKI of the SKP's approved plan");
      const std::optional<PeriodKind> kind =
          ParsePeriodKind(store::RulesInForce(tx, caller.tenant(), locked.start).period_kind);
      if (!kind) return absl::InternalError("stored period kind");
      pv.Merge(ParseSkpPeriod(req->period(), *kind, locked.start, locked.end).status());
      EK_RETURN_IF_ERROR(pv.ToStatus());
      // A file replaced by a new record of the period stays kept, referenced by nothing: evidence
      // is never deleted by the employee's own later act.
      if (req->has_evidence_file()) {
        row.evidence.id =
            store::InsertEvidence(tx, caller.tenant(), skp.id, row.evidence, caller.subject());
      }
      store::UpsertRealisation(tx, caller.tenant(), skp.id, row);
      for (const store::RealisationRow& r :
           store::ListRealisations(tx, caller.tenant(), skp.id, row.period)) {
        if (r.iki_id == row.iki_id) ToProto(skp.id, r, resp);
      }
      return absl::OkStatus();
    });
  });
}

grpc::Status SkpServiceImpl::ListRealisations(grpc::ServerContext* ctx,
                                              const v1::ListRealisationsRequest* req,
                                              v1::ListRealisationsResponse* resp) {
  return Serve(ctx, [&](const Caller& caller) -> absl::Status {
    Violations v;
    CheckSkpIdField(v, req->skp_id());
    EK_RETURN_IF_ERROR(v.ToStatus());
    EK_ASSIGN_OR_RETURN(const store::SkpRow skp, ReadableSkp(caller, req->skp_id()));
    return pool_.Read([&](db::Tx& tx) -> absl::Status {
      for (const store::RealisationRow& r :
           store::ListRealisations(tx, caller.tenant(), skp.id, "")) {
        ToProto(skp.id, r, resp->add_realisations());
      }
      std::set<int64_t> rhks, ikis;
      if (!ApprovedPlanIds(tx, caller.tenant(), skp, &rhks, &ikis).ok()) return absl::OkStatus();
      for (const store::ProposalRow& p : store::ListProposals(
               tx, caller.tenant(), skp.nip, std::vector<int64_t>(rhks.begin(), rhks.end()))) {
        ToProto(p, resp->add_proposals());
      }
      return absl::OkStatus();
    });
  });
}

grpc::Status SkpServiceImpl::GetEvidence(grpc::ServerContext* ctx,
                                         const v1::GetEvidenceRequest* req, v1::Evidence* resp) {
  return Serve(ctx, [&](const Caller& caller) -> absl::Status {
    Violations v;
    CheckSkpIdField(v, req->skp_id());
    if (req->id() <= 0) v.Add("id", "must be an evidence id");
    EK_RETURN_IF_ERROR(v.ToStatus());
    EK_ASSIGN_OR_RETURN(const store::SkpRow skp, ReadableSkp(caller, req->skp_id()));
    return pool_.ReadOne([&](db::Tx& tx) -> absl::Status {
      EK_ASSIGN_OR_RETURN(const store::EvidenceRow e,
                          store::GetEvidence(tx, caller.tenant(), skp.id, req->id()));
      ToProto(e, resp);
      return absl::OkStatus();
    });
  });
}

grpc::Status SkpServiceImpl::ProposeRealisations(grpc::ServerContext* ctx,
                                                 const v1::ProposeRealisationsRequest* req,
                                                 v1::ProposeRealisationsResponse* resp) {
  return Serve(ctx, [&](const Caller& caller) -> absl::Status {
    if (!caller.principal.Has(Role::kService)) {
      return absl::PermissionDeniedError("proposals come from the activity service (SERVICE)");
    }
    Violations v;
    if (req->proposals_size() > kMaxProposals) {
      v.Add("proposals", absl::StrCat("at most ", kMaxProposals, " per call"));
    }
    std::vector<store::ProposalRow> rows;
    std::set<std::tuple<std::string, int64_t, std::string>> keys;
    for (int i = 0; i < req->proposals_size(); ++i) {
      const v1::RealisationProposal& in = req->proposals(i);
      const std::string p = absl::StrCat("proposals[", i, "].");
      store::ProposalRow row;
      absl::StatusOr<Nip> nip = ParseNip(in.nip());
      v.Merge(nip.status(), p);
      if (nip.ok()) row.nip = nip->digits;
      if (in.rhk_id() <= 0) v.Add(p + "rhk_id", "an RHK id");
      row.rhk_id = in.rhk_id();
      absl::StatusOr<Period> period = ParsePeriod(in.period());
      v.Merge(period.status(), p);
      if (period.ok()) row.period = FormatPeriod(*period);
      if (in.quantity() < 0) v.Add(p + "quantity", "0 or more");
      row.quantity = in.quantity();
      if (in.minutes() < 0) v.Add(p + "minutes", "0 or more");
      row.minutes = in.minutes();
      // One statement cannot upsert a row twice.
      if (nip.ok() && period.ok() && !keys.emplace(row.nip, row.rhk_id, row.period).second) {
        v.Add(p + "period", "the same nip, rhk_id and period as an earlier proposal");
      }
      rows.push_back(std::move(row));
    }
    EK_RETURN_IF_ERROR(v.ToStatus());
    EK_RETURN_IF_ERROR(pool_.Write([&](db::Tx& tx) -> absl::Status {
      store::UpsertProposals(tx, caller.tenant(), rows);
      return absl::OkStatus();
    }));
    resp->set_stored(static_cast<int32_t>(rows.size()));
    return absl::OkStatus();
  });
}

grpc::Status SkpServiceImpl::AddFeedback(grpc::ServerContext* ctx,
                                         const v1::AddFeedbackRequest* req, v1::Feedback* resp) {
  return Serve(ctx, [&](const Caller& caller) -> absl::Status {
    Violations v;
    CheckSkpIdField(v, req->skp_id());
    if (req->rhk_id() <= 0) v.Add("rhk_id", "an RHK of the SKP's approved plan");
    if (req->text().empty()) {
      v.Add("text", "required");
    } else {
      CheckText(v, "text", req->text(), kNoteText);
    }
    CheckRequestIdText(v, req->request_id());
    EK_RETURN_IF_ERROR(v.ToStatus());
    EK_ASSIGN_OR_RETURN(const store::SkpRow skp, ReadableSkp(caller, req->skp_id()));
    EK_RETURN_IF_ERROR(CheckPenilai(caller, skp.nip).status());
    return pool_.Write([&](db::Tx& tx) -> absl::Status {
      const std::optional<int64_t> earlier = db::FindRequestKey(
          tx, caller.tenant(), caller.subject(), "AddFeedback", req->request_id());
      if (earlier) {
        const std::vector<store::FeedbackRow> found =
            store::ListFeedback(tx, caller.tenant(), skp.id, *earlier);
        // Feedback on another SKP is other feedback as well.
        if (found.empty()) return InvalidField("request_id", "already used for other feedback");
        EK_ASSIGN_OR_RETURN(RequestIdUse use, CheckRequestId(
                                                  std::make_optional(found.front()),
                                                  [&](const store::FeedbackRow& f) {
                                                    return f.rhk_id == req->rhk_id() &&
                                                           f.body == req->text();
                                                  },
                                                  "other feedback"));
        (void)use;
        ToProto(found.front(), resp);
        return absl::OkStatus();
      }
      std::set<int64_t> rhks, ikis;
      EK_RETURN_IF_ERROR(ApprovedPlanIds(tx, caller.tenant(), skp, &rhks, &ikis));
      if (!rhks.count(req->rhk_id())) {
        return InvalidField("rhk_id", "an RHK of the SKP's approved plan");
      }
      const int64_t id = store::InsertFeedback(tx, caller.tenant(), skp.id, req->rhk_id(),
                                               caller.subject(), req->text());
      if (!db::InsertRequestKey(tx, caller.tenant(), caller.subject(), "AddFeedback",
                                req->request_id(), id)) {
        return RequestIdRace();
      }
      db::Audit(tx, caller.tenant(), caller.subject(), "SKP_FEEDBACK",
                absl::StrCat("skp/", skp.id, "/rhk/", req->rhk_id()),
                absl::StrCat("feedback ", id, " to ", skp.nip));
      ToProto(store::ListFeedback(tx, caller.tenant(), skp.id, id).front(), resp);
      return absl::OkStatus();
    });
  });
}

grpc::Status SkpServiceImpl::ListFeedback(grpc::ServerContext* ctx,
                                          const v1::ListFeedbackRequest* req,
                                          v1::ListFeedbackResponse* resp) {
  return Serve(ctx, [&](const Caller& caller) -> absl::Status {
    Violations v;
    CheckSkpIdField(v, req->skp_id());
    EK_RETURN_IF_ERROR(v.ToStatus());
    EK_ASSIGN_OR_RETURN(const store::SkpRow skp, ReadableSkp(caller, req->skp_id()));
    return pool_.ReadOne([&](db::Tx& tx) -> absl::Status {
      for (const store::FeedbackRow& f : store::ListFeedback(tx, caller.tenant(), skp.id)) {
        ToProto(f, resp->add_feedback());
      }
      return absl::OkStatus();
    });
  });
}

}  // namespace ekinerja::skp
