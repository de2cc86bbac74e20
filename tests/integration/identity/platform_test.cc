// What the platform gives the identity service: health, reflection, metrics, the append-only
// audit table and idempotent migrations.

#include <sys/wait.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "gmock/gmock.h"
#include "google/protobuf/descriptor.h"
#include "google/protobuf/unknown_field_set.h"
#include "grpc/health/v1/health.grpc.pb.h"
#include "grpcpp/generic/generic_stub.h"
#include "gtest/gtest.h"
#include "integration/common/http_get.h"
#include "integration/identity/identity_fixture.h"
#include "migrate.h"
#include "public_methods.h"

namespace ekinerja::identity::it {
namespace {

using ::testing::Contains;
using ::testing::ElementsAre;
using ::testing::HasSubstr;

class PlatformTest : public IdentityTest {
 protected:
  std::shared_ptr<grpc::Channel> NewChannel() {
    return grpc::CreateChannel(absl::StrCat("127.0.0.1:", host().grpc_port()),
                               grpc::InsecureChannelCredentials());
  }
};

class PlatformMetricsTest : public PlatformTest {
 protected:
  PlatformMetricsTest() { ServeMetrics(); }
};

// The length-delimited fields numbered `number` of a serialized message.
std::vector<std::string> BytesFields(const std::string& message, int number) {
  google::protobuf::UnknownFieldSet fields;
  std::vector<std::string> out;
  if (!fields.ParseFromString(message)) return out;
  for (int i = 0; i < fields.field_count(); ++i) {
    const auto& f = fields.field(i);
    if (f.number() == number && f.type() == google::protobuf::UnknownField::TYPE_LENGTH_DELIMITED) {
      out.push_back(f.length_delimited());
    }
  }
  return out;
}

// The service names server reflection lists (grpc.reflection.v1alpha, the version grpc++ 1.51
// serves), over a generic bidi stream with hand-encoded messages: no reflection stub is installed.
absl::StatusOr<std::vector<std::string>> ReflectedServices(std::shared_ptr<grpc::Channel> channel) {
  grpc::GenericStub stub(std::move(channel));
  grpc::CompletionQueue cq;
  grpc::ClientContext ctx;
  ctx.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(10));
  auto call =
      stub.PrepareCall(&ctx, "/grpc.reflection.v1alpha.ServerReflection/ServerReflectionInfo", &cq);
  const auto step = [&](intptr_t want) {
    void* tag = nullptr;
    bool ok = false;
    return cq.Next(&tag, &ok) && ok && tag == reinterpret_cast<void*>(want);
  };
  // ServerReflectionRequest{list_services: ""}: field 7, length-delimited, empty.
  const std::string request("\x3a\x00", 2);
  grpc::Slice slice(request);
  grpc::ByteBuffer out(&slice, 1);
  grpc::ByteBuffer in;
  grpc::Status status;
  call->StartCall(reinterpret_cast<void*>(1));
  if (!step(1)) return absl::UnavailableError("reflection: cannot start the call");
  call->Write(out, reinterpret_cast<void*>(2));
  if (!step(2)) return absl::UnavailableError("reflection: cannot write");
  call->Read(&in, reinterpret_cast<void*>(3));
  if (!step(3)) return absl::UnavailableError("reflection: no response");
  call->WritesDone(reinterpret_cast<void*>(4));
  if (!step(4)) return absl::UnavailableError("reflection: cannot close");
  call->Finish(&status, reinterpret_cast<void*>(5));
  if (!step(5) || !status.ok()) {
    return absl::UnavailableError("reflection: " + status.error_message());
  }
  cq.Shutdown();

