// Inboxes: an employee's, a supervisor's view of their subordinates', BKPSDM's per OPD, and the
// watch stream.

#include <vector>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "api/convert.h"
#include "api/warning_service.h"
#include "civil.h"
#include "date_proto.h"
#include "nip.h"
#include "page_token.h"
#include "store/warning_store.h"

namespace ekinerja::warning {
namespace {

// The longest range BKPSDM's and a supervisor's views read at once.
constexpr int kMaxRangeDays = 366;
// Warnings a watch sends per poll.
constexpr int kWatchBatch = 100;

absl::StatusOr<DateRange> RangeOf(const google::type::Date& start, const google::type::Date& end) {
  EK_ASSIGN_OR_RETURN(DateRange range, FromProtoDateRange(start, end, "", /*end_required=*/true));
  if (*range.end - range.start >= kMaxRangeDays) {
    return InvalidField("end_date",
                        absl::StrCat("at most ", kMaxRangeDays, " days after start_date"));
  }
  return range;
}

std::string IdPage(const std::vector<store::WarningRow>& rows, int size,
                   const std::string& fingerprint, v1::ListWarningsResponse* resp) {
  return WritePage(
      rows, size, fingerprint,
      [&](const store::WarningRow& w) { *resp->add_warnings() = ToProto(w); },
      [](const store::WarningRow& w) { return absl::StrCat(w.id); });
}

}  // namespace

grpc::Status WarningServiceImpl::ListWarnings(grpc::ServerContext* ctx,
                                              const v1::ListWarningsRequest* req,
                                              v1::ListWarningsResponse* resp) {
  return Serve(ctx, [&](const Caller& caller) -> absl::Status {
    Violations v;
    v.Merge(ParseNip(req->nip(), "nip").status());
    absl::StatusOr<int> size = PageSize(req->page_size());
    v.Merge(size.status());
    const std::string fingerprint =
        absl::StrCat("inbox/", req->nip(), "/", req->unacknowledged_only());
    absl::StatusOr<std::string> key = DecodePageToken(req->page_token(), fingerprint);
    v.Merge(key.status());
    store::InboxCursor after;
    if (key.ok() && !key->empty()) {
      const std::vector<std::string> parts = absl::StrSplit(*key, ':');
      if (parts.size() != 2 || !absl::SimpleAtoi(parts[0], &after.acknowledged) ||
          !absl::SimpleAtoi(parts[1], &after.id)) {
        v.Add("page_token", "is not a page token of this list");
      }
    }
    EK_RETURN_IF_ERROR(v.ToStatus());
    EK_RETURN_IF_ERROR(CheckInbox(caller, req->nip()));
    return pool_.ReadOne([&](db::Tx& tx) -> absl::Status {
      const std::vector<store::WarningRow> rows = store::InboxPage(
          tx, caller.tenant(), req->nip(), req->unacknowledged_only(), after, *size + 1);
      resp->set_next_page_token(WritePage(
          rows, *size, fingerprint,
          [&](const store::WarningRow& w) { *resp->add_warnings() = ToProto(w); },
          [](const store::WarningRow& w) {
            return absl::StrCat(w.acknowledge_time ? 1 : 0, ":", w.id);
          }));
      return absl::OkStatus();
    });
  });
}

grpc::Status WarningServiceImpl::CountWarnings(grpc::ServerContext* ctx,
                                               const v1::CountWarningsRequest* req,
                                               v1::WarningCount* resp) {
  return Serve(ctx, [&](const Caller& caller) -> absl::Status {
    EK_RETURN_IF_ERROR(ParseNip(req->nip(), "nip").status());
    EK_RETURN_IF_ERROR(CheckInbox(caller, req->nip()));
    return pool_.ReadOne([&](db::Tx& tx) -> absl::Status {
      resp->set_unacknowledged(
          static_cast<int32_t>(store::CountUnacknowledged(tx, caller.tenant(), req->nip())));
      return absl::OkStatus();
    });
  });
}

grpc::Status WarningServiceImpl::AcknowledgeWarning(grpc::ServerContext* ctx,
                                                    const v1::AcknowledgeWarningRequest* req,
                                                    v1::Warning* resp) {
  return Serve(ctx, [&](const Caller& caller) -> absl::Status {
    if (req->id() <= 0) return InvalidField("id", "must be a warning id");
    return pool_.Write([&](db::Tx& tx) -> absl::Status {
      std::optional<store::WarningRow> w = store::GetWarning(tx, caller.tenant(), req->id());
      if (!w) return absl::NotFoundError(absl::StrCat("no warning ", req->id()));
      // The recipient acknowledges; BKPSDM's warnings (no recipient) the tenant's admin.
      const bool mine =
          w->recipient_nip.empty() ? caller.IsTenantAdmin() : w->recipient_nip == caller.subject();
      if (!mine) {
        return absl::PermissionDeniedError(
            absl::StrCat("warning ", req->id(), " is not in the caller's inbox"));
      }
      store::AcknowledgeWarning(tx, caller.tenant(), req->id());
      w = store::GetWarning(tx, caller.tenant(), req->id());
      *resp = ToProto(*w);
      return absl::OkStatus();
    });
  });
}

grpc::Status WarningServiceImpl::AcknowledgeAllWarnings(
    grpc::ServerContext* ctx, const v1::AcknowledgeAllWarningsRequest* req,
    v1::AcknowledgeAllWarningsResponse* resp) {
  return Serve(ctx, [&](const Caller& caller) -> absl::Status {
    EK_RETURN_IF_ERROR(ParseNip(req->nip(), "nip").status());
    if (caller.subject() != req->nip()) {
      return absl::PermissionDeniedError("only the inbox's owner acknowledges its warnings");
    }
    return pool_.Write([&](db::Tx& tx) -> absl::Status {
      resp->set_acknowledged(
          static_cast<int32_t>(store::AcknowledgeAll(tx, caller.tenant(), req->nip())));
      return absl::OkStatus();
    });
  });
}

grpc::Status WarningServiceImpl::ListSubordinateWarnings(
    grpc::ServerContext* ctx, const v1::ListSubordinateWarningsRequest* req,
    v1::ListWarningsResponse* resp) {
  return Serve(ctx, [&](const Caller& caller) -> absl::Status {
    Violations v;
    v.Merge(ParseNip(req->nip(), "nip").status());
    absl::StatusOr<DateRange> range = RangeOf(req->start_date(), req->end_date());
    v.Merge(range.status());
    absl::StatusOr<int> size = PageSize(req->page_size());
    v.Merge(size.status());
    const std::string fingerprint =
        absl::StrCat("subordinates/", req->nip(), "/", req->start_date().DebugString(),
                     req->end_date().DebugString());
    absl::StatusOr<int64_t> after = DecodeIdPageToken(req->page_token(), fingerprint);
    v.Merge(after.status());
    EK_RETURN_IF_ERROR(v.ToStatus());
    if (caller.subject() != req->nip() && !caller.ReadsTenant()) {
      return absl::PermissionDeniedError(
          absl::StrCat("the caller may not read the warnings of ", req->nip(), "'s subordinates"));
    }
    return pool_.ReadOne([&](db::Tx& tx) -> absl::Status {
      resp->set_next_page_token(
          IdPage(store::SubordinatePage(tx, caller.tenant(), req->nip(), range->start, *range->end,
                                        *after, *size + 1),
                 *size, fingerprint, resp));
      return absl::OkStatus();
    });
  });
}

grpc::Status WarningServiceImpl::SummarizeWarnings(grpc::ServerContext* ctx,
                                                   const v1::SummarizeWarningsRequest* req,
                                                   v1::SummarizeWarningsResponse* resp) {
  return Serve(ctx, [&](const Caller& caller) -> absl::Status {
    EK_ASSIGN_OR_RETURN(const DateRange range, RangeOf(req->start_date(), req->end_date()));
    EK_RETURN_IF_ERROR(RequireTenantReader(caller));
    return pool_.ReadOne([&](db::Tx& tx) -> absl::Status {
      for (const store::Tally& t :
           store::TenantTally(tx, caller.tenant(), range.start, *range.end)) {
        v1::WarningTally* out = resp->add_tallies();
        out->set_opd_code(t.opd_code);
        out->set_rule(RuleToProto(t.rule));
        out->set_warnings(static_cast<int32_t>(t.warnings));
        out->set_unacknowledged(static_cast<int32_t>(t.unacknowledged));
      }
      return absl::OkStatus();
    });
  });
}

grpc::Status WarningServiceImpl::ListTenantWarnings(grpc::ServerContext* ctx,
                                                    const v1::ListTenantWarningsRequest* req,
                                                    v1::ListWarningsResponse* resp) {
  return Serve(ctx, [&](const Caller& caller) -> absl::Status {
    Violations v;
    absl::StatusOr<DateRange> range = RangeOf(req->start_date(), req->end_date());
    v.Merge(range.status());
    const std::string rule = RuleFromProto(req->rule());
    if (req->rule() != v1::RULE_UNSPECIFIED && rule.empty()) v.Add("rule", "must be a rule");
    absl::StatusOr<int> size = PageSize(req->page_size());
    v.Merge(size.status());
    const std::string fingerprint =
        absl::StrCat("tenant/", req->opd_code(), "/", rule, "/", req->start_date().DebugString(),
                     req->end_date().DebugString());
    absl::StatusOr<int64_t> after = DecodeIdPageToken(req->page_token(), fingerprint);
    v.Merge(after.status());
    EK_RETURN_IF_ERROR(v.ToStatus());
    EK_RETURN_IF_ERROR(RequireTenantReader(caller));
    return pool_.ReadOne([&](db::Tx& tx) -> absl::Status {
      resp->set_next_page_token(
          IdPage(store::TenantPage(tx, caller.tenant(), req->opd_code(), range->start, *range->end,
                                   rule, *after, *size + 1),
                 *size, fingerprint, resp));
      return absl::OkStatus();
    });
  });
}

grpc::Status WarningServiceImpl::WatchInbox(grpc::ServerContext* ctx,
                                            const v1::WatchInboxRequest* req,
                                            grpc::ServerWriter<v1::Warning>* writer) {
  return Serve(ctx, [&](const Caller& caller) -> absl::Status {
    Violations v;
    v.Merge(ParseNip(req->nip(), "nip").status());
    if (req->after_id() < 0) v.Add("after_id", "must not be negative");
    EK_RETURN_IF_ERROR(v.ToStatus());
    if (caller.subject() != req->nip()) {
      return absl::PermissionDeniedError("only the inbox's owner watches it");
    }
    int64_t after = req->after_id();
    if (after == 0) {
      EK_RETURN_IF_ERROR(pool_.ReadOne([&](db::Tx& tx) -> absl::Status {
        after = store::InboxLastId(tx, caller.tenant(), req->nip());
        return absl::OkStatus();
      }));
    }
    const absl::Time until = absl::Now() + options_.watch_limit;
    uint64_t seen = signal_.generation();
    while (!ctx->IsCancelled() && absl::Now() < until) {
      std::vector<store::WarningRow> rows;
      EK_RETURN_IF_ERROR(pool_.ReadOne([&](db::Tx& tx) -> absl::Status {
        rows = store::InboxAfter(tx, caller.tenant(), req->nip(), after, kWatchBatch);
        return absl::OkStatus();
      }));
      for (const store::WarningRow& w : rows) {
        if (!writer->Write(ToProto(w))) return absl::OkStatus();  // the client left
        after = w.id;
      }
      if (rows.size() == static_cast<size_t>(kWatchBatch)) continue;
      seen = signal_.WaitPast(seen, std::min(options_.watch_poll, until - absl::Now()));
    }
    return absl::OkStatus();
  });
}

}  // namespace ekinerja::warning
