// The Directory over identity's gRPC API (directory.h): read checks, supervisor lookups and
// snapshots with the caller's own token, org-unit listings cached briefly, and tenant tokens of the
// service's one deployment-wide account (a client-credentials login, exchanged per tenant: RFC
// 8693).

#include <algorithm>
#include <chrono>
#include <utility>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"
#include "absl/synchronization/mutex.h"
#include "clients/call.h"
#include "clients/directory.h"
#include "date_proto.h"
#include "ekinerja/identity/v1/identity.grpc.pb.h"
#include "file.h"
#include "grpc_status.h"
#include "grpcpp/grpcpp.h"
#include "lru_cache.h"
#include "status.h"
#include "unit_path.h"

namespace ekinerja::clients {

namespace idv1 = ::ekinerja::identity::v1;

namespace {

// A token is renewed this long before identity says it expires, so that it never reaches another
// service already expired.
constexpr absl::Duration kTokenMargin = absl::Seconds(60);
// A service-account login (or exchange) that identity refused is not retried for this long: every
// ADMS push would otherwise try again, and failed logins lock the account and throttle our
// address.
constexpr absl::Duration kRefusedLoginBackoff = absl::Seconds(30);
// Bounds of the EmployeesOf cache: entries, and employees over all entries (a whole tenant is tens
// of thousands).
constexpr size_t kMaxCacheEntries = 256;
constexpr size_t kMaxCachedEmployees = 200000;
constexpr int kPageSize = 1000;
// identity's BatchGetEmployees takes at most this many NIPs.
constexpr size_t kMaxBatch = 1000;

// What identity said, as a Directory answers it (call.h).
absl::Status FromIdentity(const grpc::Status& st, absl::string_view rpc) {
  return FromPeer(st, "identity", rpc);
}

// Until when a token that identity says lives `expires_in` seconds from `now` (asked after it, so
// this never outlives the token) is used: renewed kTokenMargin before, or, for a lifetime too
// short for the margin (a test setup), after half of it rather than on every call.
absl::Time UseUntil(absl::Time now, int32_t expires_in) {
  const absl::Duration lifetime = absl::Seconds(expires_in);
  return now + lifetime - std::min(kTokenMargin, lifetime / 2);
}

ActingKind ActingKindOf(idv1::AssignmentKind kind) {
  switch (kind) {
    case idv1::ASSIGNMENT_KIND_PLT:
      return ActingKind::kPlt;
    case idv1::ASSIGNMENT_KIND_PLH:
      return ActingKind::kPlh;
    default:
      return ActingKind::kDefinitif;
  }
}

// A supervisor as GetSupervisor names them. Never one without a NIP: an atasan langsung "" would
// read as the top of the tree, where only admins decide.
absl::StatusOr<Person> PersonOf(const idv1::Supervisor& s) {
  if (s.employee().nip().empty()) {
    return absl::UnavailableError("identity: GetSupervisor named a supervisor without a NIP");
  }
  return Person{s.employee().nip(), s.employee().name(), s.employee().golongan(), s.position_code(),
                ActingKindOf(s.assignment_kind())};
}

// A token and until when it is used, or the refusal remembered instead.
struct CachedToken {
  absl::Mutex mu;
  std::string token ABSL_GUARDED_BY(mu);
  absl::Time valid_until ABSL_GUARDED_BY(mu) = absl::InfinitePast();
  absl::Status refused ABSL_GUARDED_BY(mu);
  absl::Time refused_until ABSL_GUARDED_BY(mu) = absl::InfinitePast();

  // Remembers identity's refusal `out` (asked at `now`) for kRefusedLoginBackoff; returns it.
  absl::Status Refuse(absl::Status out, absl::Time now) ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu) {
    refused = out;
    refused_until = now + kRefusedLoginBackoff;
    return out;
  }
  // Keeps the token of `rpc`'s answer `resp` (a Login or an ExchangeToken asked at `now`).
  template <typename Response>
  absl::StatusOr<std::string> Keep(const Response& resp, absl::Time now, absl::string_view rpc)
      ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu) {
    if (resp.access_token().empty()) {
      return absl::UnavailableError(
          absl::StrCat("identity: ", rpc, " answered without an access token"));
    }
    refused = absl::OkStatus();
    token = resp.access_token();
    valid_until = UseUntil(now, resp.expires_in());
    return token;
  }
};

