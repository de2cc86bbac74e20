#include "upstream/upstreams.h"

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "status.h"

namespace ekinerja::gateway {

absl::StatusOr<std::unique_ptr<Upstreams>> Upstreams::Create(absl::string_view spec,
                                                             const std::vector<std::string>& routed,
                                                             const ChannelOptions& options) {
  std::map<std::string, std::string, std::less<>> addresses;
  for (absl::string_view entry : absl::StrSplit(spec, ',')) {
    entry = absl::StripAsciiWhitespace(entry);
    if (entry.empty()) continue;
    std::pair<absl::string_view, absl::string_view> kv =
        absl::StrSplit(entry, absl::MaxSplits('=', 1));
    const absl::string_view service = absl::StripAsciiWhitespace(kv.first);
    const absl::string_view address = absl::StripAsciiWhitespace(kv.second);
    if (service.empty() || address.empty() || service.find('/') != absl::string_view::npos) {
      return absl::InvalidArgumentError(
          absl::StrCat("--upstreams: \"", entry, "\" is not <package.Service>=<target>"));
    }
    if (!addresses.emplace(std::string(service), std::string(address)).second) {
      return absl::InvalidArgumentError(absl::StrCat("--upstreams: ", service, " is named twice"));
    }
  }
  addresses.emplace(kIdentityService, kDefaultIdentityAddress);  // unless named
  for (const std::string& service : routed) {
    if (addresses.find(service) == addresses.end()) {
      return absl::InvalidArgumentError(absl::StrCat("--upstreams: the routed service ", service,
                                                     " has no upstream; add ", service,
                                                     "=<host:port>"));
    }
  }

  std::map<std::string, Upstream, std::less<>> upstreams;
  for (auto& [service, address] : addresses) {
    // One channel (its own HTTP/2 connections) per service, as Envoy has one cluster per service.
    ChannelOptions own = options;
    own.name = service;
    EK_ASSIGN_OR_RETURN(std::shared_ptr<grpc::Channel> channel, MakeChannel(address, own));
    upstreams.emplace(service, Upstream{address, std::move(channel)});
  }
  return std::unique_ptr<Upstreams>(new Upstreams(std::move(upstreams)));
}

std::shared_ptr<grpc::Channel> Upstreams::ChannelFor(absl::string_view service) const {
  auto it = upstreams_.find(service);
  return it == upstreams_.end() ? nullptr : it->second.channel;
}

std::string Upstreams::AddressOf(absl::string_view service) const {
  auto it = upstreams_.find(service);
  return it == upstreams_.end() ? "" : it->second.address;
}

std::vector<std::string> Upstreams::Services() const {
  std::vector<std::string> out;
  out.reserve(upstreams_.size());
  for (const auto& [service, upstream] : upstreams_) out.push_back(service);
  return out;
}

absl::string_view Upstreams::ServiceOfPath(absl::string_view grpc_path) {
  if (grpc_path.size() < 4 || grpc_path.front() != '/') return "";
  grpc_path.remove_prefix(1);
  const size_t slash = grpc_path.find('/');
  if (slash == 0 || slash == absl::string_view::npos || slash + 1 == grpc_path.size() ||
      grpc_path.find('/', slash + 1) != absl::string_view::npos) {
    return "";
  }
  return grpc_path.substr(0, slash);
}

}  // namespace ekinerja::gateway
