#include "integration/identity/identity_fixture.h"

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "grpc_status.h"
#include "integration/common/test_host.h"
#include "jwks_proto.h"

namespace ekinerja::identity::it {

namespace {

// Fails the current test (fatally, for HasFatalFailure) unless `status` is OK.
void RequireOk(const grpc::Status& status, const std::string& what) {
  ASSERT_TRUE(Ok(status)) << what;
}
void RequireOk(const absl::Status& status, const std::string& what) {
  ASSERT_TRUE(status.ok()) << what << ": " << status;
}

}  // namespace

void IdentityTest::SetUp() {
  auto schema = integration::TestSchema::Create();
  ASSERT_TRUE(schema.ok()) << schema.status();
  schema_ = std::move(*schema);
  Start(primary_);
}

IdentityOptions IdentityTest::TestOptions() {
  IdentityOptions options;
  options.config.hash_params = auth::PasswordHashParams::Fast();
  // The test client connects from 127.0.0.1, as the gateway does in a local run.
  options.config.trusted_proxies = {"127.0.0.1"};
  options.config.exchanged_ttl = absl::Seconds(kExchangedTtlSeconds);
  options.kek = auth::ParseAes256Key(kSigningKek).value();
  options.platform_admin_password = kPlatformAdminPassword;
  options.service_accounts = {{kPlatformService, kPlatformServiceSecret}};
  return options;
}

void IdentityTest::Start(Replica& r) {
  // Built by BuildIdentity as main.cc builds it, on free ports, with TestOptions().
  ServerOptions options = integration::TestServerOptions("identity", *schema_);
  if (serve_metrics_) options.metrics_port = 0;
  if (tune_) tune_(options);
  auto host = ServiceHost::Create(options, embedded::identity_sql());
  ASSERT_TRUE(host.ok()) << host.status();
  r.host = std::move(*host);

  auto built = BuildIdentity(*r.host, TestOptions());
  ASSERT_TRUE(built.ok()) << built.status();
  r.keys = built->keys;
  r.metrics = built->metrics;
  r.service = built->service;
  r.setup = std::move(built->setup);
  const absl::Status st = r.host->Start(r.setup.services, r.setup.verifier, r.setup.public_methods);
  ASSERT_TRUE(st.ok()) << st;

  r.channel = grpc::CreateChannel(absl::StrCat("127.0.0.1:", r.host->grpc_port()),
                                  grpc::InsecureChannelCredentials());
  r.stub = v1::IdentityService::NewStub(r.channel);
}

IdentityTest::Replica* IdentityTest::StartReplica() {
  replicas_.push_back(std::make_unique<Replica>());
  Start(*replicas_.back());
  if (HasFatalFailure()) return nullptr;
  return replicas_.back().get();
}

void IdentityTest::Replica::Shutdown() {
  stub.reset();
  channel.reset();
  if (host) host->Shutdown();  // no call runs into the service from here on
  service.reset();
  metrics.reset();
  setup = {};
  host.reset();
  keys.reset();
}

void IdentityTest::TearDown() {
  for (auto& r : replicas_) r->Shutdown();
  primary_.Shutdown();
  schema_.reset();
}

absl::StatusOr<v1::LoginResponse> IdentityTest::Login(const std::string& tenant,
                                                      const std::string& username,
                                                      const std::string& password) {
  v1::LoginRequest req;
  req.set_tenant(tenant);
  req.set_username(username);
  req.set_password(password);
  v1::LoginResponse resp;
  grpc::Status st = primary_.stub->Login(Ctx().get(), req, &resp);
  if (!st.ok()) return FromGrpcStatus(st);
  return resp;
}

std::string IdentityTest::Token(const std::string& tenant, const std::string& username,
                                const std::string& password) {
  auto login = Login(tenant, username, password);
  if (!login.ok()) {
    ADD_FAILURE() << "login of " << username << "@" << tenant << ": " << login.status();
    return "";
  }
  return login->access_token();
}

std::string IdentityTest::Token(const SeededTenant& t, const std::string& username) {
  auto it = t.passwords.find(username);
  if (it == t.passwords.end()) {
    ADD_FAILURE() << username << " is not a seeded login of " << t.code;
    return "";
  }
  return Token(t.code, username, it->second);
}

std::string IdentityTest::PlatformToken() {
  if (platform_token_.empty()) platform_token_ = Token("platform", "admin", kPlatformAdminPassword);
  return platform_token_;
}

std::string IdentityTest::PlatformServiceToken() {
  v1::LoginRequest req;
  req.set_tenant("platform");
  req.set_client_id(kPlatformService);
  req.set_client_secret(kPlatformServiceSecret);
  v1::LoginResponse resp;
  RequireOk(stub().Login(Ctx().get(), req, &resp), "login of the platform service account");
  return resp.access_token();
}

grpc::Status IdentityTest::Exchange(const std::string& token, const std::string& tenant,
                                    v1::ExchangeTokenResponse* out) {
  v1::ExchangeTokenRequest req;
  req.set_grant_type("urn:ietf:params:oauth:grant-type:token-exchange");
  req.set_subject_token_type("urn:ietf:params:oauth:token-type:access_token");
  req.set_audience(tenant);
  return stub().ExchangeToken(Ctx(token).get(), req, out);
}

absl::StatusOr<auth::Claims> IdentityTest::VerifiedClaims(const std::string& token) {
  v1::Jwks jwks;
  grpc::Status st = primary_.stub->GetJwks(Ctx().get(), v1::GetJwksRequest(), &jwks);
  if (!st.ok()) return FromGrpcStatus(st);
  return VerifiedClaims(auth::KeysOf(jwks), token);
}

absl::StatusOr<auth::Claims> IdentityTest::VerifiedClaims(const std::vector<auth::PublicJwk>& keys,
                                                          const std::string& token) {
  auto set = auth::KeySet::FromJwks(keys);
  if (!set.ok()) return set.status();
  auth::VerifyOptions options;
  options.issuer = "ekinerja-identity";
  options.audience = "ekinerja";
  options.now = absl::Now();
  return set->Verify(token, options);
}

std::string IdentityTest::CreateTenantWithAdmin(const std::string& code) {
  v1::CreateTenantRequest req;
  req.mutable_tenant()->set_code(code);
  req.mutable_tenant()->set_name("Pemerintah " + code);
  req.mutable_tenant()->set_time_zone("Asia/Jakarta");
  req.set_admin_username(kTenantAdmin);
  req.set_admin_password(kTenantAdminPassword);
  v1::Tenant out;
  RequireOk(primary_.stub->CreateTenant(Ctx(PlatformToken()).get(), req, &out),
            "CreateTenant " + code);
  if (HasFatalFailure()) return "";
  auto login = Login(code, kTenantAdmin, kTenantAdminPassword);
  RequireOk(login.status(), "login of the admin of " + code);
  return login.ok() ? login->access_token() : "";
}

SeededTenant IdentityTest::SeedTenant(const std::string& code) {
  SeededTenant t;
  t.code = code;
  const int series = seeded_tenants_++;  // keeps NIPs distinct between tenants
  t.admin_token = CreateTenantWithAdmin(code);
  if (HasFatalFailure()) return t;
  t.passwords[kTenantAdmin] = kTenantAdminPassword;
  const std::string& admin = t.admin_token;

  for (const integration::SeedUnit& u : integration::SeedUnits()) {
    v1::CreateOrgUnitRequest req;
    req.mutable_org_unit()->set_code(u.code);
    req.mutable_org_unit()->set_name(integration::SeedUnitName(u, code));
    req.mutable_org_unit()->set_parent_code(u.parent);
    v1::OrgUnit out;
    RequireOk(primary_.stub->CreateOrgUnit(Ctx(admin).get(), req, &out),
              absl::StrCat("unit ", u.code));
    if (HasFatalFailure()) return t;
  }
  for (const integration::SeedPosition& p : integration::SeedPositions()) {
    v1::CreatePositionRequest req;
    v1::Position* pos = req.mutable_position();
    pos->set_code(p.code);
    pos->set_name(p.name);
    pos->set_kind(p.kind);
    pos->set_kelas_jabatan(p.kelas);
    pos->set_org_unit_code(p.unit);
    pos->set_head_of_unit(p.head);
    v1::Position out;
    RequireOk(primary_.stub->CreatePosition(Ctx(admin).get(), req, &out),
              absl::StrCat("position ", p.code));
    if (HasFatalFailure()) return t;
  }
  const auto& people = integration::SeedPeople();
  for (size_t i = 0; i < people.size(); ++i) {
    const integration::SeedPerson& p = people[i];
    const std::string nip = integration::SeedNip(p, series, static_cast<int>(i));
    t.*p.nip = nip;
    t.all_nips.push_back(nip);
    {
      v1::CreateEmployeeRequest req;
      req.mutable_employee()->set_nip(nip);
      req.mutable_employee()->set_name(p.name);
      req.mutable_employee()->set_golongan(p.golongan);
      v1::Employee out;
      RequireOk(primary_.stub->CreateEmployee(Ctx(admin).get(), req, &out), "employee " + nip);
      if (HasFatalFailure()) return t;
    }
    {
      v1::CreateAssignmentRequest req;
      v1::Assignment* a = req.mutable_assignment();
      a->set_nip(nip);
      a->set_position_code(p.position);
      a->set_kind(v1::ASSIGNMENT_KIND_DEFINITIF);
      *a->mutable_start_date() = Date(kAssignedFrom);
      v1::Assignment out;
      RequireOk(primary_.stub->CreateAssignment(Ctx(admin).get(), req, &out),
                "assignment of " + nip);
      if (HasFatalFailure()) return t;
    }
  }
  std::sort(t.all_nips.begin(), t.all_nips.end());

  {  // The Kasi of S1 is vacant; the P2P analyst acts as Plt from kPltStart.
    v1::CreateAssignmentRequest req;
    v1::Assignment* a = req.mutable_assignment();
    a->set_nip(t.staf_p2p);
    a->set_position_code(integration::kPltPosition);
    a->set_kind(v1::ASSIGNMENT_KIND_PLT);
    *a->mutable_start_date() = Date(kPltStart);
    v1::Assignment out;
    RequireOk(primary_.stub->CreateAssignment(Ctx(admin).get(), req, &out), "Plt assignment");
    if (HasFatalFailure()) return t;
  }

  const auto create_user = [&](const std::string& username, const std::string& nip,
                               const std::string& password, ekinerja::type::v1::Role role,
                               const std::string& admin_unit) {
    v1::CreateUserRequest req;
    req.mutable_user()->set_username(username);
    req.mutable_user()->set_nip(nip);
    if (role != ekinerja::type::v1::ROLE_UNSPECIFIED) req.mutable_user()->add_roles(role);
    req.mutable_user()->set_admin_org_unit_code(admin_unit);
    req.set_password(password);
    v1::User out;
    RequireOk(primary_.stub->CreateUser(Ctx(admin).get(), req, &out), "user " + username);
    t.passwords[username] = password;
  };
  for (const integration::SeedPerson& p : people) {
    if (!p.login) continue;
    create_user(t.*p.nip, t.*p.nip, kEmployeePassword, ekinerja::type::v1::ROLE_UNSPECIFIED, "");
    if (HasFatalFailure()) return t;
  }
  create_user(kAuditor, "", kAuditorPassword, ekinerja::type::v1::ROLE_AUDITOR, "");
  create_user(kOpdAdmin, "", kOpdAdminPassword, ekinerja::type::v1::ROLE_ADMIN_OPD,
              integration::kOpdAdminUnit);
  return t;
}

}  // namespace ekinerja::identity::it
