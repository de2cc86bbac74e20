// IdentityService: employees, their assignments, supervisor overrides and supervisor resolution,
// and the SIMPEG import.

#include <algorithm>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "api/convert.h"
#include "api/identity_service.h"
#include "api/request.h"
#include "civil.h"
#include "date_proto.h"
#include "domain/employee.h"
#include "domain/employee_csv.h"
#include "domain/validation.h"
#include "import_problems.h"
#include "nip.h"
#include "page_token.h"
#include "status.h"
#include "text.h"
#include "unit_path.h"

namespace ekinerja::identity {
namespace {

constexpr int kMaxBatch = 1000;
// StreamEmployeesOfPeriod: the longest range (a quarter, as attendance's streams) and the
// employees read per statement.
constexpr int kMaxPeriodDays = 92;
constexpr int kPeriodBatch = 1000;
// StreamSupervisors: the employees read per statement.
constexpr int kSupervisorBatch = 1000;

int StatusNumber(EmploymentStatus s) { return static_cast<int>(s) + 1; }  // as the proto enum

absl::Status ValidateStatus(v1::EmploymentStatus s, const std::string& field) {
  if (s < v1::EMPLOYMENT_STATUS_AKTIF || s > v1::EMPLOYMENT_STATUS_DIBERHENTIKAN) {
    return InvalidField(field, "unknown employment status");
  }
  return absl::OkStatus();
}

}  // namespace

grpc::Status IdentityServiceImpl::CreateEmployee(grpc::ServerContext* ctx,
                                                 const v1::CreateEmployeeRequest* req,
                                                 v1::Employee* resp) {
  return Serve(ctx, [&](const Principal& p) -> absl::Status {
    const v1::Employee& e = req->employee();
    Violations v;
    auto nip = ParseNip(e.nip(), "employee.nip");
    v.Merge(nip.status());
    v.Merge(ValidateName(e.name(), "employee.name"));
    auto golongan = ParseGolongan(e.golongan(), "employee.golongan");
    v.Merge(golongan.status());
    if (e.status() != v1::EMPLOYMENT_STATUS_UNSPECIFIED)
      v.Merge(ValidateStatus(e.status(), "employee.status"));
    EK_RETURN_IF_ERROR(v.ToStatus());
    return pool_.Write([&](db::Tx& tx) -> absl::Status {
      EK_ASSIGN_OR_RETURN(Scope scope, ScopeOf(tx, p));
      // A new employee has no position yet: any admin of the tenant or of an OPD may add one.
      EK_RETURN_IF_ERROR(CheckIsAdmin(scope));
      EK_ASSIGN_OR_RETURN(bool replay, ClaimRequestId(tx, p.tenant, req->request_id(),
                                                      "CreateEmployee", nip->digits));
      EK_ASSIGN_OR_RETURN(absl::CivilDay today, TodayIn(tx, p.tenant));
      if (!replay) {
        if (store::GetEmployee(tx, p.tenant, nip->digits, today).ok()) {
          return absl::AlreadyExistsError(
              absl::StrCat("employee ", nip->Display(), " already exists"));
        }
        const int status = e.status() == v1::EMPLOYMENT_STATUS_UNSPECIFIED
                               ? static_cast<int>(v1::EMPLOYMENT_STATUS_AKTIF)
                               : static_cast<int>(e.status());
        store::InsertEmployee(tx, p.tenant, {nip->digits, e.name(), *golongan, status, "", ""});
        store::InsertAudit(
            tx, p.tenant,
            {0, absl::Now(), p.subject, "EMPLOYEE_CREATE", nip->digits, "", SourceOf(ctx)});
      }
      EK_ASSIGN_OR_RETURN(store::EmployeeRow row,
                          store::GetEmployee(tx, p.tenant, nip->digits, today));
      ToProto(row, resp);
      return absl::OkStatus();
    });
  });
}

grpc::Status IdentityServiceImpl::GetEmployee(grpc::ServerContext* ctx,
                                              const v1::GetEmployeeRequest* req,
                                              v1::Employee* resp) {
  // When the token alone authorizes the read (one's own record, a role reading the whole tenant),
  // it is one statement without a transaction: today in the tenant's zone is worked out by that
  // statement too (issue 9, item 11).
  auto read = [&](db::Tx& tx, const Principal& p, const std::string& nip,
                  std::optional<absl::CivilDay> day) -> absl::Status {
    EK_ASSIGN_OR_RETURN(store::EmployeeRow row, store::GetEmployee(tx, p.tenant, nip, day));
    ToProto(row, resp);
    return absl::OkStatus();
  };
  return Serve(ctx, [&](const Principal& p) -> absl::Status {
    auto nip = ParseNip(req->nip(), "nip");
    if (!nip.ok() || !TokenReadsEmployee(p, nip->digits)) {
      return ReadEmployee(p, req->nip(), req->date(), read);
    }
    std::optional<absl::CivilDay> day;
    if (IsSet(req->date())) {
      EK_ASSIGN_OR_RETURN(day, FromProtoDate(req->date(), "date"));
    }
    return pool_.ReadOne([&](db::Tx& tx) { return read(tx, p, nip->digits, day); });
  });
}

grpc::Status IdentityServiceImpl::BatchGetEmployees(grpc::ServerContext* ctx,
                                                    const v1::BatchGetEmployeesRequest* req,
                                                    v1::BatchGetEmployeesResponse* resp) {
  return Serve(ctx, [&](const Principal& p) -> absl::Status {
    Violations v;
    if (req->nips_size() > kMaxBatch) v.Add("nips", absl::StrCat("at most ", kMaxBatch));
    std::vector<std::string> nips;
    for (int i = 0; i < req->nips_size(); ++i) {
      auto nip = ParseNip(req->nips(i), absl::StrCat("nips[", i, "]"));
      v.Merge(nip.status());
      if (nip.ok()) nips.push_back(nip->digits);
    }
    EK_RETURN_IF_ERROR(v.ToStatus());
    return pool_.Read([&](db::Tx& tx) -> absl::Status {
      EK_ASSIGN_OR_RETURN(absl::CivilDay day, DayOrToday(tx, p.tenant, req->date(), "date"));
      EK_ASSIGN_OR_RETURN(Scope scope, ScopeOf(tx, p));
      absl::flat_hash_map<std::string, store::EmployeeRow> found;
      for (auto& row : store::BatchGetEmployees(tx, p.tenant, nips, day)) {
        found.emplace(row.nip, std::move(row));
      }
      // Rights are checked per employee, but the subtree is loaded at most once.
      std::optional<absl::flat_hash_set<std::string>> subordinates;
      for (const auto& nip : nips) {
        auto it = found.find(nip);
        bool allowed = scope.read_all || nip == p.subject ||
                       (it != found.end() && scope.admin_units.contains(it->second.org_unit_code));
        if (!allowed && p.Has(Role::kAtasan)) {
          if (!subordinates) {
            auto all = org_cache_.Get(tx, p.tenant, day)->AllSubordinates(p.subject);
            subordinates.emplace(all.begin(), all.end());
          }
          allowed = subordinates->contains(nip);
        }
        if (!allowed) return absl::PermissionDeniedError("the caller may not read " + nip);
        if (it == found.end()) {
          if (req->allow_missing()) continue;
          return absl::NotFoundError("employee " + nip + " not found");
        }
        ToProto(it->second, resp->add_employees());
      }
      return absl::OkStatus();
    });
  });
}

grpc::Status IdentityServiceImpl::ListEmployees(grpc::ServerContext* ctx,
                                                const v1::ListEmployeesRequest* req,
                                                v1::ListEmployeesResponse* resp) {
  return Serve(ctx, [&](const Principal& p) -> absl::Status {
    EK_ASSIGN_OR_RETURN(int size, PageSize(req->page_size()));
    const std::string fingerprint = absl::StrCat(
        "employees|", req->org_unit_code(), "|", req->include_subtree(), "|", req->date().year(),
        "-", req->date().month(), "-", req->date().day(), "|", req->active_only());
    EK_ASSIGN_OR_RETURN(std::string after, DecodePageToken(req->page_token(), fingerprint));
    return pool_.Read([&](db::Tx& tx) -> absl::Status {
      EK_ASSIGN_OR_RETURN(absl::CivilDay day, DayOrToday(tx, p.tenant, req->date(), "date"));
      EK_ASSIGN_OR_RETURN(Scope scope, ScopeOf(tx, p));
      std::vector<std::string> units;
      if (!req->org_unit_code().empty()) {
        if (!store::GetOrgUnit(tx, p.tenant, req->org_unit_code()).ok()) {
          return InvalidField("org_unit_code", "no such org unit");
        }
        units = req->include_subtree()
                    ? SubtreeOf(store::AllOrgUnits(tx, p.tenant), req->org_unit_code())
                    : std::vector<std::string>{req->org_unit_code()};
      }
      if (!scope.read_all) {
        if (scope.admin_units.empty()) {
          return absl::PermissionDeniedError(
              "listing employees needs an admin, auditor, verifikator or service role; "
              "supervisors use ListSubordinates");
        }
        if (units.empty()) units.assign(scope.admin_units.begin(), scope.admin_units.end());
        for (const auto& u : units) {
          if (!scope.admin_units.contains(u)) {
            return absl::PermissionDeniedError("org unit " + u + " is outside the caller's scope");
          }
        }
      }
      auto rows =
          store::ListEmployees(tx, p.tenant, units, day, req->active_only(), after, size + 1);
      resp->set_next_page_token(WritePage(
          rows, size, fingerprint, [&](const auto& r) { ToProto(r, resp->add_employees()); },
          [](const auto& r) { return r.nip; }));
      return absl::OkStatus();
    });
  });
}

grpc::Status IdentityServiceImpl::StreamEmployeesOfPeriod(
    grpc::ServerContext* ctx, const v1::StreamEmployeesOfPeriodRequest* req,
    grpc::ServerWriter<v1::EmployeeOfPeriod>* writer) {
  return Serve(ctx, [&](const Principal& p) -> absl::Status {
    Violations v;
    CheckText(v, "org_unit_code", req->org_unit_code(), kIdText);
    auto range = FromProtoDateRange(req->start_date(), req->end_date(), "", /*end_required=*/true);
    v.Merge(range.status());
    if (range.ok() && *range->end - range->start >= kMaxPeriodDays) {
      v.Add("end_date", absl::StrCat("at most ", kMaxPeriodDays, " days from start_date"));
    }
    EK_RETURN_IF_ERROR(v.ToStatus());
    std::vector<std::string> units;  // empty: the whole tenant
    EK_RETURN_IF_ERROR(pool_.Read([&](db::Tx& tx) -> absl::Status {
      EK_ASSIGN_OR_RETURN(units,
                          StreamedUnits(tx, p, req->org_unit_code(), req->include_subtree()));
      return absl::OkStatus();
    }));
    // A batch of employees per statement, each in its own short transaction (keyset on NIP), so
    // that a slow reader holds no connection.
    std::string after;
    for (;;) {
      std::vector<store::PeriodTermRow> rows;
      EK_RETURN_IF_ERROR(pool_.Read([&](db::Tx& tx) {
        rows = store::EmployeesOfPeriod(tx, p.tenant, units, range->start, *range->end, after,
                                        kPeriodBatch);
        return absl::OkStatus();
      }));
      int employees = 0;
      for (size_t i = 0; i < rows.size();) {
        v1::EmployeeOfPeriod out;
        const store::PeriodTermRow& e = rows[i];
        out.set_nip(e.nip);
        out.set_name(e.name);
        out.set_golongan(GolonganName(e.golongan));
        out.set_status(static_cast<v1::EmploymentStatus>(e.status));
        for (; i < rows.size() && rows[i].nip == e.nip; ++i) {
          v1::PositionTerm* term = out.add_terms();
          term->set_position_code(rows[i].position_code);
          term->set_kelas_jabatan(rows[i].kelas_jabatan);
          term->set_nilai_jabatan(rows[i].nilai_jabatan);
          term->set_org_unit_code(rows[i].org_unit_code);
          *term->mutable_start_date() = ToProtoDate(rows[i].first);
          *term->mutable_end_date() = ToProtoDate(rows[i].last);
        }
        ++employees;
        after = out.nip();
        if (!writer->Write(out)) return absl::CancelledError("the client went away");
      }
      if (employees < kPeriodBatch) return absl::OkStatus();
    }
  });
}

grpc::Status IdentityServiceImpl::StreamSupervisors(
    grpc::ServerContext* ctx, const v1::StreamSupervisorsRequest* req,
    grpc::ServerWriter<v1::EmployeeSupervisor>* writer) {
  return Serve(ctx, [&](const Principal& p) -> absl::Status {
    Violations v;
    CheckText(v, "org_unit_code", req->org_unit_code(), kIdText);
    absl::StatusOr<absl::CivilDay> parsed = FromProtoDate(req->date(), "date");
    v.Merge(parsed.status());
    EK_RETURN_IF_ERROR(v.ToStatus());
    const absl::CivilDay day = *parsed;
    std::vector<std::string> units;  // empty: the whole tenant
    absl::flat_hash_map<std::string, std::string> parent_of;
    EK_RETURN_IF_ERROR(pool_.Read([&](db::Tx& tx) -> absl::Status {
      EK_ASSIGN_OR_RETURN(units, StreamedUnits(tx, p, req->org_unit_code(), true));
      for (const OrgUnit& u : store::AllOrgUnits(tx, p.tenant)) parent_of[u.code] = u.parent_code;
      return absl::OkStatus();
    }));
    absl::flat_hash_map<std::string, std::string> opd_of;  // unit -> the root of its path
    const auto opd = [&](const std::string& unit) -> const std::string& {
      auto [it, inserted] = opd_of.try_emplace(unit);
      if (inserted) {
        const std::vector<std::string> path = UnitPath(unit, parent_of);
        it->second = path.empty() ? unit : path.front();
      }
      return it->second;
    };
    // A batch of employees per statement, keyset on NIP, each in its own short transaction (a
    // slow reader holds no connection). Their atasan come from the org index of the day (cached
    // per org version: one snapshot for the whole stream, not a query per employee), and the
    // atasan's names from one more statement per batch.
    std::string after;
    for (;;) {
      std::vector<store::EmployeeRow> rows;
      std::vector<std::string> atasan;  // parallel to rows; "" at the top of the tree
      absl::flat_hash_map<std::string, std::string> names;
      EK_RETURN_IF_ERROR(pool_.Read([&](db::Tx& tx) -> absl::Status {
        rows = store::ListEmployees(tx, p.tenant, units, day, /*active_only=*/true, after,
                                    kSupervisorBatch);
        const std::shared_ptr<const OrgIndex> org = org_cache_.Get(tx, p.tenant, day);
        std::vector<std::string> unnamed;
        for (const store::EmployeeRow& e : rows) names.emplace(e.nip, e.name);
        for (const store::EmployeeRow& e : rows) {
          // Not in the index: the org changed between the two reads; the next stream sees it.
          absl::StatusOr<Supervisors> sups = org->SupervisorsOf(e.nip);
          atasan.push_back(sups.ok() && sups->atasan_langsung ? sups->atasan_langsung->nip : "");
          if (!atasan.back().empty() && !names.contains(atasan.back())) {
            unnamed.push_back(atasan.back());
          }
        }
        std::sort(unnamed.begin(), unnamed.end());
        unnamed.erase(std::unique(unnamed.begin(), unnamed.end()), unnamed.end());
        for (const store::EmployeeRow& e : store::BatchGetEmployees(tx, p.tenant, unnamed, day)) {
          names.emplace(e.nip, e.name);
        }
        return absl::OkStatus();
      }));
      v1::EmployeeSupervisor out;
      for (size_t i = 0; i < rows.size(); ++i) {
        const store::EmployeeRow& e = rows[i];
        out.Clear();
        out.set_nip(e.nip);
        out.set_name(e.name);
        out.set_org_unit_code(e.org_unit_code);
        out.set_opd_code(opd(e.org_unit_code));
        out.set_atasan_nip(atasan[i]);
        if (auto it = names.find(atasan[i]); !atasan[i].empty() && it != names.end()) {
          out.set_atasan_name(it->second);
        }
        if (!writer->Write(out)) return absl::CancelledError("the client went away");
      }
      if (rows.size() < static_cast<size_t>(kSupervisorBatch)) return absl::OkStatus();
      after = rows.back().nip;
    }
  });
}

grpc::Status IdentityServiceImpl::UpdateEmployee(grpc::ServerContext* ctx,
                                                 const v1::UpdateEmployeeRequest* req,
                                                 v1::Employee* resp) {
  return Serve(ctx, [&](const Principal& p) -> absl::Status {
    const v1::Employee& e = req->employee();
    EK_ASSIGN_OR_RETURN(Nip nip, ParseNip(e.nip(), "employee.nip"));
    EK_ASSIGN_OR_RETURN(auto paths, MaskPaths(req->update_mask(), {"name", "golongan", "status"}));
    Violations v;
    std::optional<int> golongan;
    if (paths.contains("name")) v.Merge(ValidateName(e.name(), "employee.name"));
    if (paths.contains("golongan")) {
      auto g = ParseGolongan(e.golongan(), "employee.golongan");
      v.Merge(g.status());
      if (g.ok()) golongan = *g;
    }
    if (paths.contains("status")) v.Merge(ValidateStatus(e.status(), "employee.status"));
    EK_RETURN_IF_ERROR(v.ToStatus());
    return pool_.Write([&](db::Tx& tx) -> absl::Status {
      EK_ASSIGN_OR_RETURN(absl::CivilDay today, TodayIn(tx, p.tenant));
      EK_ASSIGN_OR_RETURN(Scope scope, ScopeOf(tx, p));
      EK_RETURN_IF_ERROR(CheckIsAdmin(scope));
      EK_ASSIGN_OR_RETURN(store::EmployeeRow row,
                          store::GetEmployee(tx, p.tenant, nip.digits, today));
      EK_RETURN_IF_ERROR(CheckAdministersEmployee(tx, p.tenant, scope, row.nip, today));
      if (paths.contains("name")) row.name = e.name();
      if (golongan) row.golongan = *golongan;
      if (paths.contains("status")) row.status = e.status();
      store::UpdateEmployee(tx, p.tenant, row);
      store::InsertAudit(tx, p.tenant,
                         {0, absl::Now(), p.subject, "EMPLOYEE_UPDATE", row.nip,
                          absl::StrJoin(paths, ","), SourceOf(ctx)});
      ToProto(row, resp);
      return absl::OkStatus();
    });
  });
}

grpc::Status IdentityServiceImpl::ImportEmployees(grpc::ServerContext* ctx,
                                                  const v1::ImportEmployeesRequest* req,
                                                  v1::ImportEmployeesResponse* resp) {
  return Serve(ctx, [&](const Principal& p) -> absl::Status {
    if (req->csv().empty()) return InvalidField("csv", "required");
    absl::CivilDay today;
    EK_RETURN_IF_ERROR(pool_.Read([&](db::Tx& tx) -> absl::Status {
      EK_ASSIGN_OR_RETURN(today, TodayIn(tx, p.tenant));
      return absl::OkStatus();
    }));
    // Every problem of the file is reported, by line: bad values (those the parser finds, then
    // those the store finds) and rows outside the caller's rights.
    Violations bad_rows, refused;
    const std::vector<ImportRow> rows = ParseEmployeeCsv(req->csv(), today, bad_rows);
    // Logins are created without a password (issue 9: hashing one per row made a large import
    // take twenty minutes); their owners set one with an activation code (IssuePasswordCodes).
    const bool manages_users = CheckManagesUsers(p).ok();
    for (const auto& r : rows) {
      if (!r.username.empty() && !manages_users) {
        refused.Add(
            absl::StrCat("rows[", r.line, "].username"),
            absl::StrCat("line ", r.line, ": only the tenant's ADMIN_INSTANSI creates logins"));
      }
    }
    return pool_.Write([&](db::Tx& tx) -> absl::Status {
      EK_ASSIGN_OR_RETURN(Scope scope, ScopeOf(tx, p));
      EK_RETURN_IF_ERROR(CheckIsAdmin(scope));
      EK_ASSIGN_OR_RETURN(bool replay, ClaimRequestId(tx, p.tenant, req->request_id(),
                                                      "ImportEmployees", "employees"));
      if (replay) {
        return absl::AlreadyExistsError("this import (request_id) was already applied");
      }
      // Every row's position must exist in its unit, the unit be the caller's to administer, and
      // so must the employee, when they exist.
      absl::flat_hash_map<std::string, std::string> unit_of_position;
      {
        OrgSnapshot org = store::LoadOrgSnapshot(tx, p.tenant, today);
        for (const auto& pos : org.positions) unit_of_position[pos.code] = pos.org_unit_code;
      }
      bad_rows.Merge(CheckImportReferences(rows, [&](std::string_view pos, std::string_view unit) {
        auto it = unit_of_position.find(std::string(pos));
        return it != unit_of_position.end() && it->second == unit;
      }));
      // What each row does: the employee exists or not; the definitive assignments to end.
      struct Plan {
        bool exists = false;
        bool same_position = false;
        bool new_login = false;
        std::vector<int64_t> to_end;
      };
      std::vector<Plan> plans(rows.size());
      // Who exists, their assignments and the logins named, for every row at once: a few queries
      // rather than three per row (issue 9: a 20,000-row file made 60,000 round trips here).
      std::vector<std::string> nips, usernames;
      for (const auto& r : rows) {
        nips.push_back(r.nip.digits);
        if (!r.username.empty()) usernames.push_back(r.username);
      }
      absl::flat_hash_set<std::string> existing;
      for (const auto& e : store::BatchGetEmployees(tx, p.tenant, nips, today)) {
        existing.insert(e.nip);
      }
      absl::flat_hash_map<std::string, std::vector<store::AssignmentRow>> assignments_of;
      for (auto& a : store::ListAssignmentsOf(tx, p.tenant, nips)) {
        assignments_of[a.a.nip].push_back(std::move(a));
      }
      absl::flat_hash_map<std::string, std::string> nip_of_login;
      for (const auto& u : store::GetUsers(tx, p.tenant, usernames))
        nip_of_login[u.username] = u.nip;
      for (size_t i = 0; i < rows.size(); ++i) {
        const ImportRow& r = rows[i];
        const std::string line = absl::StrCat("rows[", r.line, "].");
        Plan& plan = plans[i];
        if (!scope.tenant_admin && !scope.admin_units.contains(r.org_unit_code)) {
          refused.Add(line + "org_unit_code",
                      absl::StrCat("line ", r.line, ": org unit ", r.org_unit_code,
                                   " is outside the caller's scope"));
        }
        plan.exists = existing.contains(r.nip.digits);
        const std::vector<store::AssignmentRow>& assignments = assignments_of[r.nip.digits];
        if (plan.exists &&
            !CheckAdministersEmployee(tx, p.tenant, scope, r.nip.digits, assignments, today).ok()) {
          refused.Add(line + "nip", absl::StrCat("line ", r.line, ": employee ", r.nip.Display(),
                                                 " is outside the caller's scope"));
        }
        // The definitive position from start_date: unchanged, or the previous one ends the day
        // before.
        std::vector<Assignment> held;
        for (const auto& a : assignments) held.push_back(a.a);
        const DefinitiveSuccession next = SucceedDefinitive(held, r.position_code, r.start_date);
        plan.same_position = next.unchanged;
        for (size_t k : next.to_end) plan.to_end.push_back(assignments[k].id);
        for (absl::CivilDay from : next.conflicts) {
          bad_rows.Add(line + "start_date",
                       absl::StrCat("line ", r.line, ": a definitive assignment from ",
                                    FormatDate(from), " already exists"));
        }
        if (!r.username.empty()) {
          auto user = nip_of_login.find(r.username);
          if (user != nip_of_login.end() && user->second != r.nip.digits) {
            bad_rows.Add(line + "username", absl::StrCat("line ", r.line, ": username ", r.username,
                                                         " belongs to another login"));
          }
          plan.new_login = user == nip_of_login.end();
          // One login per employee (users_one_per_nip): said here, not as the insert's error.
          if (plan.new_login && plan.exists) {
            for (const auto& other : store::GetUsersByNip(tx, p.tenant, {r.nip.digits})) {
              bad_rows.Add(line + "username",
                           absl::StrCat("line ", r.line, ": employee ", r.nip.Display(),
                                        " already has the login ", other.username));
            }
          }
        }
      }
      resp->set_rows(static_cast<int32_t>(rows.size()));
      if (!bad_rows.empty() || !refused.empty()) {
        AddImportProblems(bad_rows.list(), google::rpc::INVALID_ARGUMENT, resp->mutable_problems());
        AddImportProblems(refused.list(), google::rpc::PERMISSION_DENIED, resp->mutable_problems());
        return absl::OkStatus();  // nothing was written
      }
      int created = 0, updated = 0, logins = 0;
      for (const auto& plan : plans) {
        plan.exists ? ++updated : ++created;
        if (plan.new_login) ++logins;
      }
      resp->set_created(created);
      resp->set_updated(updated);
      resp->set_logins_created(logins);
      resp->set_applied(!req->dry_run());
      if (req->dry_run()) return absl::OkStatus();
      // Each kind of row in one statement for the whole file (issue 9: four per row made a
      // 20,000-row import 80,000 round trips): employees, the positions they leave and take,
      // their logins (no password until activated with a code), an audit event each.
      std::vector<store::EmployeeRow> employees;
      std::vector<Assignment> assignments;
      std::vector<std::pair<std::string, std::string>> new_logins;
      std::vector<store::AuditRow> events;
      const std::string source = SourceOf(ctx);
      for (size_t i = 0; i < rows.size(); ++i) {
        const ImportRow& r = rows[i];
        const Plan& plan = plans[i];
        employees.push_back({r.nip.digits, r.name, r.golongan, StatusNumber(r.status), "", ""});
        for (int64_t id : plan.to_end) store::SetAssignmentEnd(tx, p.tenant, id, r.start_date - 1);
        if (!plan.same_position) {
          assignments.push_back(
              {r.nip.digits, r.position_code, AssignmentKind::kDefinitif, r.start_date, {}});
        }
        if (plan.new_login) new_logins.emplace_back(r.username, r.nip.digits);
        events.push_back({0, absl::Time(), p.subject,
                          plan.exists ? "EMPLOYEE_UPDATE" : "EMPLOYEE_CREATE", r.nip.digits,
                          absl::StrCat("import line ", r.line, "; ", r.position_code, " from ",
                                       FormatDate(r.start_date),
                                       plan.new_login ? "; login without password" : ""),
                          source});
      }
      events.push_back({0, absl::Time(), p.subject, "EMPLOYEE_IMPORT", "",
                        absl::StrCat(rows.size(), " rows; ", created, " created; ", updated,
                                     " updated; ", logins, " logins without password"),
                        source});
      store::UpsertEmployees(tx, p.tenant, employees);
      store::InsertAssignments(tx, p.tenant, assignments);
      store::InsertLoginsWithoutPassword(tx, p.tenant, new_logins);
      store::InsertAudits(tx, p.tenant, events);
      return absl::OkStatus();
    });
  });
}

grpc::Status IdentityServiceImpl::CreateAssignment(grpc::ServerContext* ctx,
                                                   const v1::CreateAssignmentRequest* req,
                                                   v1::Assignment* resp) {
  return Serve(ctx, [&](const Principal& p) -> absl::Status {
    const v1::Assignment& a = req->assignment();
    Violations v;
    auto nip = ParseNip(a.nip(), "assignment.nip");
    v.Merge(nip.status());
    v.Merge(ValidatePositionCode(a.position_code(), "assignment.position_code"));
    const auto kind = FromProto(a.kind());
    if (!kind) v.Add("assignment.kind", "required: DEFINITIF, PLT or PLH");
    auto range = FromProtoDateRange(a.start_date(), a.end_date(), "assignment.",
                                    /*end_required=*/false);
    v.Merge(range.status());
    EK_RETURN_IF_ERROR(v.ToStatus());
    return pool_.Write([&](db::Tx& tx) -> absl::Status {
      EK_ASSIGN_OR_RETURN(Scope scope, ScopeOf(tx, p));
      EK_RETURN_IF_ERROR(CheckIsAdmin(scope));
      auto pos = store::GetPosition(tx, p.tenant, a.position_code());
      if (!pos.ok()) return InvalidField("assignment.position_code", "no such position");
      EK_RETURN_IF_ERROR(CheckAdministers(scope, pos->org_unit_code));
      if (!store::GetEmployee(tx, p.tenant, nip->digits, range->start).ok()) {
        return InvalidField("assignment.nip", "no such employee");
      }
      // Both ends must be the caller's: the position and the employee moved into it.
      EK_RETURN_IF_ERROR(CheckAdministersEmployee(tx, p.tenant, scope, nip->digits, range->start));
      const Assignment row{nip->digits, a.position_code(), *kind, range->start, range->end};
      const std::string resource =
          absl::StrCat(row.nip, "/", row.position_code, "/", FormatDate(row.start));
      EK_ASSIGN_OR_RETURN(bool replay, ClaimRequestId(tx, p.tenant, req->request_id(),
                                                      "CreateAssignment", resource));
      int64_t id = 0;
      if (replay) {
        for (const auto& existing : store::ListAssignments(tx, p.tenant, row.nip)) {
          if (existing.a.position_code == row.position_code && existing.a.start == row.start) {
            id = existing.id;
          }
        }
      } else {
        if (*kind == AssignmentKind::kDefinitif &&
            !store::DefinitiveOverlaps(tx, p.tenant, row.nip, row.start, row.end, 0).empty()) {
          return absl::FailedPreconditionError(
              "the employee already holds a definitive position in that period; end it first");
        }
        id = store::InsertAssignment(tx, p.tenant, row);
        store::InsertAudit(
            tx, p.tenant,
            {0, absl::Now(), p.subject, "ASSIGNMENT_CREATE", row.nip,
             absl::StrCat(v1::AssignmentKind_Name(a.kind()), " ", row.position_code, " from ",
                          FormatDate(row.start), row.end ? " to " + FormatDate(*row.end) : ""),
             SourceOf(ctx)});
      }
      EK_ASSIGN_OR_RETURN(store::AssignmentRow saved, store::GetAssignment(tx, p.tenant, id));
      ToProto(saved, resp);
      return absl::OkStatus();
    });
  });
}

grpc::Status IdentityServiceImpl::ListAssignments(grpc::ServerContext* ctx,
                                                  const v1::ListAssignmentsRequest* req,
                                                  v1::ListAssignmentsResponse* resp) {
  return ServeEmployeeRead(
      ctx, req->nip(), google::type::Date(),
      [&](db::Tx& tx, const Principal& p, const std::string& nip, absl::CivilDay) -> absl::Status {
        for (const auto& a : store::ListAssignments(tx, p.tenant, nip)) {
          ToProto(a, resp->add_assignments());
        }
        return absl::OkStatus();
      });
}

grpc::Status IdentityServiceImpl::UpdateAssignment(grpc::ServerContext* ctx,
                                                   const v1::UpdateAssignmentRequest* req,
                                                   v1::Assignment* resp) {
  return Serve(ctx, [&](const Principal& p) -> absl::Status {
    const v1::Assignment& a = req->assignment();
    EK_ASSIGN_OR_RETURN(auto paths, MaskPaths(req->update_mask(), {"end_date"}));
    std::optional<absl::CivilDay> end;
    if (IsSet(a.end_date())) {
      EK_ASSIGN_OR_RETURN(end, FromProtoDate(a.end_date(), "assignment.end_date"));
    }
    return pool_.Write([&](db::Tx& tx) -> absl::Status {
      EK_ASSIGN_OR_RETURN(Scope scope, ScopeOf(tx, p));
      EK_RETURN_IF_ERROR(CheckIsAdmin(scope));
      EK_ASSIGN_OR_RETURN(store::AssignmentRow row, store::GetAssignment(tx, p.tenant, a.id()));
      if (!a.nip().empty() && a.nip() != row.a.nip) {
        return absl::NotFoundError("assignment not found for this employee");
      }
      EK_ASSIGN_OR_RETURN(store::PositionRow pos,
                          store::GetPosition(tx, p.tenant, row.a.position_code));
      EK_RETURN_IF_ERROR(CheckAdministers(scope, pos.org_unit_code));
      EK_RETURN_IF_ERROR(CheckAdministersEmployee(tx, p.tenant, scope, row.a.nip, row.a.start));
      if (end && *end < row.a.start)
        return InvalidField("assignment.end_date", "before start_date");
      if (row.a.kind == AssignmentKind::kDefinitif &&
          !store::DefinitiveOverlaps(tx, p.tenant, row.a.nip, row.a.start, end, row.id).empty()) {
        return absl::FailedPreconditionError("the new end overlaps another definitive assignment");
      }
      store::SetAssignmentEnd(tx, p.tenant, row.id, end);
      store::InsertAudit(
          tx, p.tenant,
          {0, absl::Now(), p.subject, "ASSIGNMENT_UPDATE", row.a.nip,
           absl::StrCat("assignment ", row.id, " end ", end ? FormatDate(*end) : "open"),
           SourceOf(ctx)});
      EK_ASSIGN_OR_RETURN(row, store::GetAssignment(tx, p.tenant, row.id));
      ToProto(row, resp);
      return absl::OkStatus();
    });
  });
}

grpc::Status IdentityServiceImpl::CreateSupervisorOverride(
    grpc::ServerContext* ctx, const v1::CreateSupervisorOverrideRequest* req,
    v1::SupervisorOverride* resp) {
  return Serve(ctx, [&](const Principal& p) -> absl::Status {
    const v1::SupervisorOverride& o = req->supervisor_override();
    Violations v;
    auto nip = ParseNip(o.nip(), "supervisor_override.nip");
    v.Merge(nip.status());
    auto sup = ParseNip(o.supervisor_nip(), "supervisor_override.supervisor_nip");
    v.Merge(sup.status());
    if (nip.ok() && sup.ok() && nip->digits == sup->digits) {
      v.Add("supervisor_override.supervisor_nip", "an employee cannot supervise themselves");
    }
    if (o.role() != v1::SUPERVISOR_ROLE_ATASAN_LANGSUNG &&
        o.role() != v1::SUPERVISOR_ROLE_PEJABAT_PENILAI) {
      v.Add("supervisor_override.role", "required: ATASAN_LANGSUNG or PEJABAT_PENILAI");
    }
    auto range = FromProtoDateRange(o.start_date(), o.end_date(), "supervisor_override.",
                                    /*end_required=*/false);
    v.Merge(range.status());
    EK_RETURN_IF_ERROR(v.ToStatus());
    return pool_.Write([&](db::Tx& tx) -> absl::Status {
      EK_ASSIGN_OR_RETURN(Scope scope, ScopeOf(tx, p));
      EK_RETURN_IF_ERROR(CheckIsAdmin(scope));
      auto employee = store::GetEmployee(tx, p.tenant, nip->digits, range->start);
      if (!employee.ok()) return InvalidField("supervisor_override.nip", "no such employee");
      if (!store::GetEmployee(tx, p.tenant, sup->digits, range->start).ok()) {
        return InvalidField("supervisor_override.supervisor_nip", "no such employee");
      }
      EK_RETURN_IF_ERROR(CheckAdministersEmployee(tx, p.tenant, scope, nip->digits, range->start));
      const Override row{nip->digits, sup->digits,
                         o.role() == v1::SUPERVISOR_ROLE_PEJABAT_PENILAI
                             ? SupervisorRole::kPejabatPenilai
                             : SupervisorRole::kAtasanLangsung,
                         range->start, range->end};
      const std::string resource =
          absl::StrCat(row.nip, "/", row.supervisor_nip, "/", FormatDate(row.start));
      EK_ASSIGN_OR_RETURN(bool replay, ClaimRequestId(tx, p.tenant, req->request_id(),
                                                      "CreateSupervisorOverride", resource));
      if (replay) return absl::AlreadyExistsError("this override (request_id) was already created");
      const int64_t id = store::InsertOverride(tx, p.tenant, row);
      store::InsertAudit(tx, p.tenant,
                         {0, absl::Now(), p.subject, "SUPERVISOR_OVERRIDE", row.nip,
                          absl::StrCat(v1::SupervisorRole_Name(o.role()), "=", row.supervisor_nip,
                                       " from ", FormatDate(row.start)),
                          SourceOf(ctx)});
      *resp = o;
      resp->set_id(id);
      resp->set_nip(row.nip);
      resp->set_supervisor_nip(row.supervisor_nip);
      return absl::OkStatus();
    });
  });
}

grpc::Status IdentityServiceImpl::GetSupervisor(grpc::ServerContext* ctx,
                                                const v1::GetSupervisorRequest* req,
                                                v1::GetSupervisorResponse* resp) {
  return ServeEmployeeRead(
      ctx, req->nip(), req->date(),
      [&](db::Tx& tx, const Principal& p, const std::string& nip,
          absl::CivilDay day) -> absl::Status {
        EK_ASSIGN_OR_RETURN(Supervisors sups,
                            org_cache_.Get(tx, p.tenant, day)->SupervisorsOf(nip));
        std::vector<std::string> nips;
        for (const auto* s : {&sups.atasan_langsung, &sups.pejabat_penilai}) {
          if (*s) nips.push_back((*s)->nip);
        }
        absl::flat_hash_map<std::string, store::EmployeeRow> rows;
        for (auto& r : store::BatchGetEmployees(tx, p.tenant, nips, day)) rows.emplace(r.nip, r);
        auto fill = [&](const std::optional<SupervisorRef>& s, v1::Supervisor* out) {
          if (auto it = rows.find(s->nip); it != rows.end())
            ToProto(it->second, out->mutable_employee());
          out->set_source(ToProto(s->source));
          out->set_position_code(s->position_code);
          out->set_assignment_kind(ToProto(s->kind));
        };
        if (sups.atasan_langsung) fill(sups.atasan_langsung, resp->mutable_atasan_langsung());
        if (sups.pejabat_penilai) fill(sups.pejabat_penilai, resp->mutable_pejabat_penilai());
        return absl::OkStatus();
      });
}

grpc::Status IdentityServiceImpl::ListSubordinates(grpc::ServerContext* ctx,
                                                   const v1::ListSubordinatesRequest* req,
                                                   v1::ListSubordinatesResponse* resp) {
  return ServeEmployeeRead(
      ctx, req->nip(), req->date(),
      [&](db::Tx& tx, const Principal& p, const std::string& nip,
          absl::CivilDay day) -> absl::Status {
        EK_ASSIGN_OR_RETURN(int size, PageSize(req->page_size()));
        const std::string fingerprint =
            absl::StrCat("subordinates|", nip, "|", req->include_subtree(), "|", req->date().year(),
                         "-", req->date().month(), "-", req->date().day());
        EK_ASSIGN_OR_RETURN(std::string after, DecodePageToken(req->page_token(), fingerprint));
        const auto org = org_cache_.Get(tx, p.tenant, day);
        const std::vector<std::string> all =
            req->include_subtree() ? org->AllSubordinates(nip) : org->DirectSubordinates(nip);
        // The list is sorted by NIP: the page starts after the token's NIP (one extra tells more).
        const auto from = std::upper_bound(all.begin(), all.end(), after);
        const std::vector<std::string> window(
            from, from + std::min<ptrdiff_t>(all.end() - from, size + 1));
        std::vector<std::string> nips;
        resp->set_next_page_token(WritePage(
            window, size, fingerprint, [&](const std::string& n) { nips.push_back(n); },
            [](const std::string& n) { return n; }));
        absl::flat_hash_map<std::string, store::EmployeeRow> rows;
        for (auto& r : store::BatchGetEmployees(tx, p.tenant, nips, day)) rows.emplace(r.nip, r);
        for (const auto& n : nips) {
          if (auto it = rows.find(n); it != rows.end()) ToProto(it->second, resp->add_employees());
        }
        return absl::OkStatus();
      });
}

}  // namespace ekinerja::identity