class IdentityDirectory final : public Directory {
 public:
  IdentityDirectory(std::shared_ptr<grpc::Channel> channel, ServiceCredential credential,
                    absl::Duration timeout, absl::Duration cache_for)
      : stub_(idv1::IdentityService::NewStub(channel)),
        credential_(std::move(credential)),
        timeout_(timeout),
        cache_for_(cache_for) {}

  absl::Status CheckReadsEmployee(const std::string& bearer, const std::string& nip,
                                  absl::CivilDay day) override {
    idv1::GetEmployeeRequest req;
    req.set_nip(nip);
    *req.mutable_date() = ToProtoDate(day);
    idv1::Employee resp;
    auto ctx = Context(bearer);
    return FromIdentity(stub_->GetEmployee(ctx.get(), req, &resp), "GetEmployee");
  }

  absl::Status CheckReadsEmployeeDuring(const std::string& bearer, const std::string& nip,
                                        absl::CivilDay first, absl::CivilDay last) override {
    if (last < first || last - first >= kMaxCheckedDays) {
      return absl::InvalidArgumentError(
          absl::StrCat("a range of 1 to ", kMaxCheckedDays, " days is checked"));
    }
    std::vector<std::pair<std::string, absl::CivilDay>> asks;
    for (absl::CivilDay d = first; d <= last; ++d) asks.emplace_back(nip, d);
    absl::Status out;
    for (absl::Status& st : GetEmployees(bearer, asks)) {
      if (st.ok()) continue;
      if (!absl::IsUnavailable(st)) return st;  // a refusal wins over a failure
      out = std::move(st);
    }
    return out;
  }

  absl::Status CheckOrgUnit(const std::string& bearer, const std::string& code) override {
    idv1::GetOrgUnitRequest req;
    req.set_code(code);
    idv1::OrgUnit resp;
    auto ctx = Context(bearer);
    return FromIdentity(stub_->GetOrgUnit(ctx.get(), req, &resp), "GetOrgUnit");
  }

  absl::StatusOr<std::vector<std::string>> MissingEmployees(
      const std::string& bearer, const std::vector<std::string>& nips) override {
    std::vector<std::string> missing;
    for (size_t begin = 0; begin < nips.size(); begin += kMaxBatch) {
      const std::vector<std::string> batch(nips.begin() + begin,
                                           nips.begin() + std::min(nips.size(), begin + kMaxBatch));
      idv1::BatchGetEmployeesRequest req;
      for (const std::string& nip : batch) req.add_nips(nip);
      req.set_allow_missing(true);
      idv1::BatchGetEmployeesResponse resp;
      auto ctx = Context(bearer);
      EK_RETURN_IF_ERROR(
          FromIdentity(stub_->BatchGetEmployees(ctx.get(), req, &resp), "BatchGetEmployees"));
      absl::flat_hash_set<std::string> found;
      for (const auto& e : resp.employees()) found.insert(e.nip());
      for (const std::string& nip : batch) {
        if (!found.contains(nip)) missing.push_back(nip);
      }
    }
    return missing;
  }

  absl::StatusOr<Supervisors> SupervisorsOf(const std::string& bearer, const std::string& nip,
                                            absl::CivilDay day) override {
    idv1::GetSupervisorRequest req;
    req.set_nip(nip);
    *req.mutable_date() = ToProtoDate(day);
    idv1::GetSupervisorResponse resp;
    auto ctx = Context(bearer);
    EK_RETURN_IF_ERROR(FromIdentity(stub_->GetSupervisor(ctx.get(), req, &resp), "GetSupervisor"));
    Supervisors out;
    if (resp.has_atasan_langsung()) {
      EK_ASSIGN_OR_RETURN(out.atasan_langsung, PersonOf(resp.atasan_langsung()));
    }
    if (resp.has_pejabat_penilai()) {
      EK_ASSIGN_OR_RETURN(out.pejabat_penilai, PersonOf(resp.pejabat_penilai()));
    }
    return out;
  }

