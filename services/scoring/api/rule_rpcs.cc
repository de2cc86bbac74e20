// TPP rule sets and hukuman disiplin.

#include "absl/strings/str_cat.h"
#include "api/convert.h"
#include "api/scoring_service.h"
#include "civil.h"
#include "date_proto.h"
#include "nip.h"
#include "request_id.h"
#include "request_log.h"
#include "text.h"

namespace ekinerja::scoring {

grpc::Status ScoringServiceImpl::GetTppRules(grpc::ServerContext* ctx,
                                             const v1::GetTppRulesRequest* req,
                                             v1::TppRules* resp) {
  return Serve(ctx, [&](const Caller& caller) -> absl::Status {
    absl::CivilDay day;
    if (IsSet(req->date())) {
      EK_ASSIGN_OR_RETURN(day, FromProtoDate(req->date(), "date"));
    } else {
      EK_ASSIGN_OR_RETURN(day, TodayOf(caller));
    }
    return pool_.ReadOne([&](db::Tx& tx) -> absl::Status {
      *resp = ToProto(store::RulesInForce(tx, caller.tenant(), day));
      return absl::OkStatus();
    });
  });
}

grpc::Status ScoringServiceImpl::ListTppRules(grpc::ServerContext* ctx,
                                              const v1::ListTppRulesRequest*,
                                              v1::ListTppRulesResponse* resp) {
  return Serve(ctx, [&](const Caller& caller) -> absl::Status {
    return pool_.ReadOne([&](db::Tx& tx) -> absl::Status {
      for (const store::StoredRules& r : store::ListRules(tx, caller.tenant())) {
        *resp->add_rules() = ToProto(r);
      }
      return absl::OkStatus();
    });
  });
}

grpc::Status ScoringServiceImpl::CreateTppRules(grpc::ServerContext* ctx,
                                                const v1::CreateTppRulesRequest* req,
                                                v1::TppRules* resp) {
  return Serve(ctx, [&](const Caller& caller) -> absl::Status {
    Violations v;
    absl::StatusOr<absl::CivilDay> from =
        FromProtoDate(req->rules().effective_from(), "rules.effective_from");
    v.Merge(from.status());
    TppRules rules = RulesFromProto(req->rules(), "rules.", v);
    CheckRequestIdText(v, req->request_id());
    EK_RETURN_IF_ERROR(v.ToStatus());
    // What the API checked, the domain agrees with (a mismatch is ours, not the client's).
    if (const absl::Status st = Validate(rules); !st.ok()) {
      return absl::InternalError(
          absl::StrCat("rule set passed the API but not the domain: ", st.message()));
    }
    EK_RETURN_IF_ERROR(RequireTenantAdmin(caller));
    return pool_.Write([&](db::Tx& tx) -> absl::Status {
      if (std::optional<int64_t> earlier = db::FindRequestKey(
              tx, caller.tenant(), caller.subject(), "CreateTppRules", req->request_id())) {
        for (const store::StoredRules& r : store::ListRules(tx, caller.tenant())) {
          if (r.rules.version != *earlier) continue;
          EK_RETURN_IF_ERROR(
              CheckRequestId(
                  std::optional<store::StoredRules>(r),
                  [&](const store::StoredRules& e) { return e.effective_from == *from; },
                  "another rule set")
                  .status());
          *resp = ToProto(r);
          return absl::OkStatus();
        }
      }
      EK_ASSIGN_OR_RETURN(store::StoredRules stored,
                          store::InsertRules(tx, caller.tenant(), *from, rules, caller.subject()));
      if (!db::InsertRequestKey(tx, caller.tenant(), caller.subject(), "CreateTppRules",
                                req->request_id(), stored.rules.version)) {
        return RequestIdRace();
      }
      db::Audit(tx, caller.tenant(), caller.subject(), "CreateTppRules",
                absl::StrCat("tppRules/", stored.rules.version),
                absl::StrCat("effective_from=", FormatDate(stored.effective_from)));
      *resp = ToProto(stored);
      return absl::OkStatus();
    });
  });
}

// ---- hukuman disiplin ------------------------------------------------------------------------

grpc::Status ScoringServiceImpl::CreateSanction(grpc::ServerContext* ctx,
                                                const v1::CreateSanctionRequest* req,
                                                v1::Sanction* resp) {
  return Serve(ctx, [&](const Caller& caller) -> absl::Status {
    const v1::Sanction& in = req->sanction();
    Violations v;
    v.Merge(ParseNip(in.nip(), "sanction.nip").status());
    const std::string level = SanctionLevelName(in.level());
    if (level.empty()) v.Add("sanction.level", "must be RINGAN, SEDANG or BERAT");
    absl::StatusOr<DateRange> range =
        FromProtoDateRange(in.start_date(), in.end_date(), "sanction.", /*end_required=*/true);
    v.Merge(range.status());
    CheckRequiredText(v, "sanction.reference", in.reference(), kNameText);
    CheckRequestIdText(v, req->request_id());
    EK_RETURN_IF_ERROR(v.ToStatus());
    EK_RETURN_IF_ERROR(RequireTenantAdmin(caller));
    EK_RETURN_IF_ERROR(CheckReads(caller, in.nip(), range->start));
    store::SanctionRow row;
    row.nip = in.nip();
    row.level = level;
    row.start_date = range->start;
    row.end_date = *range->end;
    row.reference = in.reference();
    row.created_by = caller.subject();
    return pool_.Write([&](db::Tx& tx) -> absl::Status {
      if (std::optional<int64_t> earlier = db::FindRequestKey(
              tx, caller.tenant(), caller.subject(), "CreateSanction", req->request_id())) {
        std::optional<store::SanctionRow> first = store::GetSanction(tx, caller.tenant(), *earlier);
        EK_RETURN_IF_ERROR(CheckRequestId(
                               first,
                               [&](const store::SanctionRow& e) {
                                 return e.nip == row.nip && e.level == row.level &&
                                        e.start_date == row.start_date &&
                                        e.end_date == row.end_date && e.reference == row.reference;
                               },
                               "another sanction")
                               .status());
        if (first) {
          *resp = ToProto(*first);
          return absl::OkStatus();
        }
      }
      row.id = store::InsertSanction(tx, caller.tenant(), row);
      if (!db::InsertRequestKey(tx, caller.tenant(), caller.subject(), "CreateSanction",
                                req->request_id(), row.id)) {
        return RequestIdRace();
      }
      db::Audit(tx, caller.tenant(), caller.subject(), "CreateSanction",
                absl::StrCat("sanctions/", row.id),
                absl::StrCat(row.nip, " ", row.level, " ", FormatDate(row.start_date), "..",
                             FormatDate(row.end_date), " ", row.reference));
      std::optional<store::SanctionRow> stored = store::GetSanction(tx, caller.tenant(), row.id);
      *resp = ToProto(*stored);
      return absl::OkStatus();
    });
  });
}

grpc::Status ScoringServiceImpl::ListSanctions(grpc::ServerContext* ctx,
                                               const v1::ListSanctionsRequest* req,
                                               v1::ListSanctionsResponse* resp) {
  return Serve(ctx, [&](const Caller& caller) -> absl::Status {
    Violations v;
    if (!req->nip().empty()) v.Merge(ParseNip(req->nip(), "nip").status());
    absl::StatusOr<DateRange> range =
        FromProtoDateRange(req->start_date(), req->end_date(), "", /*end_required=*/true);
    v.Merge(range.status());
    EK_RETURN_IF_ERROR(v.ToStatus());
    if (req->nip().empty()) {
      EK_RETURN_IF_ERROR(CheckBatchReader(caller));
    } else {
      EK_RETURN_IF_ERROR(CheckReads(caller, req->nip(), *range->end));
    }
    return pool_.ReadOne([&](db::Tx& tx) -> absl::Status {
      for (const store::SanctionRow& row :
           store::ListSanctions(tx, caller.tenant(), req->nip(), range->start, *range->end)) {
        *resp->add_sanctions() = ToProto(row);
      }
      return absl::OkStatus();
    });
  });
}

grpc::Status ScoringServiceImpl::RevokeSanction(grpc::ServerContext* ctx,
                                                const v1::RevokeSanctionRequest* req,
                                                v1::Sanction* resp) {
  return Serve(ctx, [&](const Caller& caller) -> absl::Status {
    Violations v;
    if (req->id() <= 0) v.Add("id", "must be a sanction id");
    CheckRequiredText(v, "reason", req->reason(), kReasonText);
    EK_RETURN_IF_ERROR(v.ToStatus());
    EK_RETURN_IF_ERROR(RequireTenantAdmin(caller));
    return pool_.Write([&](db::Tx& tx) -> absl::Status {
      std::optional<store::SanctionRow> row = store::GetSanction(tx, caller.tenant(), req->id());
      if (!row) return absl::NotFoundError(absl::StrCat("no sanction ", req->id()));
      if (row->revoked) {
        return absl::FailedPreconditionError(absl::StrCat("sanction ", row->id, " is revoked"));
      }
      store::RevokeSanction(tx, caller.tenant(), row->id, req->reason());
      db::Audit(tx, caller.tenant(), caller.subject(), "RevokeSanction",
                absl::StrCat("sanctions/", row->id), req->reason());
      row->revoked = true;
      *resp = ToProto(*row);
      return absl::OkStatus();
    });
  });
}

}  // namespace ekinerja::scoring
