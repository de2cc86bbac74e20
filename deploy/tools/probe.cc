// ekinerja-probe: the small gRPC client deploy/local/up and operators use to ask a running service
// whether it is healthy, which services it exposes (server reflection) and to try a login.
//
//   ekinerja-probe health <addr> [service]     prints the grpc.health.v1 status; exit 0 iff SERVING
//   ekinerja-probe services <addr>             lists the services known to server reflection
//   ekinerja-probe login <addr> <tenant> <username> <password|->
//                                              IdentityService.Login; prints the JSON response
//                                              ("-" reads the password from standard input)
//   ekinerja-probe client-login <addr> <tenant> <client_id> <client_secret|->
//                                              the same for a service account (client credentials)
//
// Flags before the arguments (or as EKINERJA_<FLAG>): --tls_ca_file, --tls_cert_file and
// --tls_key_file to speak TLS to a service that does (channel.h). A password starting with "-"
// goes after "--" or on standard input.
//
// Exit codes: 0 success, 1 the answer was negative (not SERVING, login refused), 2 the call failed
// or the arguments were wrong.

#include <google/protobuf/io/coded_stream.h>
#include <google/protobuf/util/json_util.h>
#include <google/protobuf/wire_format_lite.h>
#include <grpcpp/generic/generic_stub.h>
#include <grpcpp/grpcpp.h>

#include <algorithm>
#include <chrono>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/time/clock.h"
#include "channel.h"
#include "ekinerja/identity/v1/identity.grpc.pb.h"
#include "flags.h"
#include "grpc/health/v1/health.grpc.pb.h"