  absl::StatusOr<EmployeeSnapshot> SnapshotOf(const std::string& bearer, const std::string& nip,
                                              absl::CivilDay day,
                                              const std::string& position_code) override {
    idv1::GetEmployeeRequest req;
    req.set_nip(nip);
    *req.mutable_date() = ToProtoDate(day);
    idv1::Employee employee;
    {
      auto ctx = Context(bearer);
      EK_RETURN_IF_ERROR(
          FromIdentity(stub_->GetEmployee(ctx.get(), req, &employee), "GetEmployee"));
    }
    if (employee.position_code().empty()) {
      return absl::NotFoundError(absl::StrCat("employee ", nip, " holds no definitive position on ",
                                              absl::FormatCivilTime(day)));
    }
    EmployeeSnapshot out;
    out.nip = employee.nip();
    out.name = employee.name();
    out.golongan = employee.golongan();
    // Their own position is listed with its unit; another one is looked for in the whole tenant.
    const bool own = position_code.empty() || position_code == employee.position_code();
    const std::string wanted = own ? employee.position_code() : position_code;
    idv1::ListPositionsRequest list;
    if (own) list.set_org_unit_code(employee.org_unit_code());
    list.set_page_size(kPageSize);
    std::optional<idv1::Position> position;
    do {
      idv1::ListPositionsResponse resp;
      auto ctx = Context(bearer);
      EK_RETURN_IF_ERROR(
          FromIdentity(stub_->ListPositions(ctx.get(), list, &resp), "ListPositions"));
      for (const idv1::Position& p : resp.positions()) {
        if (p.code() == wanted) position = p;
      }
      list.set_page_token(resp.next_page_token());
    } while (!position && !list.page_token().empty());
    if (!position) return absl::NotFoundError(absl::StrCat("position ", wanted, " not found"));
    out.position_code = position->code();
    out.position_name = position->name();
    out.position_kind =
        std::string(absl::StripPrefix(idv1::PositionKind_Name(position->kind()), "POSITION_KIND_"));
    out.kelas_jabatan = position->kelas_jabatan();
    out.head_of_unit = position->head_of_unit();
    out.org_unit_code = position->org_unit_code();
    idv1::GetOrgUnitRequest unit_req;
    unit_req.set_code(out.org_unit_code);
    idv1::OrgUnit unit;
    auto ctx = Context(bearer);
    EK_RETURN_IF_ERROR(FromIdentity(stub_->GetOrgUnit(ctx.get(), unit_req, &unit), "GetOrgUnit"));
    out.org_unit_name = unit.name();
    return out;
  }

  absl::StatusOr<std::vector<EmployeeUnit>> EmployeesOf(const std::string& bearer,
                                                        const std::string& org_unit,
                                                        absl::CivilDay day) override {
    const std::string key = absl::StrCat(bearer, "|", org_unit, "|", absl::FormatCivilTime(day));
    std::shared_ptr<const std::vector<EmployeeUnit>> cached;
    {
      absl::MutexLock lock(&cache_mu_);
      if (auto it = cache_.find(key); it != cache_.end() && absl::Now() < it->second.expires) {
        cached = it->second.employees;
      }
    }
    if (cached) return *cached;  // copied outside the lock
    EK_ASSIGN_OR_RETURN(std::vector<EmployeeUnit> employees, FetchEmployees(bearer, org_unit, day));
    auto shared = std::make_shared<const std::vector<EmployeeUnit>>(employees);
    Remember(key, std::move(shared));
    return employees;
  }

