// Verification (issue 11 item 3, DOMAIN §5): the atasan langsung on each entry's work date
// approves, rejects or returns it, many at once, each on its own; the verifiers' queues.

#include <map>
#include <set>
#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "api/activity_service.h"
#include "api/convert.h"
#include "civil.h"
#include "date_proto.h"
#include "db_fields.h"
#include "domain/entry_lifecycle.h"
#include "domain/verification.h"
#include "nip.h"
#include "page_token.h"
#include "store/decision_store.h"
#include "text.h"

namespace ekinerja::activity {
namespace {

// Entries of one DecideEntries: at most this many.
constexpr int kMaxDecideEntries = 500;
constexpr TextRule kReasonText{1000, kNoteText.multiline};
constexpr int kDefaultQueuePage = 100;
constexpr int kMaxQueuePage = 500;

std::optional<EntryAction> ActionOf(v1::Decision decision) {
  switch (decision) {
    case v1::DECISION_APPROVE:
      return EntryAction::kApprove;
    case v1::DECISION_REJECT:
      return EntryAction::kReject;
    case v1::DECISION_RETURN:
      return EntryAction::kReturn;
    default:
      return std::nullopt;
  }
}

// decisions.acting: how the decider holds the position they decide through ("" their own).
std::string ActingOf(clients::ActingKind kind) {
  return kind == clients::ActingKind::kDefinitif ? "" : clients::ActingKindName(kind);
}

// An employee's day: whose atasan langsung decides.
using DayKey = std::pair<std::string, absl::CivilDay>;

}  // namespace

absl::StatusOr<clients::Person> ActivityServiceImpl::DeciderOf(const Caller& caller,
                                                               const std::string& nip,
                                                               absl::CivilDay day) {
  absl::StatusOr<clients::Supervisors> sup = directory_.SupervisorsOf(caller.bearer, nip, day);
  if (absl::IsUnavailable(sup.status())) return sup.status();
  if (!sup.ok()) {
    return absl::PermissionDeniedError(
        absl::StrCat("the caller does not decide the reports of ", nip));
  }
  std::optional<std::string> atasan;
  if (sup->atasan_langsung) atasan = sup->atasan_langsung->nip;
  EK_RETURN_IF_ERROR(CheckDecider(nip, atasan, caller.subject(), caller.IsTenantAdmin()));
  if (sup->atasan_langsung) return *sup->atasan_langsung;
  clients::Person admin;  // the tenant admin, for the top of the tree
  admin.nip = caller.subject();
  return admin;
}

grpc::Status ActivityServiceImpl::DecideEntries(grpc::ServerContext* ctx,
                                                const v1::DecideEntriesRequest* req,
                                                v1::DecideEntriesResponse* resp) {
  return Serve(ctx, [&](const Caller& caller) -> absl::Status {
    Violations v;
    const std::optional<EntryAction> action = ActionOf(req->decision());
    if (!action) v.Add("decision", "APPROVE, REJECT or RETURN");
    if (CheckText(v, "reason", req->reason(), kReasonText) && action && NeedsReason(*action) &&
        absl::StripAsciiWhitespace(req->reason()).empty()) {
      v.Add("reason", "required to reject or return");
    }
    const bool by_day = !req->nip().empty() || IsSet(req->work_date());
    std::vector<int64_t> ids(req->entry_ids().begin(), req->entry_ids().end());
    absl::CivilDay day;
    if (!ids.empty() && by_day) {
      v.Add("entry_ids", "either entry_ids or nip and work_date, not both");
    } else if (by_day) {
      v.Merge(ParseNip(req->nip(), "nip").status());
      absl::StatusOr<absl::CivilDay> d = FromProtoDate(req->work_date(), "work_date");
      v.Merge(d.status());
      if (d.ok()) day = *d;
    } else if (ids.empty()) {
      v.Add("entry_ids", "required: entry ids, or nip and work_date");
    } else if (ids.size() > kMaxDecideEntries) {
      v.Add("entry_ids", absl::StrCat("at most ", kMaxDecideEntries));
    } else {
      std::set<int64_t> seen;
      for (size_t i = 0; i < ids.size(); ++i) {
        if (ids[i] <= 0) {
          v.Add(absl::StrCat("entry_ids[", i, "]"), "must be an entry id");
        } else if (!seen.insert(ids[i]).second) {
          v.Add(absl::StrCat("entry_ids[", i, "]"), "asked twice");
        }
      }
    }
    EK_RETURN_IF_ERROR(v.ToStatus());
    if (!IsValidNip(caller.subject()) && !caller.IsTenantAdmin()) {
      return absl::PermissionDeniedError(
          "entries are decided by an employee (their atasan langsung) or, at the top of the "
          "tree, by the tenant's ADMIN_INSTANSI");
    }

    // Who decides each employee's day, asked of identity once per day: an employee's day is
    // refused as a whole (the caller learns no entry of it), entries asked by id one by one.
    std::map<DayKey, absl::StatusOr<clients::Person>> deciders;
    if (by_day) {
      absl::StatusOr<clients::Person> who = DeciderOf(caller, req->nip(), day);
      EK_RETURN_IF_ERROR(who.status());
      deciders.emplace(DayKey{req->nip(), day}, *std::move(who));
    }
    std::map<int64_t, store::EntryRow> found;
    EK_RETURN_IF_ERROR(pool_.ReadOne([&](db::Tx& tx) -> absl::Status {
      const std::vector<store::EntryRow> rows =
          by_day ? store::EntriesOf(tx, caller.tenant(), req->nip(), day, day,
                                    std::string(StatusName(EntryStatus::kSubmitted)))
                 : store::GetEntries(tx, caller.tenant(), ids);
      for (const store::EntryRow& row : rows) {
        if (by_day) ids.push_back(row.id);
        found.emplace(row.id, row);
      }
      return absl::OkStatus();
    }));
    std::set<std::string> nips;
    for (const auto& [id, row] : found) {
      const DayKey key{row.nip, row.work_date};
      auto it = deciders.find(key);
      if (it == deciders.end()) {
        it = deciders.emplace(key, DeciderOf(caller, row.nip, row.work_date)).first;
        if (absl::IsUnavailable(it->second.status())) return it->second.status();
      }
      if (it->second.ok()) nips.insert(row.nip);
    }

    const absl::Time now = Now();
    std::vector<absl::Status> outcomes(ids.size());
    std::map<int64_t, store::EntryRow> decided;
    EK_RETURN_IF_ERROR(pool_.Write([&](db::Tx& tx) -> absl::Status {
      for (const std::string& nip : nips) store::LockEmployee(tx, caller.tenant(), nip);
      std::vector<int64_t> decidable;
      for (const auto& [id, row] : found) {
        if (nips.count(row.nip)) decidable.push_back(id);
      }
      std::map<int64_t, store::EntryRow> current;
      for (store::EntryRow& row : store::GetEntries(tx, caller.tenant(), decidable)) {
        current.emplace(row.id, std::move(row));
      }
      std::map<std::pair<std::string, int>, absl::Status> months;
      for (size_t i = 0; i < ids.size(); ++i) {
        auto f = found.find(ids[i]);
        if (f == found.end()) {
          outcomes[i] = absl::NotFoundError(absl::StrCat("entry ", ids[i], " not found"));
          continue;
        }
        const absl::StatusOr<clients::Person>& who =
            deciders.at(DayKey{f->second.nip, f->second.work_date});
        if (!who.ok()) {
          outcomes[i] = who.status();
          continue;
        }
        const store::EntryRow& row = current.at(ids[i]);
        const std::optional<EntryStatus> status = ParseStatus(row.status);
        if (!status) return absl::InternalError("stored status " + row.status);
        const absl::StatusOr<EntryStatus> next = NextStatus(*status, *action);
        if (!next.ok()) {
          outcomes[i] = next.status();
          continue;
        }
        const std::pair<std::string, int> month{row.nip,
                                                row.work_date.year() * 12 + row.work_date.month()};
        if (!months.count(month)) {
          months[month] = CheckMonthOpen(tx, caller.tenant(), row.nip, row.work_date);
        }
        if (!months[month].ok()) {
          outcomes[i] = months[month];
          continue;
        }
        store::Decide(tx, caller.tenant(),
                      {row.id, std::string(ActionName(*action)), std::string(StatusName(*next)),
                       req->reason(), caller.subject(), ActingOf(who->kind), now});
        decided.emplace(row.id, row);
      }
      std::vector<int64_t> decided_ids;
      for (const auto& [id, row] : decided) decided_ids.push_back(id);
      for (store::EntryRow& row : store::GetEntries(tx, caller.tenant(), decided_ids)) {
        decided[row.id] = std::move(row);
      }
      return absl::OkStatus();
    }));

    for (size_t i = 0; i < ids.size(); ++i) {
      v1::EntryOutcome* out = resp->add_outcomes();
      out->set_entry_id(ids[i]);
      out->set_code(static_cast<google::rpc::Code>(outcomes[i].code()));
      out->set_message(std::string(outcomes[i].message()));
      if (outcomes[i].ok()) ToProto(decided.at(ids[i]), out->mutable_entry());
    }
    resp->set_decided(static_cast<int>(decided.size()));
    for (const auto& [id, row] : decided) {
      metrics_.Decision(absl::AsciiStrToLower(row.status), now - row.submit_time.value_or(now));
    }
    return absl::OkStatus();
  });
}

grpc::Status ActivityServiceImpl::ListPendingEntries(grpc::ServerContext* ctx,
                                                     const v1::ListPendingEntriesRequest* req,
                                                     v1::ListPendingEntriesResponse* resp) {
  return Serve(ctx, [&](const Caller& caller) -> absl::Status {
    Violations v;
    if (!req->nip().empty()) v.Merge(ParseNip(req->nip(), "nip").status());
    absl::StatusOr<int> size = PageSize(req->page_size(), kDefaultQueuePage, kMaxQueuePage);
    v.Merge(size.status());
    EK_RETURN_IF_ERROR(v.ToStatus());
    // An employee verifies what was submitted to them; the tenant admin, the top of the tree's
    // (submitted with no atasan langsung: verifier_nip "").
    std::string verifier;
    if (IsValidNip(caller.subject())) {
      verifier = caller.subject();
    } else if (!caller.IsTenantAdmin()) {
      return absl::PermissionDeniedError(
          "a queue is an employee's (the entries they verify) or the tenant admin's");
    }
    const std::string fingerprint =
        absl::StrCat(caller.tenant(), "|", caller.subject(), "|", req->nip());
    EK_ASSIGN_OR_RETURN(const std::string last, DecodePageToken(req->page_token(), fingerprint));
    store::QueueKey after;
    if (!last.empty()) {
      const std::vector<absl::string_view> parts = absl::StrSplit(last, '/');
      int64_t micros = 0;
      if (parts.size() != 2 || !absl::SimpleAtoi(parts[0], &micros) ||
          !absl::SimpleAtoi(parts[1], &after.id) || after.id <= 0) {
        return InvalidField("page_token", "not a page token of this queue");
      }
      after.submit_time = absl::FromUnixMicros(micros);
    }
    return pool_.Read([&](db::Tx& tx) -> absl::Status {
      const std::vector<store::QueueKey> keys =
          store::PendingPage(tx, caller.tenant(), verifier, req->nip(), after, *size + 1);
      std::vector<int64_t> ids;
      for (const store::QueueKey& k : keys) ids.push_back(k.id);
      std::map<int64_t, store::EntryRow> rows;
      for (store::EntryRow& row : store::GetEntries(tx, caller.tenant(), ids)) {
        rows.emplace(row.id, std::move(row));
      }
      resp->set_next_page_token(WritePage(
          keys, *size, fingerprint,
          [&](const store::QueueKey& k) { ToProto(rows.at(k.id), resp->add_entries()); },
          [](const store::QueueKey& k) {
            return absl::StrCat(db::ToMicros(k.submit_time), "/", k.id);
          }));
      for (const store::PendingCountRow& c : store::PendingCounts(tx, caller.tenant(), verifier)) {
        v1::PendingCount* out = resp->add_counts();
        out->set_nip(c.nip);
        out->set_entries(c.entries);
        *out->mutable_oldest_submit_time() = ToProtoTimestamp(c.oldest_submit_time);
      }
      return absl::OkStatus();
    });
  });
}

grpc::Status ActivityServiceImpl::StreamPendingApprovals(
    grpc::ServerContext* ctx, const v1::StreamPendingApprovalsRequest* req,
    grpc::ServerWriter<v1::PendingApprovals>* writer) {
  return Serve(ctx, [&](const Caller& caller) -> absl::Status {
    if (!req->has_submitted_before()) return InvalidField("submitted_before", "required");
    EK_RETURN_IF_ERROR(CheckBatchReader(caller));
    // One row per verifier: a tenant has as many as it has supervisors, so one grouped statement
    // (over the partial index entries_pending) is read whole.
    std::vector<store::PendingApprovalsRow> rows;
    EK_RETURN_IF_ERROR(pool_.ReadOne([&](db::Tx& tx) -> absl::Status {
      rows = store::PendingByVerifier(tx, caller.tenant(),
                                      FromProtoTimestamp(req->submitted_before()));
      return absl::OkStatus();
    }));
    v1::PendingApprovals out;
    for (const store::PendingApprovalsRow& r : rows) {
      out.Clear();
      out.set_verifier_nip(r.verifier_nip);
      out.set_pending(r.pending);
      *out.mutable_oldest_submit_time() = ToProtoTimestamp(r.oldest_submit_time);
      if (!writer->Write(out)) return absl::CancelledError("the client went away");
    }
    return absl::OkStatus();
  });
}

}  // namespace ekinerja::activity
