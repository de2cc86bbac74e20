// deploy/envoy: the generated Envoy config lists exactly the services the gateway routes, routes
// and checks every service, leaves exactly the public methods open, prints JSON as the gateway
// does, and the committed deploy/envoy/envoy.yaml is what the build generates.

#include "envoy_config.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <set>
#include <string>
#include <vector>

#include "file.h"
#include "public_methods.h"
#include "re2/re2.h"
#include "transcode/transcoder.h"
#include "yaml.h"

namespace ekinerja::envoy {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

// The file's bytes; a test failure (and "") when it cannot be read.
std::string Read(const std::string& path) {
  absl::StatusOr<std::string> bytes = ::ekinerja::ReadFile(path);
  EXPECT_TRUE(bytes.ok()) << bytes.status();
  return bytes.value_or("");
}

const std::string& SuiteSet() {
  static const std::string* set = new std::string(Read(EKINERJA_DESCRIPTOR_SET));
  return *set;
}

// Follows map keys ("static_resources", "listeners", ...); a number walks into a list.
const Yaml& At(const Yaml& node, std::initializer_list<std::string> path) {
  const Yaml* n = &node;
  for (const std::string& step : path) {
    if (n->kind() == Yaml::Kind::kList) {
      const size_t i = std::stoul(step);
      if (i >= n->items().size()) ADD_FAILURE() << "no item " << step;
      n = &n->items().at(i);
    } else {
      n = n->Find(step);
      if (n == nullptr) {
        ADD_FAILURE() << "no key " << step;
        static const Yaml empty = Yaml::Map();
        return empty;
      }
    }
  }
  return *n;
}

std::vector<std::string> Strings(const Yaml& list) {
  std::vector<std::string> out;
  for (const Yaml& y : list.items()) out.push_back(y.scalar());
  return out;
}

const Yaml& Hcm(const Yaml& config) {
  return At(config, {"static_resources", "listeners", "0", "filter_chains", "0", "filters", "0",
                     "typed_config"});
}

// The http filter called `name`.
const Yaml& Filter(const Yaml& config, const std::string& name) {
  for (const Yaml& f : At(Hcm(config), {"http_filters"}).items()) {
    if (f.Find("name")->scalar() == name) return At(f, {"typed_config"});
  }
  ADD_FAILURE() << "no filter " << name;
  static const Yaml empty = Yaml::Map();
  return empty;
}

// The cluster called `name`.
const Yaml& Cluster(const Yaml& config, const std::string& name) {
  for (const Yaml& c : At(config, {"static_resources", "clusters"}).items()) {
    if (c.Find("name")->scalar() == name) return c;
  }
  ADD_FAILURE() << "no cluster " << name;
  static const Yaml empty = Yaml::Map();
  return empty;
}

// The upstream address of a cluster's first endpoint: "address" or "port_value".
const Yaml& Endpoint(const Yaml& cluster, const std::string& field) {
  return At(cluster, {"load_assignment", "endpoints", "0", "lb_endpoints", "0", "endpoint",
                      "address", "socket_address", field});
}

Yaml Generated(const EnvoyConfigOptions& options = {}) {
  auto config = EnvoyConfig(SuiteSet(), options);
  EXPECT_TRUE(config.ok()) << config.status();
  return config.ok() ? *config : Yaml::Map();
}

TEST(EnvoyConfig, TranscodesExactlyTheServicesTheGatewayRoutes) {
  auto transcoder = gateway::Transcoder::Load(SuiteSet());
  ASSERT_TRUE(transcoder.ok()) << transcoder.status();
  const Yaml config = Generated();
  const std::vector<std::string> listed =
      Strings(At(Filter(config, "envoy.filters.http.grpc_json_transcoder"), {"services"}));
  EXPECT_EQ(listed, (*transcoder)->Services());
  EXPECT_THAT(listed,
              ::testing::IsSupersetOf(
                  {"ekinerja.identity.v1.IdentityService",
                   "ekinerja.attendance.v1.AttendanceService", "ekinerja.skp.v1.SkpService",
                   "ekinerja.activity.v1.ActivityService", "ekinerja.scoring.v1.ScoringService"}));
}

TEST(EnvoyConfig, CommittedCopyIsWhatTheBuildGenerates) {
  const std::string expected = EnvoyConfigText(Generated());
  EXPECT_EQ(Read(ENVOY_YAML_BUILT), expected)
      << "gen_envoy_config wrote something else than the library makes";
  EXPECT_TRUE(Read(ENVOY_YAML_COMMITTED) == expected)
      << "deploy/envoy/envoy.yaml is out of date with the protos; regenerate it:\n  cp "
      << ENVOY_YAML_BUILT << " " << ENVOY_YAML_COMMITTED;
}

TEST(EnvoyConfig, EveryServiceHasARouteAnHttp2ClusterAndAHealthCheck) {
  auto services = ServicesOf(SuiteSet());
  ASSERT_TRUE(services.ok());
  const Yaml config = Generated();
  const Yaml& routes = At(Hcm(config), {"route_config", "virtual_hosts", "0", "routes"});
  const Yaml& clusters = At(config, {"static_resources", "clusters"});
  const Yaml& ready = At(Filter(config, "readyz"), {"cluster_min_healthy_percentages"});
  for (const std::string& service : services->all) {
    SCOPED_TRACE(service);
    std::string cluster;
    for (const Yaml& r : routes.items()) {
      const Yaml* prefix = At(r, {"match"}).Find("prefix");
      if (prefix != nullptr && prefix->scalar() == "/" + service + "/") {
        cluster = At(r, {"route", "cluster"}).scalar();
        EXPECT_EQ(At(r, {"route", "timeout"}).scalar(), "30s");
        EXPECT_EQ(At(r, {"route", "max_stream_duration", "grpc_timeout_header_max"}).scalar(),
                  "30s");
      }
    }
    ASSERT_FALSE(cluster.empty()) << "no route";
    const Yaml* c = nullptr;
    for (const Yaml& each : clusters.items()) {
      if (each.Find("name")->scalar() == cluster) c = &each;
    }
    ASSERT_NE(c, nullptr) << "no cluster " << cluster;
    EXPECT_NE(
        At(*c, {"typed_extension_protocol_options",
                "envoy.extensions.upstreams.http.v3.HttpProtocolOptions", "explicit_http_config"})
            .Find("http2_protocol_options"),
        nullptr);
    EXPECT_NE(At(*c, {"health_checks", "0"}).Find("grpc_health_check"), nullptr);
    EXPECT_EQ(At(ready, {cluster, "value"}).scalar(), "100");
  }
  // The services where DESIGN §2 puts them.
  EXPECT_EQ(Endpoint(Cluster(config, "identity"), "port_value").scalar(), "50051");
  EXPECT_EQ(Endpoint(Cluster(config, "attendance"), "port_value").scalar(), "50054");
  EXPECT_EQ(Endpoint(Cluster(config, "skp"), "port_value").scalar(), "50052");
  EXPECT_EQ(Endpoint(Cluster(config, "activity"), "port_value").scalar(), "50053");
}

TEST(EnvoyConfig, OnlyThePublicMethodsAndTheJwksNeedNoToken) {
  const Yaml config = Generated();
  const Yaml& jwt = Filter(config, "envoy.filters.http.jwt_authn");
  EXPECT_EQ(At(jwt, {"providers", "identity", "issuer"}).scalar(), "ekinerja-identity");
  EXPECT_THAT(Strings(At(jwt, {"providers", "identity", "audiences"})), ElementsAre("ekinerja"));
  EXPECT_EQ(At(jwt, {"providers", "identity", "remote_jwks", "http_uri", "uri"}).scalar(),
            "http://127.0.0.1:8080/v1/auth/jwks");

  const Yaml& rules = At(jwt, {"rules"});
  ASSERT_GE(rules.items().size(), 2u);
  // Everything but the rules before it needs a token from the identity provider.
  const Yaml& last = rules.items().back();
  EXPECT_EQ(At(last, {"match", "prefix"}).scalar(), "/");
  EXPECT_EQ(At(last, {"requires", "provider_name"}).scalar(), "identity");

  std::set<std::string> open;  // "METHOD path" or "path" (any method)
  for (size_t i = 0; i + 1 < rules.items().size(); ++i) {
    const Yaml& rule = rules.items()[i];
    EXPECT_EQ(rule.Find("requires"), nullptr);
    const Yaml& match = At(rule, {"match"});
    const Yaml* path = match.Find("path");
    ASSERT_NE(path, nullptr) << "the public routes are literal paths";
    const Yaml* headers = match.Find("headers");
    open.insert(headers == nullptr
                    ? path->scalar()
                    : At(*headers, {"0", "string_match", "exact"}).scalar() + " " + path->scalar());
  }
  std::set<std::string> expected = {"POST /v1/auth:login",
                                    "POST /v1/auth:refresh",
                                    "POST /v1/auth:logout",
                                    "GET /v1/auth/jwks",
                                    "POST /v1/auth:setPasswordWithCode",
                                    "GET /.well-known/jwks.json"};
  for (const char* m : kPublicMethods) expected.insert(m);
  EXPECT_EQ(open, expected);
}

TEST(EnvoyConfig, FilterChainAndTranscoderOptionsMatchTheGateway) {
  const Yaml config = Generated();
  std::vector<std::string> chain;
  for (const Yaml& f : At(Hcm(config), {"http_filters"}).items()) {
    chain.push_back(f.Find("name")->scalar());
  }
  EXPECT_THAT(chain,
              ElementsAre("healthz", "readyz", "envoy.filters.http.jwt_authn",
                          "envoy.filters.http.grpc_json_transcoder", "envoy.filters.http.router"));

  const Yaml& t = Filter(config, "envoy.filters.http.grpc_json_transcoder");
  const auto print = gateway::ResponsePrintOptions();
  EXPECT_EQ(At(t, {"print_options", "always_print_primitive_fields"}).scalar(),
            print.always_print_primitive_fields ? "true" : "false");
  EXPECT_EQ(At(t, {"print_options", "always_print_enums_as_ints"}).scalar(),
            print.always_print_enums_as_ints ? "true" : "false");
  EXPECT_EQ(At(t, {"print_options", "preserve_proto_field_names"}).scalar(),
            print.preserve_proto_field_names ? "true" : "false");
  EXPECT_EQ(At(t, {"print_options", "add_whitespace"}).scalar(),
            print.add_whitespace ? "true" : "false");
  EXPECT_EQ(At(t, {"convert_grpc_status"}).scalar(), "true");
  EXPECT_EQ(At(t, {"request_validation_options", "reject_unknown_method"}).scalar(), "true");
  EXPECT_EQ(At(t, {"request_validation_options", "reject_unknown_query_parameters"}).scalar(),
            "true");
  EXPECT_EQ(At(t, {"proto_descriptor"}).scalar(), "/etc/envoy/ekinerja.pb");
  EXPECT_EQ(At(t, {"max_request_body_size"}).scalar(), "1048576");
}

TEST(EnvoyConfig, WellKnownJwksGoesToGetJwksPastTheTranscoder) {
  const Yaml config = Generated();
  const Yaml& route = At(Hcm(config), {"route_config", "virtual_hosts", "0", "routes", "0"});
  EXPECT_EQ(At(route, {"match", "path"}).scalar(), "/.well-known/jwks.json");
  EXPECT_EQ(At(route, {"route", "cluster"}).scalar(), "envoy_self");
  EXPECT_EQ(At(route, {"route", "prefix_rewrite"}).scalar(), "/v1/auth/jwks");
  EXPECT_EQ(
      At(route, {"typed_per_filter_config", "envoy.filters.http.grpc_json_transcoder", "disabled"})
          .scalar(),
      "true");
}

TEST(EnvoyConfig, OptionsReachTheConfig) {
  EnvoyConfigOptions options;
  options.listen_address = "0.0.0.0";
  options.port = 18080;
  options.upstreams["ekinerja.identity.v1.IdentityService"] = "identity.ekinerja.svc:50051";
  options.cors_origins = {"https://console.example.go.id", "*"};
  options.upstream_timeout = absl::Seconds(12);
  const Yaml config = Generated(options);
  EXPECT_EQ(
      At(config, {"static_resources", "listeners", "0", "address", "socket_address", "address"})
          .scalar(),
      "0.0.0.0");
  EXPECT_EQ(Endpoint(Cluster(config, "identity"), "address").scalar(), "identity.ekinerja.svc");
  // A service not named in the upstreams: on loopback at its DESIGN §2 port.
  EXPECT_EQ(Endpoint(Cluster(config, "attendance"), "address").scalar(), "127.0.0.1");
  // Envoy reaches itself on loopback.
  EXPECT_EQ(At(Filter(config, "envoy.filters.http.jwt_authn"),
               {"providers", "identity", "remote_jwks", "http_uri", "uri"})
                .scalar(),
            "http://127.0.0.1:18080/v1/auth/jwks");
  const Yaml& cors = At(Hcm(config), {"route_config", "virtual_hosts", "0",
                                      "typed_per_filter_config", "envoy.filters.http.cors"});
  EXPECT_EQ(At(cors, {"allow_origin_string_match", "0", "exact"}).scalar(),
            "https://console.example.go.id");
  EXPECT_EQ(At(cors, {"allow_origin_string_match", "1", "safe_regex", "regex"}).scalar(), ".*");
  EXPECT_EQ(At(cors, {"expose_headers"}).scalar(), "x-request-id");
  EXPECT_EQ(At(Filter(config, "envoy.filters.http.cors"), {"@type"}).scalar(),
            "type.googleapis.com/envoy.extensions.filters.http.cors.v3.Cors");
  EXPECT_EQ(
      At(Hcm(config), {"route_config", "virtual_hosts", "0", "routes", "1", "route", "timeout"})
          .scalar(),
      "12s");
}

TEST(EnvoyConfig, RefusesWhatCannotWork) {
  EXPECT_EQ(EnvoyConfig("not a descriptor set", {}).status().code(),
            absl::StatusCode::kInvalidArgument);
  EnvoyConfigOptions bad_address;
  bad_address.upstreams["ekinerja.identity.v1.IdentityService"] = "no-port";
  EXPECT_THAT(std::string(EnvoyConfig(SuiteSet(), bad_address).status().message()),
              HasSubstr("is not host:port"));
}

TEST(TemplateRegex, MatchesThePathsTheTemplateMatches) {
  struct Case {
    std::string tmpl, regex;
    std::vector<std::string> match, no_match;
  };
  for (const Case& c : std::vector<Case>{
           {"/v1/employees/{nip}/subordinates",
            "/v1/employees/[^/]+/subordinates",
            {"/v1/employees/199001012015031001/subordinates"},
            {"/v1/employees/subordinates", "/v1/employees/a/b/subordinates"}},
           {"/v1/items/{id}:approve",
            "/v1/items/[^/]+\\:approve",
            {"/v1/items/7:approve"},
            {"/v1/items/7", "/v1/items/7:reject"}},
           {"/v1/files/{path=**}",
            "/v1/files(/.*)?",
            {"/v1/files", "/v1/files/a/b.txt"},
            {"/v1/f"}},
           {"/v1/{name=tenants/*/units/*}",
            "/v1/tenants/[^/]+/units/[^/]+",
            {"/v1/tenants/demo/units/DISDIK"},
            {"/v1/tenants/demo/units"}},
           {"/v1/auth.v2/*", "/v1/auth\\.v2/[^/]+", {"/v1/auth.v2/x"}, {"/v1/authxv2/x"}},
       }) {
    SCOPED_TRACE(c.tmpl);
    auto regex = TemplateRegex(c.tmpl);
    ASSERT_TRUE(regex.ok()) << regex.status();
    EXPECT_EQ(*regex, c.regex);
    RE2 re(*regex);
    ASSERT_TRUE(re.ok()) << re.error();
    for (const std::string& p : c.match) EXPECT_TRUE(RE2::FullMatch(p, re)) << p;
    for (const std::string& p : c.no_match) EXPECT_FALSE(RE2::FullMatch(p, re)) << p;
  }
  EXPECT_FALSE(TemplateRegex("/v1/{unclosed").ok());
  EXPECT_FALSE(TemplateRegex("no-slash").ok());
}

TEST(Yaml, WritesBlockStyleAndQuotesWhatCouldBeMisread) {
  Yaml doc = Yaml::Map();
  doc.Set("name", "identity")
      .Set("@type", "type.googleapis.com/x.v3.Y")
      .Set("port_value", 50051)
      .Set("enabled", true)
      .Set("empty_map", Yaml::Map())
      .Set("empty_list", Yaml::List())
      .Set("strings", Yaml::List().Add("/v1/auth:login").Add("127.0.0.1").Add("yes").Add("a\"b"))
      .Set("items", Yaml::List()
                        .Add(Yaml::Map().Set("a", 1).Set("b", Yaml::Map().Set("c", "d")))
                        .Add(Yaml::List().Add("x")));
  EXPECT_EQ(ToYaml(doc, "first\n\nsecond"),
            "# first\n"
            "#\n"
            "# second\n"
            "name: identity\n"
            "\"@type\": type.googleapis.com/x.v3.Y\n"
            "port_value: 50051\n"
            "enabled: true\n"
            "empty_map: {}\n"
            "empty_list: []\n"
            "strings:\n"
            "- \"/v1/auth:login\"\n"
            "- \"127.0.0.1\"\n"
            "- \"yes\"\n"
            "- \"a\\\"b\"\n"
            "items:\n"
            "- a: 1\n"
            "  b:\n"
            "    c: d\n"
            "- - x\n");
  EXPECT_EQ(YamlScalar("ekinerja.identity.v1.IdentityService"),
            "ekinerja.identity.v1.IdentityService");
  EXPECT_EQ(YamlScalar("0s"), "\"0s\"");
  EXPECT_EQ(YamlScalar(":method"), "\":method\"");
  EXPECT_EQ(YamlScalar(""), "\"\"");
  EXPECT_EQ(YamlScalar("Bearer "), "\"Bearer \"");
  EXPECT_EQ(YamlScalar("line\nbreak"), "\"line\\nbreak\"");
  // Escaped as JSON (JsonEscape): control characters as \u00XX, invalid UTF-8 as U+FFFD.
  EXPECT_EQ(YamlScalar("a\x01"
                       "b"),
            "\"a\\u0001b\"");
  EXPECT_EQ(YamlScalar("x\xffy"), "\"x\\ufffdy\"");
}

}  // namespace
}  // namespace ekinerja::envoy