  absl::Status EmployeesOfPeriod(const std::string& bearer, const std::string& org_unit,
                                 absl::CivilDay first, absl::CivilDay last,
                                 const std::function<void(const EmployeePeriod&)>& each) override {
    idv1::StreamEmployeesOfPeriodRequest req;
    req.set_org_unit_code(org_unit);
    req.set_include_subtree(true);
    *req.mutable_start_date() = ToProtoDate(first);
    *req.mutable_end_date() = ToProtoDate(last);
    // A whole tenant streams for longer than one call.
    auto ctx = BearerContext(bearer, timeout_ * 10);
    auto reader = stub_->StreamEmployeesOfPeriod(ctx.get(), req);
    idv1::EmployeeOfPeriod e;
    while (reader->Read(&e)) {
      EmployeePeriod out{e.nip(),
                         e.name(),
                         e.golongan(),
                         std::string(absl::StripPrefix(idv1::EmploymentStatus_Name(e.status()),
                                                       "EMPLOYMENT_STATUS_")),
                         {}};
      for (const idv1::PositionTerm& t : e.terms()) {
        const google::type::Date &from = t.start_date(), &to = t.end_date();
        out.positions.push_back({t.position_code(), t.kelas_jabatan(), t.org_unit_code(),
                                 absl::CivilDay(from.year(), from.month(), from.day()),
                                 absl::CivilDay(to.year(), to.month(), to.day())});
      }
      each(out);
    }
    return FromIdentity(reader->Finish(), "StreamEmployeesOfPeriod");
  }

  absl::Status SupervisorsOn(const std::string& bearer, absl::CivilDay day,
                             const std::function<void(const EmployeeSupervisor&)>& each) override {
    idv1::StreamSupervisorsRequest req;
    *req.mutable_date() = ToProtoDate(day);
    // A whole tenant streams for longer than one call.
    auto ctx = BearerContext(bearer, timeout_ * 10);
    auto reader = stub_->StreamSupervisors(ctx.get(), req);
    idv1::EmployeeSupervisor e;
    while (reader->Read(&e)) {
      each({e.nip(), e.name(), e.org_unit_code(), e.opd_code(), e.atasan_nip(), e.atasan_name()});
    }
    return FromIdentity(reader->Finish(), "StreamSupervisors");
  }

  absl::StatusOr<std::string> TenantZone(const std::string& bearer,
                                         const std::string& tenant) override {
    if (std::optional<std::string> zone = zones_.Find(tenant)) return *zone;
    idv1::GetTenantRequest req;
    req.set_code(tenant);
    idv1::Tenant resp;
    auto ctx = Context(bearer);
    EK_RETURN_IF_ERROR(FromIdentity(stub_->GetTenant(ctx.get(), req, &resp), "GetTenant"));
    zones_.Insert(tenant, resp.time_zone());
    return resp.time_zone();
  }

  absl::StatusOr<std::string> ServiceToken(const std::string& tenant) override {
    if (credential_.client_id.empty()) {
      return absl::FailedPreconditionError(
          "no identity service account configured (--identity_client_id, "
          "--identity_client_secret_file)");
    }
    CachedToken& scoped = TenantEntry(tenant);
    // One exchange at a time per tenant: a burst of pushes waits for the first one's token.
    absl::MutexLock lock(&scoped.mu);
    const absl::Time now = absl::Now();
    if (!scoped.token.empty() && now < scoped.valid_until) return scoped.token;
    if (!scoped.refused.ok() && now < scoped.refused_until) return scoped.refused;
    EK_ASSIGN_OR_RETURN(std::string base, BaseToken());
    idv1::ExchangeTokenResponse resp;
    grpc::Status st = Exchange(base, tenant, &resp);
    if (st.error_code() == grpc::StatusCode::UNAUTHENTICATED) {
      // Our own token was refused (the account disabled, its key long retired): log in again once.
      ForgetBaseToken(base);
      EK_ASSIGN_OR_RETURN(base, BaseToken());
      st = Exchange(base, tenant, &resp);
    }
    if (!st.ok()) {
      absl::Status out;
      switch (st.error_code()) {
        case grpc::StatusCode::NOT_FOUND:
          out = absl::NotFoundError(absl::StrCat("identity: ", st.error_message()));
          break;
        case grpc::StatusCode::PERMISSION_DENIED:
        case grpc::StatusCode::INVALID_ARGUMENT:
        case grpc::StatusCode::UNAUTHENTICATED:
          // Our configuration is wrong (not a deployment-wide SERVICE account): say which.
          out = absl::UnauthenticatedError(absl::StrCat(
              "identity refused to exchange the token of service account ", credential_.client_id,
              " for tenant ", tenant, ": ", st.error_message()));
          break;
        default:
          return absl::UnavailableError(absl::StrCat("identity: ExchangeToken for tenant ", tenant,
                                                     ": ", st.error_message()));
      }
      return scoped.Refuse(std::move(out), now);
    }
    return scoped.Keep(resp, now, "ExchangeToken");
  }

