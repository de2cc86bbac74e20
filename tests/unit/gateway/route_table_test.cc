#include "transcode/route_table.h"

#include "gmock/gmock.h"
#include "google/protobuf/text_format.h"
#include "gtest/gtest.h"
#include "gwtest/v1/echo.pb.h"

namespace ekinerja::gateway {
namespace {

using ::testing::ElementsAre;
namespace v1 = ::ekinerja::gwtest::v1;

const google::protobuf::MethodDescriptor& Method(absl::string_view name) {
  return *v1::Item::descriptor()
              ->file()
              ->FindServiceByName("EchoService")
              ->FindMethodByName(std::string(name));
}

// Adds the routes of `rule` (text format) for `method` to `table`.
void AddRule(RouteTable& table, absl::string_view method, const std::string& rule_text) {
  google::api::HttpRule rule;
  ASSERT_TRUE(google::protobuf::TextFormat::ParseFromString(rule_text, &rule)) << rule_text;
  auto routes = RoutesForMethod(Method(method), rule);
  ASSERT_TRUE(routes.ok()) << routes.status();
  for (Route& r : *routes) ASSERT_TRUE(table.Add(std::move(r)).ok());
}

// "Method values..." of the route found, or "none".
std::string Found(const RouteTable& table, absl::string_view http_method, absl::string_view path) {
  auto found = table.Find(http_method, path);
  if (!found) return "none";
  std::string out = found->route->method->name();
  for (const auto& v : found->values) absl::StrAppend(&out, " ", v);
  return out;
}

TEST(RouteTable, ExactMethodBeatsAnyMethodAtTheSameShape) {
  RouteTable table;
  AddRule(table, "GetItem", "custom { kind: '*' path: '/v1/items/{id}' }");
  AddRule(table, "DeleteItem", "delete: '/v1/items/{id}'");
  EXPECT_EQ(Found(table, "DELETE", "/v1/items/7"), "DeleteItem 7");
  EXPECT_EQ(Found(table, "GET", "/v1/items/7"), "GetItem 7");
  EXPECT_EQ(Found(table, "OPTIONS", "/v1/items/7"), "GetItem 7");
}

TEST(RouteTable, MoreSpecificPathBeatsExactMethod) {
  // Envoy's matcher walks the path first: a literal for any method beats a variable for GET.
  RouteTable table;
  AddRule(table, "GetItem", "get: '/v1/items/{id}'");
  AddRule(table, "GetSpecialItem", "custom { kind: '*' path: '/v1/items/special' }");
  EXPECT_EQ(Found(table, "GET", "/v1/items/special"), "GetSpecialItem");
  EXPECT_EQ(Found(table, "GET", "/v1/items/other"), "GetItem other");
}

TEST(RouteTable, LiteralThenSingleThenDoubleWildcard) {
  RouteTable table;
  AddRule(table, "GetFile", "get: '/v1/files/{path=**}'");
  AddRule(table, "GetBook", "get: '/v1/files/{name}'");
  AddRule(table, "GetSpecialItem", "get: '/v1/files/special'");
  AddRule(table, "GetItem", "get: '/v1/files/{id}/meta'");
  EXPECT_EQ(Found(table, "GET", "/v1/files/special"), "GetSpecialItem");
  EXPECT_EQ(Found(table, "GET", "/v1/files/a"), "GetBook a");
  EXPECT_EQ(Found(table, "GET", "/v1/files/a/meta"), "GetItem a");
  EXPECT_EQ(Found(table, "GET", "/v1/files/a/b"), "GetFile a/b");
  EXPECT_EQ(Found(table, "GET", "/v1/files"), "GetFile ");
}

TEST(RouteTable, LeftmostSegmentDecides) {
  RouteTable table;
  AddRule(table, "GetItem", "get: '/v1/{id}/b'");
  AddRule(table, "GetBook", "get: '/v1/a/{name}'");
  EXPECT_EQ(Found(table, "GET", "/v1/a/b"), "GetBook b");
  EXPECT_EQ(Found(table, "GET", "/v1/x/b"), "GetItem x");
}

TEST(RouteTable, OnlyRegisteredVerbsAreVerbs) {
  RouteTable table;
  AddRule(table, "GetItem", "get: '/v1/items/{id}'");
  AddRule(table, "ApproveItem", "post: '/v1/items/{id}:approve' body: '*'");
  EXPECT_EQ(Found(table, "POST", "/v1/items/7:approve"), "ApproveItem 7");
  EXPECT_EQ(Found(table, "GET", "/v1/items/7:approve"), "none");
  EXPECT_EQ(Found(table, "GET", "/v1/items/7:archive"), "GetItem 7:archive");
}

TEST(RouteTable, AdditionalBindingsAreRoutesOfTheSameMethod) {
  RouteTable table;
  AddRule(table, "GetItem",
          "get: '/v1/items/{id}' additional_bindings { get: '/v1/shelves/{shelf_id}/items/{id}' }"
          " additional_bindings { post: '/v1/items/{id}:get' body: '*' }");
  EXPECT_EQ(Found(table, "GET", "/v1/items/7"), "GetItem 7");
  EXPECT_EQ(Found(table, "GET", "/v1/shelves/3/items/7"), "GetItem 3 7");
  EXPECT_EQ(Found(table, "POST", "/v1/items/7:get"), "GetItem 7");
  ASSERT_EQ(table.routes().size(), 3u);
  EXPECT_EQ(table.routes()[2].Describe(), "POST /v1/items/{id}:get");
  EXPECT_EQ(table.routes()[2].body, Route::Body::kAll);
}

TEST(RouteTable, SameShapeForTheSameMethodIsRefused) {
  RouteTable table;
  AddRule(table, "GetItem", "get: '/v1/items/{id}'");
  google::api::HttpRule rule;
  rule.set_get("/v1/items/{name}");
  auto routes = RoutesForMethod(Method("GetBook"), rule);
  ASSERT_TRUE(routes.ok());
  const auto st = table.Add(std::move(routes->front()));
  EXPECT_EQ(st.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(st.message(),
            "GET /v1/items/{name} of ekinerja.gwtest.v1.EchoService.GetBook is also GET "
            "/v1/items/{id} of ekinerja.gwtest.v1.EchoService.GetItem: one request would match "
            "both");
}

TEST(RouteTable, ResolvesVariableAndBodyFields) {
  google::api::HttpRule rule;
  ASSERT_TRUE(google::protobuf::TextFormat::ParseFromString(
      "patch: '/v1/items/{item.id}' body: 'item'", &rule));
  auto routes = RoutesForMethod(Method("UpdateItem"), rule);
  ASSERT_TRUE(routes.ok()) << routes.status();
  const Route& r = routes->front();
  EXPECT_EQ(r.http_method, "PATCH");
  ASSERT_EQ(r.variable_fields.size(), 1u);
  EXPECT_EQ(FieldPathName(r.variable_fields[0]), "item.id");
  EXPECT_EQ(r.body, Route::Body::kField);
  EXPECT_EQ(FieldPathName(r.body_field), "item");
}

TEST(RouteTable, FieldsByProtoOrJsonName) {
  const auto& d = *v1::ListItemsRequest::descriptor();
  EXPECT_EQ(FindFieldByAnyName(d, "page_size")->number(), 2);
  EXPECT_EQ(FindFieldByAnyName(d, "pageSize")->number(), 2);
  EXPECT_EQ(FindFieldByAnyName(d, "PageSize"), nullptr);
  EXPECT_EQ(FindFieldByAnyName(d, "page-size"), nullptr);
}

}  // namespace
}  // namespace ekinerja::gateway
