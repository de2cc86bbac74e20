#pragma once

// REST/JSON <-> gRPC over a descriptor set, as Envoy's grpc_json_transcoder does with the same set
// and the print options of the generated Envoy config (deploy/envoy).

#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "google/protobuf/descriptor.h"
#include "google/protobuf/util/json_util.h"
#include "grpcpp/support/status_code_enum.h"

namespace ekinerja::gateway {

// The JSON print options of responses, shared with the Envoy config generator: lowerCamel names,
// enums as names, fields at their default values printed.
google::protobuf::util::JsonPrintOptions ResponsePrintOptions();

class Transcoder {
 public:
  // From the bytes of a FileDescriptorSet (protoc --include_imports): routes every method that has
  // a google.api.http rule (and its additional_bindings) in services whose full name starts with
  // one of `service_prefixes`. INVALID_ARGUMENT for a rule that does not parse or names an
  // unknown field.
  static absl::StatusOr<std::unique_ptr<Transcoder>> Load(
      absl::string_view descriptor_set, std::vector<std::string> service_prefixes = {"ekinerja."});
  virtual ~Transcoder() = default;

  struct Call {
    const google::protobuf::MethodDescriptor* method = nullptr;
    std::string grpc_path;  // "/ekinerja.identity.v1.IdentityService/GetEmployee"
    std::string service;    // "ekinerja.identity.v1.IdentityService"
    std::string request;    // the serialized request message
  };
  // An HTTP request as a gRPC call: `path` is the raw (percent-encoded) path, `query` the raw
  // query string without '?', `body` the raw body. NOT_FOUND when no rule matches (404);
  // INVALID_ARGUMENT for malformed JSON, an unknown query parameter, or a value that does not fit
  // its field (400), with a message saying which.
  virtual absl::StatusOr<Call> ToGrpc(absl::string_view http_method, absl::string_view path,
                                      absl::string_view query, absl::string_view body) const = 0;

  // The method a request names by its HTTP method and raw path alone (nullptr when no rule
  // matches): what the JWT check and the metrics need even when the query or body is bad.
  virtual const google::protobuf::MethodDescriptor* Match(absl::string_view http_method,
                                                          absl::string_view path) const = 0;

  // A serialized response of `method` as JSON (ResponsePrintOptions).
  virtual absl::StatusOr<std::string> ResponseToJson(
      const google::protobuf::MethodDescriptor& method, absl::string_view response) const = 0;

  // A gRPC error as the google.rpc.Status JSON Envoy writes with convert_grpc_status: code,
  // message, and the details of grpc-status-details-bin (e.g. google.rpc.BadRequest) as Any JSON
  // with their @type. `details` is that trailer's bytes ("" when absent).
  virtual std::string StatusToJson(grpc::StatusCode code, absl::string_view message,
                                   absl::string_view details) const = 0;

  // The services routed (full names, sorted).
  virtual std::vector<std::string> Services() const = 0;
};

// A method whose response is google.api.HttpBody answers its bytes as the HTTP body with its
// content type, as Envoy's transcoder sends it (a file download: the payroll CSV), not as JSON.
bool ReturnsHttpBody(const google::protobuf::MethodDescriptor& method);
struct RawResponse {
  // "application/octet-stream" when the upstream set none.
  std::string content_type;
  std::string body;
};
// INTERNAL when `response` is not a serialized google.api.HttpBody.
absl::StatusOr<RawResponse> HttpBodyOf(absl::string_view response);

}  // namespace ekinerja::gateway