 private:
  // The cache entry of `tenant`'s token (made on first use; entries are never dropped: one per
  // tenant of the deployment).
  CachedToken& TenantEntry(const std::string& tenant) {
    absl::MutexLock lock(&tenants_mu_);
    auto& entry = tenants_[tenant];
    if (entry == nullptr) entry = std::make_unique<CachedToken>();
    return *entry;
  }

  grpc::Status Exchange(const std::string& base, const std::string& tenant,
                        idv1::ExchangeTokenResponse* resp) {
    idv1::ExchangeTokenRequest req;
    req.set_grant_type("urn:ietf:params:oauth:grant-type:token-exchange");
    req.set_subject_token_type("urn:ietf:params:oauth:token-type:access_token");
    req.set_audience(tenant);
    auto ctx = Context(base);
    return stub_->ExchangeToken(ctx.get(), req, resp);
  }

  // The account's own token (tenant platform): a client-credentials login, cached until shortly
  // before it expires. UNAUTHENTICATED when identity refuses the credentials (not retried for
  // kRefusedLoginBackoff), UNAVAILABLE when it cannot answer.
  absl::StatusOr<std::string> BaseToken() {
    CachedToken& account = base_;
    absl::MutexLock lock(&account.mu);
    const absl::Time now = absl::Now();
    if (!account.token.empty() && now < account.valid_until) return account.token;
    if (!account.refused.ok() && now < account.refused_until) return account.refused;

    idv1::LoginRequest req;
    req.set_tenant("platform");
    req.set_client_id(credential_.client_id);
    req.set_client_secret(credential_.client_secret);
    idv1::LoginResponse resp;
    auto ctx = Context("");
    const grpc::Status st = stub_->Login(ctx.get(), req, &resp);
    if (!st.ok()) {
      const bool refused = st.error_code() == grpc::StatusCode::UNAUTHENTICATED ||
                           st.error_code() == grpc::StatusCode::INVALID_ARGUMENT;
      absl::Status out =
          refused
              ? absl::UnauthenticatedError(absl::StrCat(
                    "identity refused the service account ", credential_.client_id,
                    " (--identity_client_id, --identity_client_secret_file): ", st.error_message()))
              : absl::UnavailableError(absl::StrCat("identity: Login of service account ",
                                                    credential_.client_id, ": ",
                                                    st.error_message()));
      if (refused || st.error_code() == grpc::StatusCode::RESOURCE_EXHAUSTED) {
        return account.Refuse(std::move(out), now);
      }
      return out;
    }
    return account.Keep(resp, now, "Login");
  }

  void ForgetBaseToken(const std::string& token) {
    absl::MutexLock lock(&base_.mu);
    if (base_.token == token) base_.token.clear();
  }

  struct CacheEntry {
    std::shared_ptr<const std::vector<EmployeeUnit>> employees;
    absl::Time expires;
    uint64_t seq = 0;  // insertion order, to drop the oldest first
  };

  std::unique_ptr<grpc::ClientContext> Context(const std::string& bearer) const {
    return BearerContext(bearer, timeout_);
  }

