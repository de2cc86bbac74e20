#include "envoy_config.h"

#include <algorithm>
#include <cstdint>
#include <set>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "google/api/annotations.pb.h"
#include "google/api/http.pb.h"
#include "google/protobuf/descriptor.pb.h"
#include "public_methods.h"
#include "transcode/path_template.h"

namespace ekinerja::envoy {
namespace {

using google::protobuf::FileDescriptorSet;
using google::protobuf::MethodDescriptorProto;

constexpr char kSuitePrefix[] = "ekinerja.";
constexpr char kProvider[] = "identity";
constexpr char kSelfCluster[] = "envoy_self";
constexpr char kTranscoderFilter[] = "envoy.filters.http.grpc_json_transcoder";
constexpr char kJwksWellKnown[] = "/.well-known/jwks.json";
constexpr char kGetJwks[] = "/ekinerja.identity.v1.IdentityService/GetJwks";

// The gateway's CORS policy (gateway/http/cors.h, the same values).
constexpr char kCorsAllowMethods[] = "GET, POST, PUT, PATCH, DELETE, OPTIONS";
constexpr char kCorsAllowHeaders[] = "authorization, content-type, x-request-id, grpc-timeout";
constexpr char kCorsExposeHeaders[] = "x-request-id";
constexpr char kCorsMaxAge[] = "86400";

// DESIGN §2: the gRPC port of each service's package.
const absl::flat_hash_map<std::string, int>& DefaultPorts() {
  static const auto* ports = new absl::flat_hash_map<std::string, int>{
      {"identity", 50051},   {"skp", 50052},     {"activity", 50053},
      {"attendance", 50054}, {"scoring", 50055}, {"warning", 50056}};
  return *ports;
}

std::string TypeUrl(absl::string_view type) { return absl::StrCat("type.googleapis.com/", type); }

Yaml Typed(absl::string_view type) { return Yaml::Map().Set("@type", TypeUrl(type)); }

std::string Seconds(absl::Duration d) { return absl::StrCat(absl::ToInt64Seconds(d), "s"); }

Yaml SocketAddress(const std::string& host, int port) {
  return Yaml::Map().Set("socket_address",
                         Yaml::Map().Set("address", host).Set("port_value", port));
}

Yaml LoadAssignment(const std::string& cluster, const std::string& host, int port) {
  Yaml endpoint =
      Yaml::Map().Set("endpoint", Yaml::Map().Set("address", SocketAddress(host, port)));
  Yaml locality = Yaml::Map().Set("lb_endpoints", Yaml::List().Add(std::move(endpoint)));
  return Yaml::Map()
      .Set("cluster_name", cluster)
      .Set("endpoints", Yaml::List().Add(std::move(locality)));
}

struct Address {
  std::string host;
  int port = 0;
};

absl::StatusOr<Address> ParseAddress(absl::string_view s) {
  const size_t colon = s.rfind(':');
  Address a;
  if (colon == absl::string_view::npos || !absl::SimpleAtoi(s.substr(colon + 1), &a.port) ||
      a.port < 1 || a.port > 65535) {
    return absl::InvalidArgumentError(absl::StrCat("\"", s, "\" is not host:port"));
  }
  absl::string_view host = s.substr(0, colon);
  if (absl::ConsumePrefix(&host, "[") && !absl::ConsumeSuffix(&host, "]")) {
    return absl::InvalidArgumentError(absl::StrCat("\"", s, "\" is not host:port"));
  }
  if (host.empty()) return absl::InvalidArgumentError(absl::StrCat("\"", s, "\" has no host"));
  a.host = std::string(host);
  return a;
}

// "identity" of "ekinerja.identity.v1.IdentityService".
std::string PackageName(absl::string_view service) {
  absl::ConsumePrefix(&service, kSuitePrefix);
  return std::string(service.substr(0, service.find('.')));
}

struct Binding {
  std::string http_method;  // "GET", ..., or "" (custom "*": any method)
  std::string path;
};

std::vector<Binding> BindingsOf(const google::api::HttpRule& rule) {
  std::vector<Binding> out;
  auto add = [&](const google::api::HttpRule& r) {
    switch (r.pattern_case()) {
      case google::api::HttpRule::kGet:
        out.push_back({"GET", r.get()});
        break;
      case google::api::HttpRule::kPut:
        out.push_back({"PUT", r.put()});
        break;
      case google::api::HttpRule::kPost:
        out.push_back({"POST", r.post()});
        break;
      case google::api::HttpRule::kDelete:
        out.push_back({"DELETE", r.delete_()});
        break;
      case google::api::HttpRule::kPatch:
        out.push_back({"PATCH", r.patch()});
        break;
      case google::api::HttpRule::kCustom:
        out.push_back({r.custom().kind() == "*" ? "" : r.custom().kind(), r.custom().path()});
        break;
      case google::api::HttpRule::PATTERN_NOT_SET:
        break;
    }
  };
  add(rule);
  for (const auto& b : rule.additional_bindings()) add(b);
  return out;
}

// "/pkg.Service/Method" -> its descriptor, for every method of the set.
absl::flat_hash_map<std::string, const MethodDescriptorProto*> MethodsOf(
    const FileDescriptorSet& set) {
  absl::flat_hash_map<std::string, const MethodDescriptorProto*> out;
  for (const auto& file : set.file()) {
    for (const auto& service : file.service()) {
      for (const auto& method : service.method()) {
        out[absl::StrCat("/", file.package(), file.package().empty() ? "" : ".", service.name(),
                         "/", method.name())] = &method;
      }
    }
  }
  return out;
}

// A route match (jwt_authn rules, routes) for requests to `path` with `http_method`.
absl::StatusOr<Yaml> MatchOf(const std::string& http_method, const std::string& path) {
  Yaml match = Yaml::Map();
  if (absl::StrContains(path, "{") || absl::StrContains(path, "*")) {
    auto regex = TemplateRegex(path);
    if (!regex.ok()) return regex.status();
    match.Set("safe_regex", Yaml::Map().Set("regex", *regex));
  } else {
    match.Set("path", path);
  }
  if (!http_method.empty()) {
    match.Set("headers",
              Yaml::List().Add(Yaml::Map()
                                   .Set("name", ":method")
                                   .Set("string_match", Yaml::Map().Set("exact", http_method))));
  }
  return match;
}

Yaml Rule(Yaml match) { return Yaml::Map().Set("match", std::move(match)); }

}  // namespace

absl::StatusOr<std::string> TemplateRegex(absl::string_view path_template) {
  auto parsed = gateway::PathTemplate::Parse(path_template);
  if (!parsed.ok()) return parsed.status();
  auto quote = [](absl::string_view literal) {
    std::string out;
    for (char c : literal) {
      if (!absl::ascii_isalnum(c) && c != '_' && c != '-') out += '\\';
      out += c;
    }
    return out;
  };
  std::string regex;
  for (const auto& segment : parsed->segments()) {
    switch (segment.kind) {
      case gateway::PathTemplate::Kind::kLiteral:
        absl::StrAppend(&regex, "/", quote(segment.literal));
        break;
      case gateway::PathTemplate::Kind::kSingle:
        absl::StrAppend(&regex, "/[^/]+");
        break;
      case gateway::PathTemplate::Kind::kMulti:  // zero or more segments; always the last
        absl::StrAppend(&regex, "(/.*)?");
        break;
    }
  }
  if (regex.empty()) regex = "/";
  if (!parsed->verb().empty()) absl::StrAppend(&regex, "\\:", quote(parsed->verb()));
  return regex;
}

absl::StatusOr<SuiteServices> ServicesOf(absl::string_view descriptor_set) {
  FileDescriptorSet set;
  if (!set.ParseFromArray(descriptor_set.data(), static_cast<int>(descriptor_set.size()))) {
    return absl::InvalidArgumentError("the descriptor set does not parse");
  }
  std::set<std::string> all, transcoded;
  for (const auto& file : set.file()) {
    for (const auto& service : file.service()) {
      const std::string name = absl::StrCat(file.package(), ".", service.name());
      if (!absl::StartsWith(name, kSuitePrefix)) continue;
      all.insert(name);
      for (const auto& method : service.method()) {
        if (method.options().HasExtension(google::api::http)) transcoded.insert(name);
      }
    }
  }
  return SuiteServices{{all.begin(), all.end()}, {transcoded.begin(), transcoded.end()}};
}

absl::StatusOr<Yaml> EnvoyConfig(absl::string_view descriptor_set,
                                 const EnvoyConfigOptions& options) {
  auto services = ServicesOf(descriptor_set);
  if (!services.ok()) return services.status();
  if (services->transcoded.empty()) {
    return absl::InvalidArgumentError("the descriptor set has no ekinerja.* service to transcode");
  }
  FileDescriptorSet set;
  set.ParseFromArray(descriptor_set.data(), static_cast<int>(descriptor_set.size()));
  const auto methods = MethodsOf(set);

  // Envoy reaches itself on loopback when it listens on every address.
  const std::string self_host =
      options.listen_address == "0.0.0.0" || options.listen_address == "::"
          ? "127.0.0.1"
          : options.listen_address;

  // --- clusters: one per service ---------------------------------------------------------------
  std::map<std::string, int> short_names;
  for (const std::string& s : services->all) ++short_names[PackageName(s)];
  std::map<std::string, std::string> cluster_of;  // service -> cluster
  Yaml clusters = Yaml::List();
  for (const std::string& service : services->all) {
    const std::string short_name = PackageName(service);
    // One service per package (DESIGN §7) names its cluster after the package.
    const std::string cluster = short_names[short_name] == 1 ? short_name : service;
    cluster_of[service] = cluster;
    std::string address;
    if (auto it = options.upstreams.find(service); it != options.upstreams.end()) {
      address = it->second;
    } else if (auto port = DefaultPorts().find(short_name); port != DefaultPorts().end()) {
      address = absl::StrCat("127.0.0.1:", port->second);
    } else {
      return absl::InvalidArgumentError(
          absl::StrCat("no upstream for ", service, ": name one (", service, "=host:port)"));
    }
    auto parsed = ParseAddress(address);
    if (!parsed.ok()) {
      return absl::InvalidArgumentError(
          absl::StrCat("upstream of ", service, ": ", parsed.status().message()));
    }
    Yaml http2 = Typed("envoy.extensions.upstreams.http.v3.HttpProtocolOptions");
    http2.Set("explicit_http_config", Yaml::Map().Set("http2_protocol_options", Yaml::Map()));
    // As the gateway's /readyz: the server's overall status (service ""), asked every second
    // and believed at once, as a service's health follows its database within a second.
    Yaml health_check = Yaml::Map()
                            .Set("timeout", "2s")
                            .Set("interval", "1s")
                            .Set("unhealthy_threshold", 1)
                            .Set("healthy_threshold", 1)
                            .Set("grpc_health_check", Yaml::Map());
    clusters.Add(Yaml::Map()
                     .Set("name", cluster)
                     .Set("type", "STRICT_DNS")  // a host name (a Kubernetes Service) or an IP
                     .Set("connect_timeout", "1s")
                     .Set("lb_policy", "ROUND_ROBIN")
                     .Set("typed_extension_protocol_options",
                          Yaml::Map().Set("envoy.extensions.upstreams.http.v3.HttpProtocolOptions",
                                          std::move(http2)))
                     .Set("load_assignment", LoadAssignment(cluster, parsed->host, parsed->port))
                     .Set("health_checks", Yaml::List().Add(std::move(health_check))));
  }
  clusters.Add(Yaml::Map()
                   .Set("name", kSelfCluster)
                   .Set("type", "STATIC")
                   .Set("connect_timeout", "1s")
                   .Set("load_assignment", LoadAssignment(kSelfCluster, self_host, options.port)));

  // --- the JWKS path: GetJwks' GET rule ---------------------------------------------------------
  std::string jwks_path;
  if (auto it = methods.find(kGetJwks); it != methods.end()) {
    for (const Binding& b : BindingsOf(it->second->options().GetExtension(google::api::http))) {
      if (b.http_method == "GET" && !absl::StrContains(b.path, "{")) {
        jwks_path = b.path;
        break;
      }
    }
  }
  if (jwks_path.empty()) {
    return absl::InvalidArgumentError(
        absl::StrCat(kGetJwks, " has no plain GET rule to fetch the JWKS from"));
  }

  // --- jwt_authn: public methods (gRPC path and REST bindings) need no token --------------------
  Yaml rules = Yaml::List();
  for (const char* public_method : kPublicMethods) {
    auto it = methods.find(public_method);
    if (it == methods.end()) {
      return absl::InvalidArgumentError(
          absl::StrCat("the public method ", public_method, " is not in the descriptor set"));
    }
    auto grpc_match = MatchOf("", public_method);
    if (!grpc_match.ok()) return grpc_match.status();
    rules.Add(Rule(*std::move(grpc_match)));
    for (const Binding& b : BindingsOf(it->second->options().GetExtension(google::api::http))) {
      auto match = MatchOf(b.http_method, b.path);
      if (!match.ok()) return match.status();
      rules.Add(Rule(*std::move(match)));
    }
  }
  auto well_known = MatchOf("GET", kJwksWellKnown);
  if (!well_known.ok()) return well_known.status();
  rules.Add(Rule(*well_known));
  rules.Add(Yaml::Map()
                .Set("match", Yaml::Map().Set("prefix", "/"))
                .Set("requires", Yaml::Map().Set("provider_name", kProvider)));

  Yaml jwt = Typed("envoy.extensions.filters.http.jwt_authn.v3.JwtAuthentication");
  jwt.Set("providers",
          Yaml::Map().Set(
              kProvider,
              Yaml::Map()
                  .Set("issuer", options.issuer)
                  .Set("audiences", Yaml::List().Add(options.audience))
                  .Set("from_headers",
                       Yaml::List().Add(
                           Yaml::Map().Set("name", "authorization").Set("value_prefix", "Bearer ")))
                  // The services verify the token again (DESIGN §8): keep it on the request.
                  .Set("forward", true)
                  .Set("clock_skew_seconds", 30)
                  .Set("remote_jwks",
                       Yaml::Map()
                           .Set("http_uri", Yaml::Map()
                                                .Set("uri", absl::StrCat("http://", self_host, ":",
                                                                         options.port, jwks_path))
                                                .Set("cluster", kSelfCluster)
                                                .Set("timeout", "5s"))
                           .Set("cache_duration", "300s")
                           // The fetch goes through this listener: do not wait for it.
                           .Set("async_fetch", Yaml::Map().Set("fast_listener", true)))));
  jwt.Set("rules", std::move(rules));

  // --- grpc_json_transcoder ---------------------------------------------------------------------
  Yaml service_list = Yaml::List();
  for (const std::string& s : services->transcoded) service_list.Add(s);
  Yaml transcoder =
      Typed("envoy.extensions.filters.http.grpc_json_transcoder.v3.GrpcJsonTranscoder");
  transcoder.Set("proto_descriptor", options.proto_descriptor)
      .Set("services", std::move(service_list))
      // ekinerja::gateway::ResponsePrintOptions().
      .Set("print_options", Yaml::Map()
                                .Set("add_whitespace", false)
                                .Set("always_print_primitive_fields", true)
                                .Set("always_print_enums_as_ints", false)
                                .Set("preserve_proto_field_names", false))
      .Set("convert_grpc_status", true)
      .Set("query_param_unescape_plus", true)
      .Set("request_validation_options", Yaml::Map()
                                             .Set("reject_unknown_method", true)
                                             .Set("reject_unknown_query_parameters", true))
      .Set("max_request_body_size", static_cast<int>(options.max_body_bytes));

  // --- health checks: /healthz the process, /readyz every service cluster ----------------------
  auto health_filter = [](const char* name, const char* path, Yaml clusters_min) {
    Yaml config = Typed("envoy.extensions.filters.http.health_check.v3.HealthCheck");
    config.Set("pass_through_mode", false)
        .Set("headers", Yaml::List().Add(Yaml::Map()
                                             .Set("name", ":path")
                                             .Set("string_match", Yaml::Map().Set("exact", path))));
    if (!clusters_min.entries().empty()) {
      config.Set("cluster_min_healthy_percentages", std::move(clusters_min));
    }
    return Yaml::Map().Set("name", name).Set("typed_config", std::move(config));
  };
  Yaml all_healthy = Yaml::Map();
  for (const auto& [service, cluster] : cluster_of) {
    all_healthy.Set(cluster, Yaml::Map().Set("value", 100));
  }

  Yaml filters = Yaml::List();
  filters.Add(health_filter("healthz", "/healthz", Yaml::Map()));
  filters.Add(health_filter("readyz", "/readyz", std::move(all_healthy)));
  if (!options.cors_origins.empty()) {
    filters.Add(Yaml::Map()
                    .Set("name", "envoy.filters.http.cors")
                    .Set("typed_config", Typed("envoy.extensions.filters.http.cors.v3.Cors")));
  }
  filters.Add(
      Yaml::Map().Set("name", "envoy.filters.http.jwt_authn").Set("typed_config", std::move(jwt)));
  filters.Add(
      Yaml::Map().Set("name", kTranscoderFilter).Set("typed_config", std::move(transcoder)));
  filters.Add(Yaml::Map()
                  .Set("name", "envoy.filters.http.router")
                  .Set("typed_config", Typed("envoy.extensions.filters.http.router.v3.Router")));

  // --- routes -----------------------------------------------------------------------------------
  Yaml routes = Yaml::List();
  {
    // /.well-known/jwks.json is GetJwks: sent back into this listener as its REST path, where the
    // transcoder takes it (it cannot here: it matches before the router rewrites).
    auto match = MatchOf("GET", kJwksWellKnown);
    if (!match.ok()) return match.status();
    Yaml disabled = Typed("envoy.config.route.v3.FilterConfig");
    disabled.Set("disabled", true);
    routes.Add(
        Yaml::Map()
            .Set("match", *std::move(match))
            .Set("route", Yaml::Map().Set("cluster", kSelfCluster).Set("prefix_rewrite", jwks_path))
            .Set("typed_per_filter_config",
                 Yaml::Map().Set(kTranscoderFilter, std::move(disabled))));
  }
  for (const auto& [service, cluster] : cluster_of) {
    // Transcoded calls arrive here with their gRPC path. The deadline is the client's
    // grpc-timeout, at most upstream_timeout, and upstream_timeout without one (the gateway's
    // --upstream_timeout_seconds).
    routes.Add(Yaml::Map()
                   .Set("match", Yaml::Map().Set("prefix", absl::StrCat("/", service, "/")))
                   .Set("route", Yaml::Map()
                                     .Set("cluster", cluster)
                                     .Set("timeout", Seconds(options.upstream_timeout))
                                     .Set("max_stream_duration",
                                          Yaml::Map().Set("grpc_timeout_header_max",
                                                          Seconds(options.upstream_timeout)))));
  }
  Yaml virtual_host = Yaml::Map();
  virtual_host.Set("name", "ekinerja")
      .Set("domains", Yaml::List().Add("*"))
      .Set("routes", std::move(routes));
  if (!options.cors_origins.empty()) {
    Yaml origins = Yaml::List();
    for (const std::string& o : options.cors_origins) {
      origins.Add(o == "*" ? Yaml::Map().Set("safe_regex", Yaml::Map().Set("regex", ".*"))
                           : Yaml::Map().Set("exact", o));
    }
    Yaml cors = Typed("envoy.extensions.filters.http.cors.v3.CorsPolicy");
    cors.Set("allow_origin_string_match", std::move(origins))
        .Set("allow_methods", kCorsAllowMethods)
        .Set("allow_headers", kCorsAllowHeaders)
        .Set("expose_headers", kCorsExposeHeaders)
        .Set("max_age", kCorsMaxAge);
    virtual_host.Set("typed_per_filter_config",
                     Yaml::Map().Set("envoy.filters.http.cors", std::move(cors)));
  }

  // --- the listener -----------------------------------------------------------------------------
  Yaml hcm =
      Typed("envoy.extensions.filters.network.http_connection_manager.v3.HttpConnectionManager");
  hcm.Set("stat_prefix", "ekinerja_gateway")
      .Set("codec_type", "AUTO")  // HTTP/1.1 for REST, h2c for native gRPC
      .Set("use_remote_address", true)
      // x-request-id: the client's is kept, else one is made; always returned.
      .Set("preserve_external_request_id", true)
      .Set("always_set_request_id_in_response", true)
      .Set("max_request_headers_kb", options.max_header_bytes / 1024)
      .Set("request_timeout", Seconds(options.read_timeout))
      .Set("common_http_protocol_options",
           Yaml::Map().Set("idle_timeout", Seconds(options.idle_timeout)))
      .Set("access_log",
           Yaml::List().Add(
               Yaml::Map()
                   .Set("name", "envoy.access_loggers.stdout")
                   .Set("typed_config",
                        Typed("envoy.extensions.access_loggers.stream.v3.StdoutAccessLog"))))
      .Set("route_config", Yaml::Map()
                               .Set("name", "ekinerja")
                               .Set("virtual_hosts", Yaml::List().Add(std::move(virtual_host))))
      .Set("http_filters", std::move(filters));

  Yaml listener = Yaml::Map();
  listener.Set("name", "ekinerja_gateway")
      .Set("address", SocketAddress(options.listen_address, options.port))
      .Set("filter_chains",
           Yaml::List().Add(Yaml::Map().Set(
               "filters",
               Yaml::List().Add(Yaml::Map()
                                    .Set("name", "envoy.filters.network.http_connection_manager")
                                    .Set("typed_config", std::move(hcm))))));

  Yaml config = Yaml::Map();
  config.Set("admin", Yaml::Map().Set("address", SocketAddress("127.0.0.1", options.admin_port)))
      .Set("static_resources", Yaml::Map()
                                   .Set("listeners", Yaml::List().Add(std::move(listener)))
                                   .Set("clusters", std::move(clusters)));
  return config;
}

std::string EnvoyConfigText(const Yaml& config) {
  return ToYaml(
      config,
      "Envoy v3 config for e-Kinerja: the equivalent of ekinerja-gateway (DESIGN §8).\n"
      "Generated by deploy/envoy/gen_envoy_config from the descriptor set the build "
      "writes;\ndo not edit. The build regenerates build/deploy/envoy/envoy.yaml; copy it "
      "here when\nthe API changes (a test fails until you do). See deploy/envoy/README.md.");
}

}  // namespace ekinerja::envoy
