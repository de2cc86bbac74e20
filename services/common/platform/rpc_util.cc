#include "rpc_util.h"

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/strip.h"
#include "grpc_status.h"
#include "log.h"
#include "status.h"

namespace ekinerja {

grpc::Status Serve(grpc::ServerContext* ctx,
                   const std::function<absl::Status(const Principal&)>& handler) {
  absl::StatusOr<Principal> caller = CallerOf(ctx);
  if (!caller.ok()) return ToGrpcStatus(caller.status());
  ScopedLogContext log_ctx("", caller->tenant, RequestIdOf(ctx));
  const absl::Status st = handler(*caller);
  LogIfServerError(st);
  return ToGrpcStatus(st);
}

grpc::Status ServePublic(grpc::ServerContext* ctx, const std::function<absl::Status()>& handler) {
  ScopedLogContext log_ctx("", "", RequestIdOf(ctx));
  absl::Status st = RequestTextOf(ctx);
  if (st.ok()) st = handler();
  LogIfServerError(st);
  return ToGrpcStatus(st);
}

std::string RequestIdOf(const grpc::ServerContext* ctx) {
  const auto& md = ctx->client_metadata();
  auto it = md.find("x-request-id");
  if (it == md.end()) return "";
  return std::string(it->second.data(), std::min<size_t>(it->second.size(), 128));
}

std::string PeerAddress(const grpc::ServerContextBase* ctx) {
  std::string peer = ctx->peer();  // "ipv4:127.0.0.1:5555", "ipv6:[::1]:5555", "unix:/path"
  const size_t colon = peer.find(':');
  if (colon == std::string::npos) return peer;
  const std::string scheme = peer.substr(0, colon);
  std::string addr = peer.substr(colon + 1);
  if (scheme == "ipv4" || scheme == "ipv6") {
    const size_t port = addr.rfind(':');
    if (port != std::string::npos) addr = addr.substr(0, port);
    if (!addr.empty() && addr.front() == '[' && addr.back() == ']') {
      addr = addr.substr(1, addr.size() - 2);
    }
  }
  return addr;
}

std::string ClientAddress(const grpc::ServerContext* ctx,
                          const absl::flat_hash_set<std::string>& trusted_proxies) {
  std::string peer = PeerAddress(ctx);
  if (!trusted_proxies.contains(peer)) return peer;
  const auto& md = ctx->client_metadata();
  auto it = md.find("x-forwarded-for");
  if (it == md.end()) return peer;
  absl::string_view xff(it->second.data(), it->second.size());
  const size_t comma = xff.rfind(',');
  absl::string_view last = comma == absl::string_view::npos ? xff : xff.substr(comma + 1);
  last = absl::StripAsciiWhitespace(last);
  return last.empty() ? peer : std::string(last.substr(0, 64));
}

void LogIfServerError(const absl::Status& status) {
  switch (status.code()) {
    case absl::StatusCode::kInternal:
    case absl::StatusCode::kUnknown:
    case absl::StatusCode::kDataLoss:
    case absl::StatusCode::kUnavailable:
      LogError("request failed", {{"code", absl::StatusCodeToString(status.code())},
                                  {"error", std::string(status.message())}});
      break;
    default:
      break;
  }
}

absl::StatusOr<absl::flat_hash_set<std::string>> MaskPaths(
    const google::protobuf::FieldMask& mask, std::initializer_list<const char*> allowed,
    bool empty_means_all) {
  absl::flat_hash_set<std::string> ok(allowed.begin(), allowed.end());
  if (mask.paths().empty()) {
    if (empty_means_all) return ok;
    return InvalidField("update_mask",
                        absl::StrCat("name the fields to change: ", absl::StrJoin(allowed, ", ")));
  }
  absl::flat_hash_set<std::string> out;
  Violations v;
  for (const auto& path : mask.paths()) {
    if (!ok.contains(path)) {
      v.Add("update_mask",
            absl::StrCat("cannot update '", path, "'; updatable: ", absl::StrJoin(allowed, ", ")));
    } else {
      out.insert(path);
    }
  }
  EK_RETURN_IF_ERROR(v.ToStatus());
  return out;
}

}  // namespace ekinerja