  // identity's answer to GetEmployee for each (nip, day), asked all at once on one completion
  // queue: a range costs one round trip, not one per day (until identity answers for a range).
  std::vector<absl::Status> GetEmployees(
      const std::string& bearer, const std::vector<std::pair<std::string, absl::CivilDay>>& asks) {
    struct Call {
      std::unique_ptr<grpc::ClientContext> ctx;
      idv1::Employee resp;
      grpc::Status status;
      std::unique_ptr<grpc::ClientAsyncResponseReader<idv1::Employee>> reader;
    };
    grpc::CompletionQueue cq;
    std::vector<Call> calls(asks.size());
    for (size_t i = 0; i < asks.size(); ++i) {
      idv1::GetEmployeeRequest req;
      req.set_nip(asks[i].first);
      *req.mutable_date() = ToProtoDate(asks[i].second);
      calls[i].ctx = Context(bearer);
      calls[i].reader = stub_->AsyncGetEmployee(calls[i].ctx.get(), req, &cq);
      calls[i].reader->Finish(&calls[i].resp, &calls[i].status, &calls[i]);
    }
    void* tag = nullptr;
    bool ok = false;
    for (size_t done = 0; done < calls.size() && cq.Next(&tag, &ok); ++done) {
    }
    cq.Shutdown();
    while (cq.Next(&tag, &ok)) {
    }
    std::vector<absl::Status> out;
    out.reserve(calls.size());
    for (const Call& c : calls) out.push_back(FromIdentity(c.status, "GetEmployee"));
    return out;
  }

  absl::StatusOr<std::vector<EmployeeUnit>> FetchEmployees(const std::string& bearer,
                                                           const std::string& org_unit,
                                                           absl::CivilDay day) {
    std::vector<EmployeeUnit> out;
    std::vector<std::string> units_of;  // parallel to out: the employee's own unit
    idv1::ListEmployeesRequest req;
    req.set_org_unit_code(org_unit);
    req.set_include_subtree(true);
    *req.mutable_date() = ToProtoDate(day);
    req.set_active_only(true);
    req.set_page_size(kPageSize);
    do {
      idv1::ListEmployeesResponse resp;
      auto ctx = Context(bearer);
      EK_RETURN_IF_ERROR(
          FromIdentity(stub_->ListEmployees(ctx.get(), req, &resp), "ListEmployees"));
      for (const auto& e : resp.employees()) {
        out.push_back({e.nip(), {}, e.position_code()});
        units_of.push_back(e.org_unit_code());
      }
      req.set_page_token(resp.next_page_token());
    } while (!req.page_token().empty());

    absl::flat_hash_map<std::string, std::string> parent_of;
    if (!out.empty()) {
      EK_ASSIGN_OR_RETURN(parent_of, FetchParents(bearer));
    }
    absl::flat_hash_map<std::string, std::vector<std::string>> paths;
    for (size_t i = 0; i < out.size(); ++i) {
      if (units_of[i].empty()) continue;
      auto [it, inserted] = paths.try_emplace(units_of[i]);
      if (inserted) it->second = UnitPath(units_of[i], parent_of);
      out[i].unit_path = it->second;
    }
    std::sort(out.begin(), out.end(),
              [](const EmployeeUnit& a, const EmployeeUnit& b) { return a.nip < b.nip; });
    return out;
  }

  // Every org unit of the caller's tenant and its parent ("" for a root).
  absl::StatusOr<absl::flat_hash_map<std::string, std::string>> FetchParents(
      const std::string& bearer) {
    absl::flat_hash_map<std::string, std::string> parent_of;
    idv1::ListOrgUnitsRequest req;
    req.set_page_size(kPageSize);
    do {
      idv1::ListOrgUnitsResponse resp;
      auto ctx = Context(bearer);
      EK_RETURN_IF_ERROR(FromIdentity(stub_->ListOrgUnits(ctx.get(), req, &resp), "ListOrgUnits"));
      for (const auto& u : resp.org_units()) parent_of[u.code()] = u.parent_code();
      req.set_page_token(resp.next_page_token());
    } while (!req.page_token().empty());
    return parent_of;
  }

