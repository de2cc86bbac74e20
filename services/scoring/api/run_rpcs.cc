// Runs and their transitions: DRAFT (recomputable) -> VERIFIED -> LOCKED, corrections.

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "api/convert.h"
#include "api/scoring_service.h"
#include "civil.h"
#include "request_id.h"
#include "request_log.h"
#include "role.h"
#include "text.h"

namespace ekinerja::scoring {
namespace {

// FAILED_PRECONDITION RUN_STATUS: the run is not in a state the transition starts from.
absl::Status WrongStatus(const store::RunRow& run, absl::string_view needs) {
  return FailedPrecondition({"RUN_STATUS", absl::StrCat("tppRuns/", run.id),
                             absl::StrCat("run ", run.id, " is ", run.status, "; ", needs)});
}

absl::Status RequireVerifier(const Caller& caller) {
  if (caller.principal.Has(Role::kVerifikatorTpp)) return absl::OkStatus();
  return absl::PermissionDeniedError("only a VERIFIKATOR_TPP verifies or returns a TPP run");
}

std::string RunTarget(int64_t id) { return absl::StrCat("tppRuns/", id); }

}  // namespace

absl::Status ScoringServiceImpl::SetPeerLocks(const Caller& caller, const store::RunRow& run,
                                              bool lock) {
  EK_ASSIGN_OR_RETURN(const std::string token, peers_.directory->ServiceToken(caller.tenant()));
  const std::string reference = RunTarget(run.id);
  if (lock) {
    EK_RETURN_IF_ERROR(peers_.activity->LockMonth(token, run.year, run.month, reference));
    return peers_.attendance->LockMonth(token, run.year, run.month, reference);
  }
  EK_RETURN_IF_ERROR(peers_.activity->UnlockMonth(token, run.year, run.month, reference));
  return peers_.attendance->UnlockMonth(token, run.year, run.month, reference);
}

grpc::Status ScoringServiceImpl::CreateTppRun(grpc::ServerContext* ctx,
                                              const v1::CreateTppRunRequest* req,
                                              v1::TppRun* resp) {
  return Serve(ctx, [&](const Caller& caller) -> absl::Status {
    Violations v;
    if (req->year() < 2000 || req->year() > 2100) v.Add("year", "must be 2000-2100");
    if (req->month() < 1 || req->month() > 12) v.Add("month", "must be 1-12");
    if (!req->org_unit_code().empty()) {
      CheckText(v, "org_unit_code", req->org_unit_code(), kIdText);
    }
    CheckRequestIdText(v, req->request_id());
    EK_RETURN_IF_ERROR(v.ToStatus());
    EK_RETURN_IF_ERROR(RequireTenantAdmin(caller));
    EK_ASSIGN_OR_RETURN(const absl::CivilDay today, TodayOf(caller));
    if (absl::CivilMonth(req->year(), req->month()) > absl::CivilMonth(today)) {
      return FailedPrecondition({"MONTH_NOT_BEGUN",
                                 absl::StrFormat("months/%04d-%02d", req->year(), req->month()),
                                 "a month is computed once it has begun"});
    }
    if (!req->org_unit_code().empty()) {
      EK_RETURN_IF_ERROR(peers_.directory->CheckOrgUnit(caller.bearer, req->org_unit_code()));
    }
    store::RunRow run;
    run.year = req->year();
    run.month = req->month();
    run.org_unit_code = req->org_unit_code();
    run.created_by = caller.subject();
    const absl::Status st = pool_.Write([&](db::Tx& tx) -> absl::Status {
      if (std::optional<int64_t> earlier = db::FindRequestKey(tx, caller.tenant(), caller.subject(),
                                                              "CreateTppRun", req->request_id())) {
        std::optional<store::RunRow> first = store::GetRun(tx, caller.tenant(), *earlier);
        EK_RETURN_IF_ERROR(CheckRequestId(
                               first,
                               [&](const store::RunRow& e) {
                                 return e.year == run.year && e.month == run.month &&
                                        e.org_unit_code == run.org_unit_code;
                               },
                               "another run")
                               .status());
        if (first) {
          run = *std::move(first);
          return absl::OkStatus();
        }
      }
      run.id = store::InsertRun(tx, caller.tenant(), run);
      run.chain_id = run.id;
      EK_RETURN_IF_ERROR(ComputeInTx(tx, caller, run));
      if (!db::InsertRequestKey(tx, caller.tenant(), caller.subject(), "CreateTppRun",
                                req->request_id(), run.id)) {
        return RequestIdRace();
      }
      db::Audit(tx, caller.tenant(), caller.subject(), "CreateTppRun", RunTarget(run.id),
                absl::StrFormat("%04d-%02d %s", run.year, run.month, run.org_unit_code));
      return absl::OkStatus();
    });
    if (!st.ok()) {
      if (!absl::IsAborted(st)) metrics_.Run("compute", "failed");
      return st;
    }
    EK_ASSIGN_OR_RETURN(run, RunOf(caller, run.id));
    *resp = ToProto(run);
    return absl::OkStatus();
  });
}

grpc::Status ScoringServiceImpl::GetTppRun(grpc::ServerContext* ctx,
                                           const v1::GetTppRunRequest* req, v1::TppRun* resp) {
  return Serve(ctx, [&](const Caller& caller) -> absl::Status {
    if (req->id() <= 0) return InvalidField("id", "must be a run id");
    EK_RETURN_IF_ERROR(CheckBatchReader(caller));
    EK_ASSIGN_OR_RETURN(const store::RunRow run, RunOf(caller, req->id()));
    *resp = ToProto(run);
    return absl::OkStatus();
  });
}

grpc::Status ScoringServiceImpl::ListTppRuns(grpc::ServerContext* ctx,
                                             const v1::ListTppRunsRequest* req,
                                             v1::ListTppRunsResponse* resp) {
  return Serve(ctx, [&](const Caller& caller) -> absl::Status {
    Violations v;
    if (req->year() < 2000 || req->year() > 2100) v.Add("year", "must be 2000-2100");
    if (req->month() < 0 || req->month() > 12) v.Add("month", "must be 1-12, or 0 for the year");
    EK_RETURN_IF_ERROR(v.ToStatus());
    EK_RETURN_IF_ERROR(CheckBatchReader(caller));
    return pool_.ReadOne([&](db::Tx& tx) -> absl::Status {
      for (const store::RunRow& run :
           store::ListRuns(tx, caller.tenant(), req->year(), req->month())) {
        *resp->add_runs() = ToProto(run);
      }
      return absl::OkStatus();
    });
  });
}

grpc::Status ScoringServiceImpl::RecomputeTppRun(grpc::ServerContext* ctx,
                                                 const v1::RecomputeTppRunRequest* req,
                                                 v1::TppRun* resp) {
  return Serve(ctx, [&](const Caller& caller) -> absl::Status {
    if (req->id() <= 0) return InvalidField("id", "must be a run id");
    EK_RETURN_IF_ERROR(RequireTenantAdmin(caller));
    const absl::Status st = pool_.Write([&](db::Tx& tx) -> absl::Status {
      std::optional<store::RunRow> run = store::GetRun(tx, caller.tenant(), req->id(), true);
      if (!run) return absl::NotFoundError(absl::StrCat("no TPP run ", req->id()));
      if (run->status != "DRAFT") return WrongStatus(*run, "only a DRAFT is recomputed");
      EK_RETURN_IF_ERROR(ComputeInTx(tx, caller, *run));
      db::Audit(
          tx, caller.tenant(), caller.subject(), "RecomputeTppRun", RunTarget(run->id),
          absl::StrCat("employees=", run->totals.employees, " net_idr=", run->totals.net_idr));
      return absl::OkStatus();
    });
    if (!st.ok()) {
      if (!absl::IsAborted(st) && !absl::IsNotFound(st)) metrics_.Run("compute", "failed");
      return st;
    }
    EK_ASSIGN_OR_RETURN(const store::RunRow run, RunOf(caller, req->id()));
    *resp = ToProto(run);
    return absl::OkStatus();
  });
}

absl::Status ScoringServiceImpl::Transition(
    const Caller& caller, int64_t id,
    const std::function<absl::Status(db::Tx&, store::RunRow&)>& apply) {
  return pool_.Write([&](db::Tx& tx) -> absl::Status {
    std::optional<store::RunRow> run = store::GetRun(tx, caller.tenant(), id, true);
    if (!run) return absl::NotFoundError(absl::StrCat("no TPP run ", id));
    return apply(tx, *run);
  });
}

grpc::Status ScoringServiceImpl::VerifyTppRun(grpc::ServerContext* ctx,
                                              const v1::VerifyTppRunRequest* req,
                                              v1::TppRun* resp) {
  return Serve(ctx, [&](const Caller& caller) -> absl::Status {
    if (req->id() <= 0) return InvalidField("id", "must be a run id");
    EK_RETURN_IF_ERROR(RequireVerifier(caller));
    EK_RETURN_IF_ERROR(
        Transition(caller, req->id(), [&](db::Tx& tx, store::RunRow& run) -> absl::Status {
          if (run.status != "DRAFT") return WrongStatus(run, "only a DRAFT is verified");
          store::SetVerified(tx, caller.tenant(), run.id, caller.subject());
          db::Audit(tx, caller.tenant(), caller.subject(), "VerifyTppRun", RunTarget(run.id),
                    absl::StrCat("net_idr=", run.totals.net_idr));
          return absl::OkStatus();
        }));
    metrics_.Run("verify", "ok");
    EK_ASSIGN_OR_RETURN(const store::RunRow run, RunOf(caller, req->id()));
    *resp = ToProto(run);
    return absl::OkStatus();
  });
}

grpc::Status ScoringServiceImpl::ReturnTppRun(grpc::ServerContext* ctx,
                                              const v1::ReturnTppRunRequest* req,
                                              v1::TppRun* resp) {
  return Serve(ctx, [&](const Caller& caller) -> absl::Status {
    Violations v;
    if (req->id() <= 0) v.Add("id", "must be a run id");
    CheckRequiredText(v, "reason", req->reason(), kReasonText);
    EK_RETURN_IF_ERROR(v.ToStatus());
    EK_RETURN_IF_ERROR(RequireVerifier(caller));
    EK_RETURN_IF_ERROR(
        Transition(caller, req->id(), [&](db::Tx& tx, store::RunRow& run) -> absl::Status {
          if (run.status != "VERIFIED") return WrongStatus(run, "only a VERIFIED run is returned");
          store::SetReturned(tx, caller.tenant(), run.id, req->reason());
          db::Audit(tx, caller.tenant(), caller.subject(), "ReturnTppRun", RunTarget(run.id),
                    req->reason());
          return absl::OkStatus();
        }));
    metrics_.Run("return", "ok");
    EK_ASSIGN_OR_RETURN(const store::RunRow run, RunOf(caller, req->id()));
    *resp = ToProto(run);
    return absl::OkStatus();
  });
}

grpc::Status ScoringServiceImpl::LockTppRun(grpc::ServerContext* ctx,
                                            const v1::LockTppRunRequest* req, v1::TppRun* resp) {
  return Serve(ctx, [&](const Caller& caller) -> absl::Status {
    if (req->id() <= 0) return InvalidField("id", "must be a run id");
    EK_RETURN_IF_ERROR(RequireTenantAdmin(caller));
    EK_ASSIGN_OR_RETURN(store::RunRow run, RunOf(caller, req->id()));
    if (run.status != "VERIFIED" && run.status != "LOCKED") {
      return WrongStatus(run, "only a VERIFIED run is locked");
    }
    // The peers first: a failure leaves the run VERIFIED, and the retry locks them again
    // (idempotent) before the run.
    if (const absl::Status st = SetPeerLocks(caller, run, true); !st.ok()) {
      metrics_.Run("lock", "failed");
      return st;
    }
    EK_RETURN_IF_ERROR(
        Transition(caller, run.id, [&](db::Tx& tx, store::RunRow& locked) -> absl::Status {
          if (locked.status == "LOCKED") return absl::OkStatus();
          if (locked.status != "VERIFIED")
            return WrongStatus(locked, "only a VERIFIED run is locked");
          store::SetLocked(tx, caller.tenant(), locked.id, caller.subject());
          if (locked.corrects_run_id != 0) {
            store::SetSuperseded(tx, caller.tenant(), locked.corrects_run_id);
          }
          db::Audit(tx, caller.tenant(), caller.subject(), "LockTppRun", RunTarget(locked.id),
                    absl::StrCat("net_idr=", locked.totals.net_idr));
          return absl::OkStatus();
        }));
    metrics_.Run("lock", "ok");
    EK_ASSIGN_OR_RETURN(run, RunOf(caller, req->id()));
    *resp = ToProto(run);
    return absl::OkStatus();
  });
}

grpc::Status ScoringServiceImpl::CorrectTppRun(grpc::ServerContext* ctx,
                                               const v1::CorrectTppRunRequest* req,
                                               v1::TppRun* resp) {
  return Serve(ctx, [&](const Caller& caller) -> absl::Status {
    Violations v;
    if (req->id() <= 0) v.Add("id", "must be a run id");
    CheckRequiredText(v, "reason", req->reason(), kReasonText);
    CheckRequestIdText(v, req->request_id());
    EK_RETURN_IF_ERROR(v.ToStatus());
    EK_RETURN_IF_ERROR(RequireTenantAdmin(caller));
    store::RunRow correction;
    const absl::Status st = pool_.Write([&](db::Tx& tx) -> absl::Status {
      if (std::optional<int64_t> earlier = db::FindRequestKey(tx, caller.tenant(), caller.subject(),
                                                              "CorrectTppRun", req->request_id())) {
        std::optional<store::RunRow> first = store::GetRun(tx, caller.tenant(), *earlier);
        EK_RETURN_IF_ERROR(CheckRequestId(
                               first,
                               [&](const store::RunRow& e) {
                                 return e.corrects_run_id == req->id() &&
                                        e.correction_reason == req->reason();
                               },
                               "another correction")
                               .status());
        if (first) {
          correction = *std::move(first);
          return absl::OkStatus();
        }
      }
      std::optional<store::RunRow> old = store::GetRun(tx, caller.tenant(), req->id(), true);
      if (!old) return absl::NotFoundError(absl::StrCat("no TPP run ", req->id()));
      if (old->status != "LOCKED") return WrongStatus(*old, "only a LOCKED run is corrected");
      if (std::optional<int64_t> open = store::OpenRunInChain(tx, caller.tenant(), old->chain_id)) {
        return FailedPrecondition(
            {"CORRECTION_OPEN", RunTarget(*open),
             absl::StrCat("run ", *open, " already corrects this month; lock it first")});
      }
      correction.chain_id = old->chain_id;
      correction.year = old->year;
      correction.month = old->month;
      correction.org_unit_code = old->org_unit_code;
      correction.version = old->version + 1;
      correction.corrects_run_id = old->id;
      correction.correction_reason = req->reason();
      correction.created_by = caller.subject();
      correction.id = store::InsertRun(tx, caller.tenant(), correction);
      EK_RETURN_IF_ERROR(ComputeInTx(tx, caller, correction));
      if (!db::InsertRequestKey(tx, caller.tenant(), caller.subject(), "CorrectTppRun",
                                req->request_id(), correction.id)) {
        return RequestIdRace();
      }
      db::Audit(tx, caller.tenant(), caller.subject(), "CorrectTppRun", RunTarget(correction.id),
                absl::StrCat("corrects ", RunTarget(old->id), ": ", req->reason()));
      return absl::OkStatus();
    });
    if (!st.ok()) {
      metrics_.Run("correct", "failed");
      return st;
    }
    // The month opens in activity and attendance while the correction is open (after the
    // correction is stored: a failure here is retried with the same request_id).
    store::RunRow old = correction;
    old.id = correction.corrects_run_id;
    EK_RETURN_IF_ERROR(SetPeerLocks(caller, old, false));
    metrics_.Run("correct", "ok");
    EK_ASSIGN_OR_RETURN(const store::RunRow run, RunOf(caller, correction.id));
    *resp = ToProto(run);
    return absl::OkStatus();
  });
}

grpc::Status ScoringServiceImpl::ListRunDifferences(grpc::ServerContext* ctx,
                                                    const v1::ListRunDifferencesRequest* req,
                                                    v1::ListRunDifferencesResponse* resp) {
  return Serve(ctx, [&](const Caller& caller) -> absl::Status {
    if (req->id() <= 0) return InvalidField("id", "must be a run id");
    EK_RETURN_IF_ERROR(CheckBatchReader(caller));
    EK_ASSIGN_OR_RETURN(const store::RunRow run, RunOf(caller, req->id()));
    if (run.corrects_run_id == 0) {
      return FailedPrecondition({"NOT_A_CORRECTION", RunTarget(run.id),
                                 absl::StrCat("run ", run.id, " corrects no run")});
    }
    resp->set_run_id(run.id);
    resp->set_corrects_run_id(run.corrects_run_id);
    return pool_.ReadOne([&](db::Tx& tx) -> absl::Status {
      for (const store::DifferenceRow& d :
           store::RunDifferences(tx, caller.tenant(), run.id, run.corrects_run_id)) {
        v1::RunDifference* out = resp->add_differences();
        out->set_nip(d.nip);
        out->set_name(d.name);
        out->set_previous_gross_idr(d.previous_gross_idr);
        out->set_gross_idr(d.gross_idr);
        out->set_previous_net_idr(d.previous_net_idr);
        out->set_net_idr(d.net_idr);
        out->set_net_difference_idr(d.net_idr - d.previous_net_idr);
      }
      return absl::OkStatus();
    });
  });
}

}  // namespace ekinerja::scoring
