// gen_envoy_config: writes the Envoy v3 config equivalent to ekinerja-gateway (deploy/envoy) from
// the descriptor set the build writes.
//
//   gen_envoy_config --descriptor_set=build/ekinerja.pb --out=envoy.yaml [flags]
//
// The build runs it with the defaults (build/deploy/envoy/envoy.yaml), which is what
// deploy/envoy/envoy.yaml holds. The flags the gateway also has mean the same here; pass the
// gateway's values to get a config that behaves as that gateway. Only the command line counts
// (no EKINERJA_* environment), so a build never depends on the shell it runs in.

#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/flags/usage.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "envoy_config.h"
#include "file.h"

ABSL_FLAG(std::string, descriptor_set, "", "The descriptor set (build/ekinerja.pb); required");
ABSL_FLAG(std::string, out, "", "Where to write the YAML; - for stdout; required");
ABSL_FLAG(std::string, host, "127.0.0.1", "Address Envoy listens on (as the gateway's --host)");
ABSL_FLAG(int, http_port, 8080, "Port of the listener (as the gateway's --http_port)");
ABSL_FLAG(int, admin_port, 9901, "Envoy's admin port on 127.0.0.1 (stats: /stats/prometheus)");
ABSL_FLAG(std::string, proto_descriptor, "/etc/envoy/ekinerja.pb",
          "Path of the descriptor set as Envoy sees it");
ABSL_FLAG(std::string, upstreams, "",
          "Comma-separated <package.Service>=<host:port> (as the gateway's --upstreams); a service "
          "not named gets 127.0.0.1 and its DESIGN §2 port");
ABSL_FLAG(std::string, cors_origins, "", "As the gateway's --cors_origins; empty: no CORS");
ABSL_FLAG(std::string, jwt_issuer, "ekinerja-identity", "`iss` the access tokens must carry");
ABSL_FLAG(std::string, jwt_audience, "ekinerja", "`aud` the access tokens must carry");
ABSL_FLAG(int, upstream_timeout_seconds, 30, "As the gateway's --upstream_timeout_seconds");
ABSL_FLAG(int, read_timeout_seconds, 30, "As the gateway's --read_timeout_seconds");
ABSL_FLAG(int, idle_timeout_seconds, 60, "As the gateway's --idle_timeout_seconds");
ABSL_FLAG(int64_t, max_body_bytes, 1 << 20, "As the gateway's --max_body_bytes");
ABSL_FLAG(int, max_header_bytes, 16 << 10, "As the gateway's --max_header_bytes");

namespace {

int Fail(const std::string& message) {
  std::fprintf(stderr, "gen_envoy_config: %s\n", message.c_str());
  return 1;
}

}  // namespace

int main(int argc, char** argv) {
  absl::SetProgramUsageMessage(
      "gen_envoy_config --descriptor_set=build/ekinerja.pb --out=envoy.yaml: the Envoy config "
      "equivalent to ekinerja-gateway");
  absl::ParseCommandLine(argc, argv);
  const std::string descriptor_path = absl::GetFlag(FLAGS_descriptor_set);
  const std::string out = absl::GetFlag(FLAGS_out);
  if (descriptor_path.empty() || out.empty())
    return Fail("--descriptor_set and --out are required");

  const absl::StatusOr<std::string> bytes = ekinerja::ReadFile(descriptor_path);
  if (!bytes.ok()) return Fail(std::string(bytes.status().message()));

  ekinerja::envoy::EnvoyConfigOptions options;
  options.listen_address = absl::GetFlag(FLAGS_host);
  options.port = absl::GetFlag(FLAGS_http_port);
  options.admin_port = absl::GetFlag(FLAGS_admin_port);
  options.proto_descriptor = absl::GetFlag(FLAGS_proto_descriptor);
  options.issuer = absl::GetFlag(FLAGS_jwt_issuer);
  options.audience = absl::GetFlag(FLAGS_jwt_audience);
  options.upstream_timeout = absl::Seconds(absl::GetFlag(FLAGS_upstream_timeout_seconds));
  options.read_timeout = absl::Seconds(absl::GetFlag(FLAGS_read_timeout_seconds));
  options.idle_timeout = absl::Seconds(absl::GetFlag(FLAGS_idle_timeout_seconds));
  options.max_body_bytes = absl::GetFlag(FLAGS_max_body_bytes);
  options.max_header_bytes = absl::GetFlag(FLAGS_max_header_bytes);
  for (absl::string_view entry :
       absl::StrSplit(absl::GetFlag(FLAGS_upstreams), ',', absl::SkipWhitespace())) {
    std::pair<std::string, std::string> kv = absl::StrSplit(entry, absl::MaxSplits('=', 1));
    absl::StripAsciiWhitespace(&kv.first);
    absl::StripAsciiWhitespace(&kv.second);
    if (kv.first.empty() || kv.second.empty()) {
      return Fail(
          absl::StrCat("--upstreams: \"", entry, "\" is not <package.Service>=<host:port>"));
    }
    if (!options.upstreams.emplace(kv.first, kv.second).second) {
      return Fail(absl::StrCat("--upstreams: ", kv.first, " is named twice"));
    }
  }
  for (absl::string_view origin :
       absl::StrSplit(absl::GetFlag(FLAGS_cors_origins), ',', absl::SkipWhitespace())) {
    options.cors_origins.emplace_back(absl::StripAsciiWhitespace(origin));
  }

  auto config = ekinerja::envoy::EnvoyConfig(*bytes, options);
  if (!config.ok()) return Fail(std::string(config.status().message()));
  const std::string text = ekinerja::envoy::EnvoyConfigText(*config);
  if (out == "-") {
    std::cout << text;
    return std::cout.good() ? 0 : Fail("cannot write stdout");
  }
  // Written beside the target, then renamed: a build never sees half a file.
  const std::string tmp = out + ".tmp";
  {
    std::ofstream f(tmp, std::ios::binary | std::ios::trunc);
    f << text;
    if (!f.good()) return Fail("cannot write " + tmp);
  }
  if (std::rename(tmp.c_str(), out.c_str()) != 0) return Fail("cannot rename " + tmp);
  return 0;
}