  void Remember(const std::string& key, std::shared_ptr<const std::vector<EmployeeUnit>> value) {
    if (cache_for_ <= absl::ZeroDuration()) return;
    if (value->size() > kMaxCachedEmployees) return;
    const absl::Time now = absl::Now();
    absl::MutexLock lock(&cache_mu_);
    if (auto it = cache_.find(key); it != cache_.end()) {
      cached_employees_ -= it->second.employees->size();
      cache_.erase(it);
    }
    for (auto it = cache_.begin(); it != cache_.end();) {
      if (it->second.expires <= now) {
        cached_employees_ -= it->second.employees->size();
        cache_.erase(it++);
      } else {
        ++it;
      }
    }
    while (!cache_.empty() && (cache_.size() >= kMaxCacheEntries ||
                               cached_employees_ + value->size() > kMaxCachedEmployees)) {
      auto oldest = std::min_element(
          cache_.begin(), cache_.end(),
          [](const auto& a, const auto& b) { return a.second.seq < b.second.seq; });
      cached_employees_ -= oldest->second.employees->size();
      cache_.erase(oldest);
    }
    cached_employees_ += value->size();
    cache_[key] = CacheEntry{std::move(value), now + cache_for_, ++seq_};
  }

  std::unique_ptr<idv1::IdentityService::Stub> stub_;
  const ServiceCredential credential_;
  const absl::Duration timeout_;
  const absl::Duration cache_for_;
  CachedToken base_;  // the account's own token
  absl::Mutex tenants_mu_;
  absl::flat_hash_map<std::string, std::unique_ptr<CachedToken>> tenants_
      ABSL_GUARDED_BY(tenants_mu_);

  // Each tenant's zone, as identity answered it (a tenant's zone is set once, at its creation).
  LruCache<std::string, std::string> zones_{1024};

  absl::Mutex cache_mu_;
  absl::flat_hash_map<std::string, CacheEntry> cache_ ABSL_GUARDED_BY(cache_mu_);
  size_t cached_employees_ ABSL_GUARDED_BY(cache_mu_) = 0;
  uint64_t seq_ ABSL_GUARDED_BY(cache_mu_) = 0;
};

}  // namespace

const char* ActingKindName(ActingKind kind) {
  switch (kind) {
    case ActingKind::kPlt:
      return "PLT";
    case ActingKind::kPlh:
      return "PLH";
    case ActingKind::kDefinitif:
      break;
  }
  return "DEFINITIF";
}

absl::StatusOr<std::string> Directory::AtasanOf(const std::string& bearer, const std::string& nip,
                                                absl::CivilDay day) {
  EK_ASSIGN_OR_RETURN(Supervisors sups, SupervisorsOf(bearer, nip, day));
  return sups.atasan_langsung ? sups.atasan_langsung->nip : std::string();
}

absl::StatusOr<ServiceCredential> ReadServiceCredential(const std::string& client_id,
                                                        const std::string& secret_file) {
  if (secret_file.empty()) return ServiceCredential{};
  absl::StatusOr<std::string> secret = ReadFile(secret_file);
  if (!secret.ok() || absl::StripAsciiWhitespace(*secret).empty()) {
    return absl::InvalidArgumentError(
        absl::StrCat("--identity_client_secret_file ", secret_file, ": ",
                     secret.ok() ? "empty" : secret.status().ToString()));
  }
  return ServiceCredential{client_id, std::string(absl::StripAsciiWhitespace(*secret))};
}

std::unique_ptr<Directory> MakeIdentityDirectory(std::shared_ptr<grpc::Channel> channel,
                                                 ServiceCredential credential,
                                                 absl::Duration timeout, absl::Duration cache_for) {
  return std::make_unique<IdentityDirectory>(std::move(channel), std::move(credential), timeout,
                                             cache_for);
}

}  // namespace ekinerja::clients
