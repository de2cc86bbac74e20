// google.api.HttpBody responses (transcoder.h).

#include "google/api/httpbody.pb.h"
#include "transcode/transcoder.h"

namespace ekinerja::gateway {

bool ReturnsHttpBody(const google::protobuf::MethodDescriptor& method) {
  return method.output_type()->full_name() == "google.api.HttpBody";
}

absl::StatusOr<RawResponse> HttpBodyOf(absl::string_view response) {
  google::api::HttpBody body;
  if (!body.ParseFromArray(response.data(), static_cast<int>(response.size()))) {
    return absl::InternalError("the upstream's google.api.HttpBody does not parse");
  }
  RawResponse out;
  out.content_type = body.content_type().empty() ? "application/octet-stream" : body.content_type();
  out.body = std::move(*body.mutable_data());
  return out;
}

}  // namespace ekinerja::gateway
