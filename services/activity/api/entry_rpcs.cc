// Rules, entries and their gates (DOMAIN §5), submission, evidence.

#include <algorithm>
#include <map>
#include <set>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "api/activity_service.h"
#include "api/convert.h"
#include "civil.h"
#include "crypto.h"
#include "date_proto.h"
#include "domain/clock.h"
#include "domain/earned.h"
#include "domain/entry_lifecycle.h"
#include "domain/gates.h"
#include "evidence.h"
#include "nip.h"
#include "request_id.h"
#include "request_log.h"
#include "rpc_util.h"
#include "store/catalogue_store.h"
#include "text.h"

namespace ekinerja::activity {
namespace {

// Entries of one submission: at most this many days.
constexpr int kMaxSubmitDays = 31;
// Entries of one listing: at most this many days.
constexpr int kMaxListDays = 92;
constexpr TextRule kDescriptionText{2000, true};
constexpr TextRule kUnitText{40, false};
constexpr int64_t kMaxQuantity = 100000;

// Every path an update may name.
#define EK_ENTRY_PATHS                                                                  \
  "work_date", "start_time", "end_time", "description", "rhk_id", "tugas_tambahan_ref", \
      "catalogue_code", "output_quantity", "output_unit", "evidence_link", "evidence_file"

}  // namespace

// ---- rules ---------------------------------------------------------------------------------

grpc::Status ActivityServiceImpl::GetActivityRules(grpc::ServerContext* ctx,
                                                   const v1::GetActivityRulesRequest* req,
                                                   v1::ActivityRules* resp) {
  return Serve(ctx, [&](const Caller& caller) -> absl::Status {
    absl::CivilDay day;
    if (IsSet(req->date())) {
      EK_ASSIGN_OR_RETURN(day, FromProtoDate(req->date(), "date"));
    } else {
      EK_ASSIGN_OR_RETURN(day, TodayOf(caller));
    }
    ToProto(RulesOn(caller, day), resp);
    return absl::OkStatus();
  });
}

grpc::Status ActivityServiceImpl::ListActivityRules(grpc::ServerContext* ctx,
                                                    const v1::ListActivityRulesRequest*,
                                                    v1::ListActivityRulesResponse* resp) {
  return Serve(ctx, [&](const Caller& caller) -> absl::Status {
    return pool_.Read([&](db::Tx& tx) -> absl::Status {
      for (const store::StoredRules& r : store::ListRules(tx, caller.tenant())) {
        ToProto(r, resp->add_rules());
      }
      return absl::OkStatus();
    });
  });
}

grpc::Status ActivityServiceImpl::CreateActivityRules(grpc::ServerContext* ctx,
                                                      const v1::CreateActivityRulesRequest* req,
                                                      v1::ActivityRules* resp) {
  return Serve(ctx, [&](const Caller& caller) -> absl::Status {
    Violations v;
    absl::StatusOr<ActivityRules> rules = FromProto(req->rules());
    v.Merge(rules.status());
    CheckRequestIdText(v, req->request_id());
    EK_RETURN_IF_ERROR(v.ToStatus());
    EK_RETURN_IF_ERROR(RequireTenantAdmin(caller));
    return pool_.Write([&](db::Tx& tx) -> absl::Status {
      if (std::optional<int64_t> earlier = db::FindRequestKey(
              tx, caller.tenant(), caller.subject(), "CreateActivityRules", req->request_id())) {
        for (const store::StoredRules& r : store::ListRules(tx, caller.tenant())) {
          if (r.rules.version != *earlier) continue;
          EK_ASSIGN_OR_RETURN(RequestIdUse use, CheckRequestId(
                                                    std::optional<store::StoredRules>(r),
                                                    [&](const store::StoredRules& e) {
                                                      return e.rules.effective_from ==
                                                             rules->effective_from;
                                                    },
                                                    "another rule set"));
          (void)use;
          ToProto(r, resp);
          return absl::OkStatus();
        }
      }
      EK_ASSIGN_OR_RETURN(store::StoredRules stored,
                          store::InsertRules(tx, caller.tenant(), *rules, caller.subject()));
      if (!db::InsertRequestKey(tx, caller.tenant(), caller.subject(), "CreateActivityRules",
                                req->request_id(), stored.rules.version)) {
        return RequestIdRace();
      }
      db::Audit(tx, caller.tenant(), caller.subject(), "CreateActivityRules",
                absl::StrCat("activityRules/", stored.rules.version),
                absl::StrCat("effective_from=", FormatDate(stored.rules.effective_from)));
      ToProto(stored, resp);
      return absl::OkStatus();
    });
  });
}

// ---- entries -------------------------------------------------------------------------------

absl::Status ActivityServiceImpl::PrepareEntry(const Caller& caller, const v1::Entry& in,
                                               const std::vector<std::string>& paths, Violations v,
                                               const std::optional<store::StoredRules>& read_rules,
                                               store::EntryRow* row, store::FileRow* file,
                                               bool* file_changed, ActivityRules* rules) {
  auto named = [&](const char* path) {
    return std::find(paths.begin(), paths.end(), path) != paths.end();
  };
  if (named("work_date")) {
    absl::StatusOr<absl::CivilDay> day = FromProtoDate(in.work_date(), "entry.work_date");
    v.Merge(day.status());
    if (day.ok()) row->work_date = *day;
  }
  bool times_ok = true;
  for (const auto& [path, text, minute] :
       {std::make_tuple("start_time", &in.start_time(), &row->start_minute),
        std::make_tuple("end_time", &in.end_time(), &row->end_minute)}) {
    if (!named(path)) continue;
    absl::StatusOr<int> m = ParseClock(*text);
    if (m.ok()) {
      *minute = *m;
    } else {
      times_ok = false;
      v.Add(absl::StrCat("entry.", path), std::string(m.status().message()));
    }
  }
  if (times_ok && row->end_minute <= row->start_minute) {
    v.Add("entry.end_time", "after start_time");
  }
  if (named("description")) {
    row->description = in.description();
    if (CheckText(v, "entry.description", in.description(), kDescriptionText) &&
        absl::StripAsciiWhitespace(in.description()).empty()) {
      v.Add("entry.description", "required");
    }
  }
  if (named("rhk_id")) row->rhk_id = in.rhk_id();
  if (named("tugas_tambahan_ref")) {
    row->tugas_tambahan_ref = in.tugas_tambahan_ref();
    CheckText(v, "entry.tugas_tambahan_ref", in.tugas_tambahan_ref(), kNameText);
  }
  if (row->rhk_id < 0) {
    v.Add("entry.rhk_id", "an RHK id");
  } else if ((row->rhk_id > 0) == !row->tugas_tambahan_ref.empty()) {
    v.Add("entry.rhk_id", "exactly one of rhk_id and tugas_tambahan_ref");
  }
  if (named("catalogue_code")) {
    row->catalogue_code = in.catalogue_code();
    CheckText(v, "entry.catalogue_code", in.catalogue_code(), TextRule{32, false});
  }
  if (named("output_quantity")) {
    row->output_quantity = in.output_quantity();
    if (in.output_quantity() < 0 || in.output_quantity() > kMaxQuantity) {
      v.Add("entry.output_quantity", absl::StrCat("0 to ", kMaxQuantity));
    }
  }
  if (named("output_unit")) {
    row->output_unit = in.output_unit();
    CheckText(v, "entry.output_unit", in.output_unit(), kUnitText);
  }
  if (named("evidence_link") || named("evidence_file")) {
    const v1::EntryFile& f = in.evidence_file();
    const bool has_file = in.has_evidence_file();
    CheckEvidence(v, "entry.", in.evidence_link(), has_file, f.file_name(), f.content_type(),
                  static_cast<int64_t>(f.content().size()), options_.max_evidence_bytes);
    if (named("evidence_link")) row->evidence_link = in.evidence_link();
    if (named("evidence_file")) {
      *file_changed = true;
      if (has_file) {
        file->file_name = f.file_name();
        file->content_type = f.content_type();
        file->size_bytes = static_cast<int64_t>(f.content().size());
        file->sha256 = auth::Sha256Hex(f.content());
        file->content = f.content();
      }
    }
  }
  EK_RETURN_IF_ERROR(v.ToStatus());

  // What the entry names, as the other services and the catalogue hold it on its day.
  row->skp_id = 0;
  if (row->rhk_id > 0) {
    EK_ASSIGN_OR_RETURN(const clients::ApprovedPlan plan,
                        skp_.PlanOn(caller.bearer, row->nip, row->work_date));
    if (plan.skp_id == 0) {
      return GateRefusal(
          "NO_APPROVED_SKP", row->nip, row->work_date,
          absl::FailedPreconditionError(absl::StrCat(
              "no SKP approved and in force on ", FormatDate(row->work_date),
              ": link the entry to a tugas tambahan, or have the SKP approved first")));
    }
    if (std::none_of(plan.rhks.begin(), plan.rhks.end(),
                     [&](const clients::PlanRhk& r) { return r.id == row->rhk_id; })) {
      return InvalidField("entry.rhk_id",
                          absl::StrCat("not an RHK of your SKP approved and in force on ",
                                       FormatDate(row->work_date)));
    }
    row->skp_id = plan.skp_id;
  }
  *rules = read_rules ? read_rules->rules : RulesOn(caller, row->work_date).rules;
  std::optional<int> norm;
  row->norm_minutes_per_unit = 0;
  if (!row->catalogue_code.empty()) {
    EK_ASSIGN_OR_RETURN(const clients::EmployeeSnapshot who,
                        directory_.SnapshotOf(caller.bearer, row->nip, row->work_date));
    std::optional<store::CatalogueRow> item;
    EK_RETURN_IF_ERROR(pool_.ReadOne([&](db::Tx& tx) -> absl::Status {
      item = store::CatalogueItemFor(tx, caller.tenant(), row->catalogue_code, row->work_date,
                                     who.position_code, who.position_kind);
      return absl::OkStatus();
    }));
    if (!item) {
      return InvalidField(
          "entry.catalogue_code",
          absl::StrCat("no catalogue item for your position on ", FormatDate(row->work_date)));
    }
    norm = item->item.minutes_per_unit;
    row->norm_minutes_per_unit = item->item.minutes_per_unit;
    row->output_unit = item->item.output_unit;
  }
  row->earned_minutes = EarnedMinutes(row->end_minute - row->start_minute, norm,
                                      row->output_quantity, rules->cap_norm_by_span);
  return absl::OkStatus();
}

grpc::Status ActivityServiceImpl::CreateEntry(grpc::ServerContext* ctx,
                                              const v1::CreateEntryRequest* req, v1::Entry* resp) {
  return Serve(ctx, [&](const Caller& caller) -> absl::Status {
    const v1::Entry& in = req->entry();
    Violations v;
    CheckRequestIdText(v, req->request_id());
    if (!IsValidNip(caller.subject()) || (!in.nip().empty() && in.nip() != caller.subject())) {
      return absl::PermissionDeniedError("an employee reports only their own work");
    }
    // Replays answer before anything is asked again. The same round trip reads the rule set of
    // the work date, which the entry needs next.
    std::optional<store::StoredRules> read_rules;
    if (!req->request_id().empty() && v.empty()) {
      const absl::StatusOr<absl::CivilDay> day = FromProtoDate(in.work_date(), "entry.work_date");
      store::RulesAndEarlier read;
      EK_RETURN_IF_ERROR(pool_.ReadOne([&](db::Tx& tx) -> absl::Status {
        read = store::RulesAndRequestKey(tx, caller.tenant(), day.value_or(absl::CivilDay()),
                                         caller.subject(), "CreateEntry", req->request_id());
        return absl::OkStatus();
      }));
      if (day.ok()) read_rules = std::move(read.rules);
      if (read.earlier) {
        EK_ASSIGN_OR_RETURN(const store::EntryRow existing, ReadableEntry(caller, *read.earlier));
        EK_ASSIGN_OR_RETURN(RequestIdUse use,
                            CheckRequestId(
                                std::optional<store::EntryRow>(existing),
                                [&](const store::EntryRow& e) {
                                  return ToProtoDate(e.work_date).SerializeAsString() ==
                                             in.work_date().SerializeAsString() &&
                                         FormatClock(e.start_minute) == in.start_time() &&
                                         FormatClock(e.end_minute) == in.end_time() &&
                                         e.description == in.description();
                                },
                                "another entry"));
        (void)use;
        ToProto(existing, resp);
        return absl::OkStatus();
      }
    }
    store::EntryRow row;
    row.nip = caller.subject();
    store::FileRow file;
    bool file_changed = false;
    ActivityRules rules;
    EK_RETURN_IF_ERROR(Refused(PrepareEntry(caller, in, {EK_ENTRY_PATHS}, std::move(v), read_rules,
                                            &row, &file, &file_changed, &rules)));
    EK_ASSIGN_OR_RETURN(const clients::AttendanceDay day,
                        AttendanceDayOf(caller, row.nip, row.work_date));
    absl::StatusOr<std::optional<int>> present = CheckDayOpen(caller, row, day, rules);
    EK_RETURN_IF_ERROR(Refused(present.status()));
    const int unknown_cap = rules.unknown_presence_minutes;
    EK_RETURN_IF_ERROR(Refused(pool_.Write([&](db::Tx& tx) -> absl::Status {
      store::LockEmployee(tx, caller.tenant(), row.nip);
      EK_RETURN_IF_ERROR(CheckDayInTx(tx, caller.tenant(), row, *present, unknown_cap));
      // The answer is the row as written with what the database gave it: no read back.
      if (!store::InsertEntry(tx, caller.tenant(), &row, caller.subject(), "CreateEntry",
                              req->request_id())) {
        return RequestIdRace();
      }
      if (file_changed && !file.file_name.empty()) {
        store::PutFile(tx, caller.tenant(), row.id, file);
        file.content.clear();  // an entry carries its file's description only
        row.file = std::move(file);
      }
      return absl::OkStatus();
    })));
    metrics_.Entry("created");
    ToProto(row, resp);
    return absl::OkStatus();
  });
}

grpc::Status ActivityServiceImpl::GetEntry(grpc::ServerContext* ctx, const v1::GetEntryRequest* req,
                                           v1::Entry* resp) {
  return Serve(ctx, [&](const Caller& caller) -> absl::Status {
    EK_ASSIGN_OR_RETURN(const store::EntryRow row, ReadableEntry(caller, req->id()));
    ToProto(row, resp);
    return absl::OkStatus();
  });
}

grpc::Status ActivityServiceImpl::ListEntries(grpc::ServerContext* ctx,
                                              const v1::ListEntriesRequest* req,
                                              v1::ListEntriesResponse* resp) {
  return Serve(ctx, [&](const Caller& caller) -> absl::Status {
    Violations v;
    v.Merge(ParseNip(req->nip(), "nip").status());
    absl::StatusOr<DateRange> range =
        FromProtoDateRange(req->start_date(), req->end_date(), "", /*end_required=*/true);
    v.Merge(range.status());
    if (range.ok() && *range->end - range->start >= kMaxListDays) {
      v.Add("end_date", absl::StrCat("at most ", kMaxListDays, " days after start_date"));
    }
    if (!v1::EntryStatus_IsValid(req->status())) v.Add("status", "an entry status");
    EK_RETURN_IF_ERROR(v.ToStatus());
    EK_RETURN_IF_ERROR(CheckReads(caller, req->nip(), *range->end));
    const std::string status =
        req->status() == v1::ENTRY_STATUS_UNSPECIFIED ? "" : StoredStatus(req->status());
    return pool_.Read([&](db::Tx& tx) -> absl::Status {
      for (const store::EntryRow& row :
           store::EntriesOf(tx, caller.tenant(), req->nip(), range->start, *range->end, status)) {
        ToProto(row, resp->add_entries());
      }
      return absl::OkStatus();
    });
  });
}

grpc::Status ActivityServiceImpl::UpdateEntry(grpc::ServerContext* ctx,
                                              const v1::UpdateEntryRequest* req, v1::Entry* resp) {
  return Serve(ctx, [&](const Caller& caller) -> absl::Status {
    Violations v;
    absl::StatusOr<absl::flat_hash_set<std::string>> mask =
        MaskPaths(req->update_mask(), {EK_ENTRY_PATHS}, /*empty_means_all=*/false);
    v.Merge(mask.status());
    if (req->entry().id() <= 0) v.Add("entry.id", "must be an entry id");
    EK_RETURN_IF_ERROR(v.ToStatus());
    EK_ASSIGN_OR_RETURN(store::EntryRow row, OwnEntry(caller, req->entry().id()));
    const std::optional<EntryStatus> status = ParseStatus(row.status);
    if (!status) return absl::InternalError("stored status " + row.status);
    EK_RETURN_IF_ERROR(NextStatus(*status, EntryAction::kUpdate).status());
    const absl::CivilDay before = row.work_date;
    store::FileRow file;
    bool file_changed = false;
    ActivityRules rules;
    EK_RETURN_IF_ERROR(
        Refused(PrepareEntry(caller, req->entry(), {mask->begin(), mask->end()}, Violations{},
                             std::nullopt, &row, &file, &file_changed, &rules)));
    EK_ASSIGN_OR_RETURN(const clients::AttendanceDay day,
                        AttendanceDayOf(caller, row.nip, row.work_date));
    absl::StatusOr<std::optional<int>> present = CheckDayOpen(caller, row, day, rules);
    EK_RETURN_IF_ERROR(Refused(present.status()));
    if (before != row.work_date) {
      // Moving an entry needs its old day open too: a day past its deadline stays as it was.
      store::EntryRow old = row;
      old.work_date = before;
      EK_ASSIGN_OR_RETURN(const clients::AttendanceDay old_day,
                          AttendanceDayOf(caller, row.nip, before));
      EK_RETURN_IF_ERROR(
          Refused(CheckDayOpen(caller, old, old_day, RulesOn(caller, before).rules).status()));
    }
    const int unknown_cap = rules.unknown_presence_minutes;
    EK_RETURN_IF_ERROR(Refused(pool_.Write([&](db::Tx& tx) -> absl::Status {
      store::LockEmployee(tx, caller.tenant(), row.nip);
      EK_ASSIGN_OR_RETURN(const store::EntryRow current,
                          store::GetEntry(tx, caller.tenant(), row.id));
      if (current.status != row.status || current.update_time != row.update_time) {
        return absl::AbortedError("the entry changed meanwhile; read it again");
      }
      if (before != row.work_date) {
        EK_RETURN_IF_ERROR(CheckMonthOpen(tx, caller.tenant(), row.nip, before));
      }
      EK_RETURN_IF_ERROR(CheckDayInTx(tx, caller.tenant(), row, *present, unknown_cap));
      store::UpdateEntry(tx, caller.tenant(), row);
      if (file_changed) {
        if (file.file_name.empty()) {
          store::DeleteFile(tx, caller.tenant(), row.id);
        } else {
          store::PutFile(tx, caller.tenant(), row.id, file);
        }
      }
      EK_ASSIGN_OR_RETURN(row, store::GetEntry(tx, caller.tenant(), row.id));
      return absl::OkStatus();
    })));
    metrics_.Entry("updated");
    ToProto(row, resp);
    return absl::OkStatus();
  });
}

grpc::Status ActivityServiceImpl::WithdrawEntry(grpc::ServerContext* ctx,
                                                const v1::WithdrawEntryRequest* req,
                                                v1::Entry* resp) {
  return Serve(ctx, [&](const Caller& caller) -> absl::Status {
    EK_ASSIGN_OR_RETURN(store::EntryRow row, OwnEntry(caller, req->id()));
    return pool_.Write([&](db::Tx& tx) -> absl::Status {
      store::LockEmployee(tx, caller.tenant(), row.nip);
      EK_ASSIGN_OR_RETURN(row, store::GetEntry(tx, caller.tenant(), row.id));
      const std::optional<EntryStatus> status = ParseStatus(row.status);
      if (!status) return absl::InternalError("stored status " + row.status);
      EK_ASSIGN_OR_RETURN(const EntryStatus next, NextStatus(*status, EntryAction::kWithdraw));
      EK_RETURN_IF_ERROR(CheckMonthOpen(tx, caller.tenant(), row.nip, row.work_date));
      store::SetStatus(tx, caller.tenant(), row.id, std::string(StatusName(next)));
      EK_ASSIGN_OR_RETURN(row, store::GetEntry(tx, caller.tenant(), row.id));
      ToProto(row, resp);
      return absl::OkStatus();
    });
  });
}

grpc::Status ActivityServiceImpl::SubmitEntries(grpc::ServerContext* ctx,
                                                const v1::SubmitEntriesRequest* req,
                                                v1::SubmitEntriesResponse* resp) {
  return Serve(ctx, [&](const Caller& caller) -> absl::Status {
    Violations v;
    v.Merge(ParseNip(req->nip(), "nip").status());
    absl::StatusOr<DateRange> range =
        FromProtoDateRange(req->start_date(), req->end_date(), "", /*end_required=*/false);
    v.Merge(range.status());
    const absl::CivilDay first = range.ok() ? range->start : absl::CivilDay();
    const absl::CivilDay last = range.ok() ? range->end.value_or(first) : absl::CivilDay();
    if (range.ok() && last - first >= kMaxSubmitDays) {
      v.Add("end_date", absl::StrCat("at most ", kMaxSubmitDays, " days after start_date"));
    }
    EK_RETURN_IF_ERROR(v.ToStatus());
    if (req->nip() != caller.subject()) {
      return absl::PermissionDeniedError("an employee submits only their own report");
    }
    std::vector<store::EntryRow> pending;
    EK_RETURN_IF_ERROR(pool_.Read([&](db::Tx& tx) -> absl::Status {
      for (store::EntryRow& e : store::EntriesOf(tx, caller.tenant(), req->nip(), first, last)) {
        const std::optional<EntryStatus> status = ParseStatus(e.status);
        if (status && NextStatus(*status, EntryAction::kSubmit).ok()) {
          pending.push_back(std::move(e));
        }
      }
      return absl::OkStatus();
    }));
    if (pending.empty()) return absl::OkStatus();
    // The check-in of the whole range in one call; the verifier of each day once.
    EK_ASSIGN_OR_RETURN(const std::vector<clients::AttendanceDay> days,
                        attendance_.DaysOf(caller.bearer, req->nip(), pending.front().work_date,
                                           pending.back().work_date));
    std::map<absl::CivilDay, const clients::AttendanceDay*> by_day;
    for (const clients::AttendanceDay& d : days) by_day[d.date] = &d;
    std::map<absl::CivilDay, std::optional<int>> present;
    std::map<absl::CivilDay, std::string> verifier;
    std::map<absl::CivilDay, int> unknown_cap;
    for (const store::EntryRow& e : pending) {
      if (present.count(e.work_date)) continue;
      auto it = by_day.find(e.work_date);
      if (it == by_day.end()) return absl::UnavailableError("attendance: a day is missing");
      const ActivityRules rules = RulesOn(caller, e.work_date).rules;
      unknown_cap[e.work_date] = rules.unknown_presence_minutes;
      absl::StatusOr<std::optional<int>> p = CheckDayOpen(caller, e, *it->second, rules);
      EK_RETURN_IF_ERROR(Refused(p.status()));
      present[e.work_date] = *p;
      EK_ASSIGN_OR_RETURN(verifier[e.work_date],
                          directory_.AtasanOf(caller.bearer, req->nip(), e.work_date));
    }
    EK_RETURN_IF_ERROR(Refused(pool_.Write([&](db::Tx& tx) -> absl::Status {
      store::LockEmployee(tx, caller.tenant(), req->nip());
      for (const store::EntryRow& e : pending) {
        EK_ASSIGN_OR_RETURN(const store::EntryRow current,
                            store::GetEntry(tx, caller.tenant(), e.id));
        if (current.status != e.status || current.update_time != e.update_time) {
          return absl::AbortedError("an entry changed meanwhile; submit again");
        }
        EK_RETURN_IF_ERROR(
            CheckDayInTx(tx, caller.tenant(), e, present[e.work_date], unknown_cap[e.work_date]));
        store::SubmitEntry(tx, caller.tenant(), e.id, verifier[e.work_date], Now());
      }
      std::vector<int64_t> ids;
      for (const store::EntryRow& e : pending) ids.push_back(e.id);
      for (const store::EntryRow& row : store::GetEntries(tx, caller.tenant(), ids)) {
        ToProto(row, resp->add_entries());
      }
      return absl::OkStatus();
    })));
    metrics_.Entry("submitted", "", static_cast<int>(pending.size()));
    return absl::OkStatus();
  });
}

grpc::Status ActivityServiceImpl::GetEntryEvidence(grpc::ServerContext* ctx,
                                                   const v1::GetEntryEvidenceRequest* req,
                                                   v1::EntryEvidence* resp) {
  return Serve(ctx, [&](const Caller& caller) -> absl::Status {
    EK_ASSIGN_OR_RETURN(const store::EntryRow row, ReadableEntry(caller, req->entry_id()));
    return pool_.Read([&](db::Tx& tx) -> absl::Status {
      std::optional<store::FileRow> file = store::GetFile(tx, caller.tenant(), row.id);
      if (!file) {
        return absl::NotFoundError(absl::StrCat("entry ", row.id, " has no evidence file"));
      }
      ToProto(row.id, *file, resp);
      resp->set_content(file->content);
      return absl::OkStatus();
    });
  });
}

}  // namespace ekinerja::activity