  std::vector<grpc::Slice> slices;
  if (!in.Dump(&slices).ok()) return absl::DataLossError("reflection: unreadable response");
  std::string response;
  for (const auto& s : slices) response.append(reinterpret_cast<const char*>(s.begin()), s.size());
  // ServerReflectionResponse.list_services_response (6) -> ListServiceResponse.service (1) ->
  // ServiceResponse.name (1).
  std::vector<std::string> names;
  for (const auto& list : BytesFields(response, 6)) {
    for (const auto& service : BytesFields(list, 1)) {
      for (const auto& name : BytesFields(service, 1)) names.push_back(name);
    }
  }
  return names;
}

// Runs `command` with `input` on its standard input; its exit code and output.
struct CommandResult {
  int exit_code = -1;
  std::string output;
};
CommandResult RunWithInput(const std::string& command, const std::string& input) {
  const std::string path = absl::StrCat(::testing::TempDir(), "promtool-input-", getpid());
  std::ofstream(path) << input;
  CommandResult result;
  FILE* pipe = popen((command + " < '" + path + "' 2>&1").c_str(), "r");
  if (pipe == nullptr) return result;
  char buf[4096];
  for (size_t n; (n = fread(buf, 1, sizeof(buf), pipe)) > 0;) result.output.append(buf, n);
  const int status = pclose(pipe);
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  std::remove(path.c_str());
  return result;
}

TEST_F(PlatformTest, HealthCheckIsServing) {
  auto health = grpc::health::v1::Health::NewStub(NewChannel());
  grpc::health::v1::HealthCheckRequest req;
  grpc::health::v1::HealthCheckResponse resp;
  ASSERT_TRUE(Ok(health->Check(Ctx().get(), req, &resp)));
  EXPECT_EQ(resp.status(), grpc::health::v1::HealthCheckResponse::SERVING);
}

TEST_F(PlatformTest, ReflectionListsTheIdentityService) {
  auto services = ReflectedServices(NewChannel());
  ASSERT_TRUE(services.ok()) << services.status();
  EXPECT_THAT(*services, Contains("ekinerja.identity.v1.IdentityService"));
  EXPECT_THAT(*services, Contains("grpc.health.v1.Health"));
}

TEST_F(PlatformMetricsTest, CountRpcsByCodeAndPassPromtool) {
  const std::string admin = CreateTenantWithAdmin("kota-a");
  ASSERT_FALSE(HasFatalFailure());
  v1::CreateEmployeeRequest bad;
  bad.mutable_employee()->set_nip("12345");
  bad.mutable_employee()->set_name("Salah NIP");
  bad.mutable_employee()->set_golongan("III/a");
  v1::Employee out;
  ASSERT_TRUE(HasCode(stub().CreateEmployee(Ctx(admin).get(), bad, &out),
                      grpc::StatusCode::INVALID_ARGUMENT));

  auto metrics = integration::HttpGet(host().metrics_port(), "/metrics");
  ASSERT_TRUE(metrics.ok()) << metrics.status();
  EXPECT_EQ(metrics->status, 200);
  const std::vector<std::string> lines = absl::StrSplit(metrics->body, '\n');
  EXPECT_THAT(lines, Contains("grpc_server_handled_total{grpc_code=\"InvalidArgument\","
                              "grpc_method=\"CreateEmployee\",grpc_service=\"ekinerja.identity.v1."
                              "IdentityService\",grpc_type=\"unary\"} 1"));
  // The platform admin's login and the tenant admin's.
  EXPECT_THAT(lines, Contains("grpc_server_handled_total{grpc_code=\"OK\",grpc_method=\"Login\","
                              "grpc_service=\"ekinerja.identity.v1.IdentityService\","
                              "grpc_type=\"unary\"} 2"));
  EXPECT_THAT(lines, Contains("grpc_server_started_total{grpc_method=\"CreateEmployee\","
                              "grpc_service=\"ekinerja.identity.v1.IdentityService\","
                              "grpc_type=\"unary\"} 1"));
  EXPECT_THAT(metrics->body, HasSubstr("# TYPE grpc_server_handling_seconds histogram"));

  const char* promtool = std::getenv("EKINERJA_PROMTOOL");
  if (promtool == nullptr || *promtool == '\0') {
    std::cout << "EKINERJA_PROMTOOL not set: promtool check metrics not run\n";
    return;
  }
  const CommandResult check =
      RunWithInput(absl::StrCat("'", promtool, "' check metrics"), metrics->body);
  EXPECT_EQ(check.exit_code, 0) << check.output;
  EXPECT_EQ(check.output, "") << check.output;
}

// One list of public methods (issue 9, item 5): calling every IdentityService method without a
// token, exactly those of kPublicMethods get past the auth interceptor (they fail on their empty
// request or succeed), and every other is UNAUTHENTICATED. The gateway and the Envoy config read
// the same constant, so a method made public here is public at the edge too.
TEST_F(PlatformTest, ExactlyTheSharedPublicMethodsNeedNoToken) {
  grpc::GenericStub stub(NewChannel());
  const google::protobuf::ServiceDescriptor* service =
      google::protobuf::DescriptorPool::generated_pool()->FindServiceByName(
          "ekinerja.identity.v1.IdentityService");
  ASSERT_NE(service, nullptr);
  int public_seen = 0;
  for (int i = 0; i < service->method_count(); ++i) {
    const google::protobuf::MethodDescriptor* m = service->method(i);
    if (m->client_streaming() || m->server_streaming()) continue;
    const std::string name = absl::StrCat("/", service->full_name(), "/", m->name());
    grpc::ClientContext ctx;
    ctx.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(10));
    grpc::CompletionQueue cq;
    grpc::Slice nothing("");  // an empty message: every field at its default
    grpc::ByteBuffer empty_request(&nothing, 1), response;
    auto call = stub.PrepareUnaryCall(&ctx, name, empty_request, &cq);
    call->StartCall();
    grpc::Status status;
    call->Finish(&response, &status, reinterpret_cast<void*>(1));
    void* tag = nullptr;
    bool ok = false;
    ASSERT_TRUE(cq.Next(&tag, &ok) && ok) << name;
    cq.Shutdown();
    while (cq.Next(&tag, &ok)) {
    }
    if (IsPublicMethod(name)) {
      ++public_seen;
      EXPECT_NE(status.error_code(), grpc::StatusCode::UNAUTHENTICATED) << name;
    } else {
      EXPECT_EQ(status.error_code(), grpc::StatusCode::UNAUTHENTICATED) << name;
    }
  }
  // Every listed method is a method of the service (a rename cannot leave a stale entry).
  EXPECT_EQ(public_seen, static_cast<int>(kPublicMethods.size()));
}