namespace {

using google::protobuf::internal::WireFormatLite;

constexpr absl::Duration kTimeout = absl::Seconds(5);

// The platform's channel (channel.h), TLS from --tls_ca_file/--tls_cert_file/--tls_key_file.
std::shared_ptr<grpc::Channel> Dial(const std::string& addr) {
  ekinerja::ChannelOptions options = ekinerja::ChannelOptionsFromFlags();
  options.deadline = kTimeout;
  absl::StatusOr<std::shared_ptr<grpc::Channel>> channel = ekinerja::MakeChannel(addr, options);
  if (!channel.ok()) {
    std::cerr << addr << ": " << channel.status().message() << "\n";
    std::exit(2);
  }
  return *std::move(channel);
}

void SetDeadline(grpc::ClientContext& ctx) {
  ctx.set_deadline(absl::ToChronoTime(absl::Now() + kTimeout));
}

// gRPC codes are Abseil's canonical codes, so Abseil names them.
std::string CodeName(grpc::StatusCode code) {
  return absl::StatusCodeToString(static_cast<absl::StatusCode>(code));
}

int Failed(const std::string& what, const grpc::Status& status) {
  std::cerr << what << ": " << CodeName(status.error_code()) << ": " << status.error_message()
            << "\n";
  return 2;
}

int Health(const std::string& addr, const std::string& service) {
  auto stub = grpc::health::v1::Health::NewStub(Dial(addr));
  grpc::ClientContext ctx;
  SetDeadline(ctx);
  grpc::health::v1::HealthCheckRequest request;
  request.set_service(service);
  grpc::health::v1::HealthCheckResponse response;
  grpc::Status status = stub->Check(&ctx, request, &response);
  // The health protocol answers NOT_FOUND for a service it does not know.
  if (status.error_code() == grpc::StatusCode::NOT_FOUND) {
    std::cout << "SERVICE_UNKNOWN\n";
    return 1;
  }
  if (!status.ok()) return Failed("health " + addr, status);
  std::cout << grpc::health::v1::HealthCheckResponse::ServingStatus_Name(response.status()) << "\n";
  return response.status() == grpc::health::v1::HealthCheckResponse::SERVING ? 0 : 1;
}

// ServerReflectionRequest{list_services: ""}: field 7, length-delimited, empty.
std::string ListServicesRequest() {
  std::string out;
  out.push_back(
      static_cast<char>(WireFormatLite::MakeTag(7, WireFormatLite::WIRETYPE_LENGTH_DELIMITED)));
  out.push_back('\0');
  return out;
}

// Calls `fn` for each length-delimited field `field` of the message in `in` (up to its limit).
template <typename Fn>
bool ForEachField(google::protobuf::io::CodedInputStream& in, int field, Fn fn) {
  while (uint32_t tag = in.ReadTag()) {
    if (WireFormatLite::GetTagFieldNumber(tag) == field &&
        WireFormatLite::GetTagWireType(tag) == WireFormatLite::WIRETYPE_LENGTH_DELIMITED) {
      uint32_t length;
      if (!in.ReadVarint32(&length)) return false;
      auto limit = in.PushLimit(static_cast<int>(length));
      if (!fn(in, length)) return false;
      if (in.BytesUntilLimit() > 0 && !in.Skip(in.BytesUntilLimit())) return false;
      in.PopLimit(limit);
    } else if (!WireFormatLite::SkipField(&in, tag)) {
      return false;
    }
  }
  return true;
}

// ServerReflectionResponse.list_services_response (6) -> ListServiceResponse.service (1) ->
// ServiceResponse.name (1). Returns false when the bytes do not parse.
bool DecodeServiceNames(const std::string& bytes, std::vector<std::string>& names) {
  google::protobuf::io::CodedInputStream in(reinterpret_cast<const uint8_t*>(bytes.data()),
                                            static_cast<int>(bytes.size()));
  return ForEachField(in, 6, [&](auto& list, uint32_t) {
    return ForEachField(list, 1, [&](auto& service, uint32_t) {
      return ForEachField(service, 1, [&](auto& name, uint32_t length) {
        std::string value;
        if (!name.ReadString(&value, static_cast<int>(length))) return false;
        names.push_back(std::move(value));
        return true;
      });
    });
  });
}

// One round of the ServerReflectionInfo bidi stream through a generic stub (the reflection proto
// is not installed with grpc++): write one request, half-close, read the one response.
grpc::Status ReflectionListServices(const std::shared_ptr<grpc::Channel>& channel,
                                    const std::string& method, std::string& response_bytes) {
  grpc::GenericStub stub(channel);
  grpc::CompletionQueue cq;
  grpc::ClientContext ctx;
  SetDeadline(ctx);
  auto call = stub.PrepareCall(&ctx, method, &cq);

  auto await = [&cq](intptr_t want) {
    void* tag = nullptr;
    bool ok = false;
    // Tags complete in order here: one operation is in flight at a time.
    while (cq.Next(&tag, &ok) && reinterpret_cast<intptr_t>(tag) != want) {
    }
    return ok;
  };

  call->StartCall(reinterpret_cast<void*>(1));
  bool ok = await(1);
  if (ok) {
    grpc::Slice slice(ListServicesRequest());
    grpc::ByteBuffer request(&slice, 1);
    call->Write(request, reinterpret_cast<void*>(2));
    ok = await(2);
  }
  if (ok) {
    call->WritesDone(reinterpret_cast<void*>(3));
    ok = await(3);
  }
  grpc::ByteBuffer response;
  bool got_response = false;
  if (ok) {
    call->Read(&response, reinterpret_cast<void*>(4));
    got_response = await(4);
  }
  grpc::Status status;
  call->Finish(&status, reinterpret_cast<void*>(5));
  await(5);
  cq.Shutdown();
  void* tag;
  bool drained;
  while (cq.Next(&tag, &drained)) {
  }
  if (status.ok() && !got_response) {
    return grpc::Status(grpc::StatusCode::INTERNAL, "reflection stream closed without a response");
  }
  if (got_response) {
    std::vector<grpc::Slice> slices;
    if (!response.Dump(&slices).ok()) {
      return grpc::Status(grpc::StatusCode::INTERNAL, "unreadable reflection response");
    }
    response_bytes.clear();
    for (const auto& s : slices) {
      response_bytes.append(reinterpret_cast<const char*>(s.begin()), s.size());
    }
  }
  return status;
}

int Services(const std::string& addr) {
  auto channel = Dial(addr);
  std::string bytes;
  // grpc++ 1.51 serves v1alpha; newer servers also serve v1 (same messages).
  grpc::Status status = ReflectionListServices(
      channel, "/grpc.reflection.v1alpha.ServerReflection/ServerReflectionInfo", bytes);
  if (status.error_code() == grpc::StatusCode::UNIMPLEMENTED) {
    status = ReflectionListServices(
        channel, "/grpc.reflection.v1.ServerReflection/ServerReflectionInfo", bytes);
  }
  if (!status.ok()) return Failed("reflection " + addr, status);
  std::vector<std::string> names;
  if (!DecodeServiceNames(bytes, names)) {
    std::cerr << "reflection " << addr << ": cannot decode the response\n";
    return 2;
  }
  if (names.empty()) {
    std::cerr << "reflection " << addr << ": no services listed\n";
    return 1;
  }
  std::sort(names.begin(), names.end());
  for (const auto& name : names) std::cout << name << "\n";
  return 0;
}

int Login(const std::string& addr, const std::string& tenant, const std::string& username,
          std::string password, bool client_credentials) {
  if (password == "-" && !std::getline(std::cin, password)) {
    std::cerr << "login: no password on standard input\n";
    return 2;
  }
  auto stub = ekinerja::identity::v1::IdentityService::NewStub(Dial(addr));
  grpc::ClientContext ctx;
  SetDeadline(ctx);
  ekinerja::identity::v1::LoginRequest request;
  request.set_tenant(tenant);
  if (client_credentials) {
    request.set_client_id(username);
    request.set_client_secret(password);
  } else {
    request.set_username(username);
    request.set_password(password);
  }
  ekinerja::identity::v1::LoginResponse response;
  grpc::Status status = stub->Login(&ctx, request, &response);
  if (!status.ok()) {
    Failed("login " + tenant + "/" + username, status);
    return status.error_code() == grpc::StatusCode::UNAUTHENTICATED ? 1 : 2;
  }
  // One line of proto3 JSON (lowerCamel names), as the REST gateway answers.
  std::string json;
  if (!google::protobuf::util::MessageToJsonString(response, &json).ok()) {
    std::cerr << "login: cannot print the response as JSON\n";
    return 2;
  }
  std::cout << json << "\n";
  return 0;
}

int Usage() {
  std::cerr << "usage: ekinerja-probe health <addr> [service]\n"
               "       ekinerja-probe services <addr>\n"
               "       ekinerja-probe login <addr> <tenant> <username> <password|->\n"
               "       ekinerja-probe client-login <addr> <tenant> <client_id> <client_secret|->\n";
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  const std::vector<char*> positional = ekinerja::ParseFlags(
      argc, argv,
      "health, reflection and a test login against a running service\n\n"
      "  ekinerja-probe [flags] health <addr> [service]\n"
      "  ekinerja-probe [flags] services <addr>\n"
      "  ekinerja-probe [flags] login <addr> <tenant> <username> <password|->\n"
      "  ekinerja-probe [flags] client-login <addr> <tenant> <client_id> <client_secret|->");
  std::vector<std::string> args(positional.begin() + 1, positional.end());
  if (args.size() >= 2 && args.size() <= 3 && args[0] == "health") {
    return Health(args[1], args.size() == 3 ? args[2] : "");
  }
  if (args.size() == 2 && args[0] == "services") return Services(args[1]);
  if (args.size() == 5 && (args[0] == "login" || args[0] == "client-login")) {
    return Login(args[1], args[2], args[3], args[4], args[0] == "client-login");
  }
  return Usage();
}
