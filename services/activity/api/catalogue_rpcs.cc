// The norma waktu catalogue (DOMAIN §5): ADMIN_INSTANSI writes (audited), every employee of the
// tenant reads; items effective-dated by code.

#include <set>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "api/activity_service.h"
#include "civil.h"
#include "date_proto.h"
#include "domain/catalogue.h"
#include "import_problems.h"
#include "request_id.h"
#include "request_log.h"
#include "store/catalogue_store.h"

namespace ekinerja::activity {
namespace {

// A catalogue file: at most this many bytes.
constexpr size_t kMaxCatalogueCsvBytes = 4 << 20;

CatalogueItem FromProto(const v1::CatalogueItem& in) {
  CatalogueItem out;
  out.code = in.code();
  out.position_code = in.position_code();
  out.position_kind = in.position_kind();
  out.name = in.name();
  out.output_unit = in.output_unit();
  out.minutes_per_unit = in.minutes_per_unit();
  return out;
}

void ToProto(const store::CatalogueRow& row, v1::CatalogueItem* out) {
  out->set_code(row.item.code);
  out->set_position_code(row.item.position_code);
  out->set_position_kind(row.item.position_kind);
  out->set_name(row.item.name);
  out->set_output_unit(row.item.output_unit);
  out->set_minutes_per_unit(row.item.minutes_per_unit);
  *out->mutable_effective_from() = ToProtoDate(row.effective_from);
  *out->mutable_create_time() = ToProtoTimestamp(row.create_time);
}

bool SameItem(const CatalogueItem& a, const CatalogueItem& b) {
  return a.code == b.code && a.position_code == b.position_code &&
         a.position_kind == b.position_kind && a.name == b.name && a.output_unit == b.output_unit &&
         a.minutes_per_unit == b.minutes_per_unit;
}

// The version of `code` from exactly `day`, when there is one.
std::optional<store::CatalogueRow> VersionFrom(db::Tx& tx, const std::string& tenant,
                                               const std::string& code, absl::CivilDay day) {
  for (store::CatalogueRow& row : store::CatalogueOn(tx, tenant, day, "", "")) {
    if (row.item.code == code && row.effective_from == day) return std::move(row);
  }
  return std::nullopt;
}

}  // namespace

grpc::Status ActivityServiceImpl::CreateCatalogueItem(grpc::ServerContext* ctx,
                                                      const v1::CreateCatalogueItemRequest* req,
                                                      v1::CatalogueItem* resp) {
  return Serve(ctx, [&](const Caller& caller) -> absl::Status {
    const CatalogueItem item = FromProto(req->item());
    Violations v;
    for (FieldViolation& f : CatalogueItemViolations(item, "item.")) {
      v.Add(std::move(f.field), std::move(f.description));
    }
    absl::StatusOr<absl::CivilDay> from =
        FromProtoDate(req->item().effective_from(), "item.effective_from");
    v.Merge(from.status());
    CheckRequestIdText(v, req->request_id());
    EK_RETURN_IF_ERROR(v.ToStatus());
    EK_RETURN_IF_ERROR(RequireTenantAdmin(caller));
    return pool_.Write([&](db::Tx& tx) -> absl::Status {
      constexpr char kRpc[] = "CreateCatalogueItem";
      const int64_t day_number = *from - absl::CivilDay(1970, 1, 1);
      if (std::optional<int64_t> earlier_day =
              db::FindRequestKey(tx, caller.tenant(), caller.subject(), kRpc, req->request_id())) {
        // The key records the version's day; the item is the one of this code from it.
        std::optional<store::CatalogueRow> earlier;
        if (*earlier_day == day_number)
          earlier = VersionFrom(tx, caller.tenant(), item.code, *from);
        if (!earlier) return InvalidField("request_id", "already used for another item");
        EK_ASSIGN_OR_RETURN(
            RequestIdUse use,
            CheckRequestId(
                earlier, [&](const store::CatalogueRow& e) { return SameItem(e.item, item); },
                "another item"));
        (void)use;
        ToProto(*earlier, resp);
        return absl::OkStatus();
      }
      std::optional<store::CatalogueRow> row =
          store::InsertCatalogueItem(tx, caller.tenant(), item, *from, caller.subject());
      if (!row) {
        return absl::AlreadyExistsError(
            absl::StrCat("item ", item.code, " already has a version from ", FormatDate(*from)));
      }
      if (!db::InsertRequestKey(tx, caller.tenant(), caller.subject(), kRpc, req->request_id(),
                                day_number)) {
        return RequestIdRace();
      }
      db::Audit(tx, caller.tenant(), caller.subject(), kRpc,
                absl::StrCat("catalogueItems/", item.code),
                absl::StrCat("effective_from=", FormatDate(*from)));
      ToProto(*row, resp);
      return absl::OkStatus();
    });
  });
}

grpc::Status ActivityServiceImpl::ListCatalogueItems(grpc::ServerContext* ctx,
                                                     const v1::ListCatalogueItemsRequest* req,
                                                     v1::ListCatalogueItemsResponse* resp) {
  return Serve(ctx, [&](const Caller& caller) -> absl::Status {
    Violations v;
    absl::StatusOr<absl::CivilDay> day = absl::CivilDay();
    if (IsSet(req->date())) {
      day = FromProtoDate(req->date(), "date");
      v.Merge(day.status());
    }
    if (!req->position_code().empty() && !req->position_kind().empty()) {
      v.Add("position_kind", "either position_code or position_kind, not both");
    } else if (!req->position_kind().empty() && !IsPositionKind(req->position_kind())) {
      v.Add("position_kind", "JPT, ADMINISTRATOR, PENGAWAS, PELAKSANA or FUNGSIONAL");
    }
    EK_RETURN_IF_ERROR(v.ToStatus());
    if (!IsSet(req->date())) {
      EK_ASSIGN_OR_RETURN(day, TodayOf(caller));
    }
    return pool_.Read([&](db::Tx& tx) -> absl::Status {
      for (const store::CatalogueRow& row : store::CatalogueOn(
               tx, caller.tenant(), *day, req->position_code(), req->position_kind())) {
        ToProto(row, resp->add_items());
      }
      return absl::OkStatus();
    });
  });
}

grpc::Status ActivityServiceImpl::ImportCatalogue(grpc::ServerContext* ctx,
                                                  const v1::ImportCatalogueRequest* req,
                                                  v1::ImportCatalogueResponse* resp) {
  return Serve(ctx, [&](const Caller& caller) -> absl::Status {
    EK_RETURN_IF_ERROR(RequireTenantAdmin(caller));
    Violations request;
    if (req->csv().empty()) {
      request.Add("csv", "required");
    } else if (req->csv().size() > kMaxCatalogueCsvBytes) {
      request.Add("csv", "at most 4 MiB");
    }
    absl::StatusOr<absl::CivilDay> from = FromProtoDate(req->effective_from(), "effective_from");
    request.Merge(from.status());
    EK_RETURN_IF_ERROR(request.ToStatus());
    // The file's own problems (header, no rows) refuse the request; a row's go to the answer.
    const CatalogueImport parsed = ParseCatalogueCsv(req->csv());
    std::vector<FieldViolation> row_errors;
    for (const FieldViolation& f : parsed.problems) {
      if (absl::StartsWith(f.field, "rows[")) {
        row_errors.push_back(f);
      } else {
        request.Add(f.field, f.description);
      }
    }
    EK_RETURN_IF_ERROR(request.ToStatus("import rejected; nothing was imported"));
    return pool_.Write([&](db::Tx& tx) -> absl::Status {
      std::vector<std::string> codes;
      for (const CatalogueItem& item : parsed.items) codes.push_back(item.code);
      const std::vector<std::string> taken =
          store::CodesWithVersionOn(tx, caller.tenant(), codes, *from);
      const std::set<std::string> existing(taken.begin(), taken.end());
      for (size_t i = 0; i < parsed.items.size(); ++i) {
        if (existing.count(parsed.items[i].code) == 0) continue;
        row_errors.push_back(
            {absl::StrCat("rows[", parsed.lines[i], "].kode"),
             absl::StrCat("line ", parsed.lines[i], ": kode ", parsed.items[i].code,
                          " already has a version from ", FormatDate(*from))});
      }
      if (!row_errors.empty()) {  // all rows or none: the report, and nothing written
        AddImportProblems(row_errors, google::rpc::INVALID_ARGUMENT, resp->mutable_problems());
        return absl::OkStatus();
      }
      resp->set_imported(static_cast<int32_t>(parsed.items.size()));
      if (req->dry_run()) return absl::OkStatus();
      for (const CatalogueItem& item : parsed.items) {
        if (!store::InsertCatalogueItem(tx, caller.tenant(), item, *from, caller.subject())) {
          return absl::AbortedError("the catalogue changed meanwhile; import again");
        }
      }
      db::Audit(tx, caller.tenant(), caller.subject(), "ImportCatalogue", "catalogueItems",
                absl::StrCat(parsed.items.size(), " items effective_from=", FormatDate(*from)));
      resp->set_applied(true);
      return absl::OkStatus();
    });
  });
}

}  // namespace ekinerja::activity
