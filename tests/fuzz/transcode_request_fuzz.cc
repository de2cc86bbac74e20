// libFuzzer: REST requests against the echo API (tests/proto) through Transcoder::ToGrpc. Input:
// the HTTP method, '\n', the path, '\n', the query, '\n', the body. A request either fails with
// NOT_FOUND or INVALID_ARGUMENT, or becomes a call whose bytes parse as the method's request
// type; the response and status printers take the body as bytes without crashing.

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

#include "file.h"
#include "google/protobuf/dynamic_message.h"
#include "transcode/transcoder.h"

namespace {

using ekinerja::gateway::Transcoder;

void Check(bool ok) {
  if (!ok) __builtin_trap();
}

const Transcoder& Echo() {
  static const Transcoder* t = [] {
    auto loaded = Transcoder::Load(ekinerja::ReadFile(GWTEST_DESCRIPTOR_SET).value_or(""));
    Check(loaded.ok());
    return loaded->release();
  }();
  return *t;
}

// Splits off the text up to the next '\n' (all of it when there is none).
std::string Take(std::string& rest) {
  const size_t nl = rest.find('\n');
  std::string head = rest.substr(0, nl);
  rest = nl == std::string::npos ? "" : rest.substr(nl + 1);
  return head;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string rest(reinterpret_cast<const char*>(data), size);
  const std::string method = Take(rest);
  const std::string path = Take(rest);
  const std::string query = Take(rest);
  const std::string& body = rest;

  const Transcoder& echo = Echo();
  auto call = echo.ToGrpc(method, path, query, body);
  if (!call.ok()) {
    Check(call.status().code() == absl::StatusCode::kNotFound ||
          call.status().code() == absl::StatusCode::kInvalidArgument);
    Check(!call.status().message().empty());
  } else {
    Check(call->method != nullptr);
    Check(call->grpc_path == "/" + call->service + "/" + call->method->name());
    google::protobuf::DynamicMessageFactory factory;
    std::unique_ptr<google::protobuf::Message> request(
        factory.GetPrototype(call->method->input_type())->New());
    Check(request->ParseFromString(call->request));
    (void)echo.ResponseToJson(*call->method, body);
  }
  const std::string status = echo.StatusToJson(3, path, body);
  Check(!status.empty() && status.front() == '{' && status.back() == '}');
  return 0;
}