TEST_F(PlatformTest, AuditTableRejectsUpdateDeleteAndTruncate) {
  ASSERT_FALSE(CreateTenantWithAdmin("kota-a").empty());
  const long before = db().Count("audit_events");
  // The bootstraps' (the platform admin, the service account), the platform admin's login, the
  // tenant's creation and its admin's role, the tenant admin's login.
  ASSERT_EQ(before, 6);

  for (const char* sql : {"UPDATE audit_events SET actor = 'someone-else'",
                          "DELETE FROM audit_events", "TRUNCATE audit_events"}) {
    SCOPED_TRACE(sql);
    auto r = db().Query(sql);
    ASSERT_FALSE(r.ok());
    EXPECT_THAT(std::string(r.status().message()), HasSubstr("audit_events is append-only"));
  }
  EXPECT_EQ(db().Count("audit_events"), before);
  EXPECT_EQ(db().Count("audit_events WHERE actor = 'someone-else'"), 0);
}

TEST_F(PlatformTest, MigrationsRunAgainApplyNothing) {
  auto applied = db::Migrate(db().url(), db().name(), embedded::identity_sql());
  ASSERT_TRUE(applied.ok()) << applied.status();
  EXPECT_THAT(*applied, ElementsAre());
  auto recorded = db().Query("SELECT version, name FROM schema_migrations ORDER BY version");
  ASSERT_TRUE(recorded.ok()) << recorded.status();
  // Every migration file, once, in order.
  std::vector<std::string> names;
  for (const auto& r : *recorded) names.push_back(r[1].as<std::string>());
  EXPECT_THAT(names, ElementsAre("V001__init.sql", "V002__login_failures.sql",
                                 "V003__password_codes.sql", "V004__signing_key_encryption.sql",
                                 "V005__org_versions.sql", "V006__user_rows.sql"));
  // The service still answers on the same schema.
  EXPECT_FALSE(PlatformToken().empty());
}

}  // namespace
}  // namespace ekinerja::identity::it
