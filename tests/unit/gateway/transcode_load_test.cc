// Transcoder::Load refuses descriptor sets whose google.api.http rules the gateway cannot serve,
// saying which method and why.

#include "gmock/gmock.h"
#include "google/api/annotations.pb.h"
#include "google/protobuf/descriptor.pb.h"
#include "gtest/gtest.h"
#include "transcode_test_support.h"

namespace ekinerja::gateway {
namespace {

using ::testing::HasSubstr;
namespace pb = google::protobuf;

pb::FileDescriptorSet EchoSet() {
  pb::FileDescriptorSet set;
  EXPECT_TRUE(set.ParseFromString(testing::EchoDescriptorSet()));
  return set;
}

pb::MethodDescriptorProto* FindMethod(pb::FileDescriptorSet& set, absl::string_view name) {
  for (auto& file : *set.mutable_file()) {
    for (auto& service : *file.mutable_service()) {
      for (auto& method : *service.mutable_method()) {
        if (method.name() == name) return &method;
      }
    }
  }
  ADD_FAILURE() << "no method " << name;
  return nullptr;
}

// The echo set with `method`'s rule replaced by `rule` (text format of google.api.HttpRule).
std::string EchoWithRule(absl::string_view method, const std::string& rule_text) {
  pb::FileDescriptorSet set = EchoSet();
  google::api::HttpRule rule;
  EXPECT_TRUE(pb::TextFormat::ParseFromString(rule_text, &rule)) << rule_text;
  *FindMethod(set, method)->mutable_options()->MutableExtension(google::api::http) = rule;
  return set.SerializeAsString();
}

void ExpectLoadError(const std::string& set, absl::string_view message) {
  auto t = Transcoder::Load(set);
  ASSERT_FALSE(t.ok());
  EXPECT_EQ(t.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(t.status().message(), message);
}

TEST(TranscoderLoad, ReadsTheRuleOfEveryAnnotatedMethod) {
  // 13 rules, 2 additional bindings; Ping has none.
  const auto& t = testing::Echo();
  struct Request {
    const char* method;
    const char* path;
    const char* body;
  };
  for (const auto& [method, path, body] : std::vector<Request>{
           {"GET", "/v1/items/1", ""},
           {"GET", "/v1/shelves/1/items/1", ""},
           {"GET", "/v1/items/special", ""},
           {"HEAD", "/v1/items/1", ""},
           {"GET", "/v1/parents/a/children/b", ""},
           {"GET", "/v1/files/a", ""},
           {"GET", "/v1/shelves/a/books/b", ""},
           {"POST", "/v1/items/1:approve", ""},
           {"POST", "/v1/items", ""},
           {"POST", "/v1/echo", ""},
           {"PATCH", "/v1/items/1", ""},
           {"PUT", "/v1/items/1/tags", "[]"},
           {"DELETE", "/v1/items/1", ""},
           {"GET", "/v1/items", ""},
           {"GET", "/v1/kinds/1/items", ""},
           {"GET", "/v1/items:stream", ""},
       }) {
    EXPECT_TRUE(t.ToGrpc(method, path, "", body).ok()) << method << " " << path;
  }
}

TEST(TranscoderLoad, MalformedTemplate) {
  ExpectLoadError(EchoWithRule("GetItem", "get: '/v1/items/{id'"),
                  "google.api.http of ekinerja.gwtest.v1.EchoService.GetItem: path template "
                  "\"/v1/items/{id\": expected '}' at offset 13");
}

TEST(TranscoderLoad, DoubleWildcardNotLast) {
  ExpectLoadError(EchoWithRule("GetFile", "get: '/v1/files/{path=**}/meta'"),
                  "google.api.http of ekinerja.gwtest.v1.EchoService.GetFile: path template "
                  "\"/v1/files/{path=**}/meta\": '**' must be the last segment");
}

TEST(TranscoderLoad, PathVariableNamingNoField) {
  ExpectLoadError(EchoWithRule("GetItem", "get: '/v1/items/{nope}'"),
                  "google.api.http of ekinerja.gwtest.v1.EchoService.GetItem: path variable "
                  "{nope}: no field \"nope\" in ekinerja.gwtest.v1.GetItemRequest");
}

TEST(TranscoderLoad, PathVariableOfMessageType) {
  ExpectLoadError(EchoWithRule("GetItem", "get: '/v1/items/{read_mask}'"),
                  "google.api.http of ekinerja.gwtest.v1.EchoService.GetItem: path variable "
                  "{read_mask} is a message field (google.protobuf.FieldMask)");
  ExpectLoadError(EchoWithRule("GetChild", "get: '/v1/parents/{parent.child}'"),
                  "google.api.http of ekinerja.gwtest.v1.EchoService.GetChild: path variable "
                  "{parent.child} is a message field (ekinerja.gwtest.v1.Child)");
}

TEST(TranscoderLoad, PathVariableOfRepeatedField) {
  ExpectLoadError(EchoWithRule("ListItems", "get: '/v1/items/{tags}'"),
                  "google.api.http of ekinerja.gwtest.v1.EchoService.ListItems: path variable "
                  "{tags} is a repeated field");
}

TEST(TranscoderLoad, PathVariableThroughAScalar) {
  ExpectLoadError(EchoWithRule("GetItem", "get: '/v1/items/{id.x}'"),
                  "google.api.http of ekinerja.gwtest.v1.EchoService.GetItem: path variable "
                  "{id.x}: \"id\" of ekinerja.gwtest.v1.GetItemRequest is not a singular message");
}

TEST(TranscoderLoad, BodyNamingNoField) {
  ExpectLoadError(EchoWithRule("CreateItem", "post: '/v1/items' body: 'itm'"),
                  "google.api.http of ekinerja.gwtest.v1.EchoService.CreateItem: body \"itm\": "
                  "no field \"itm\" in ekinerja.gwtest.v1.CreateItemRequest");
}

TEST(TranscoderLoad, BindingWithoutPattern) {
  ExpectLoadError(
      EchoWithRule("GetItem", "get: '/v1/items/{id}' additional_bindings { body: '*' }"),
      "google.api.http of ekinerja.gwtest.v1.EchoService.GetItem: a binding without "
      "get/put/post/delete/patch/custom");
}

TEST(TranscoderLoad, NestedAdditionalBindings) {
  ExpectLoadError(
      EchoWithRule("GetItem",
                   "get: '/v1/items/{id}' additional_bindings { get: '/v1/a/{id}' "
                   "additional_bindings { get: '/v1/b/{id}' } }"),
      "google.api.http of ekinerja.gwtest.v1.EchoService.GetItem: additional_bindings inside "
      "additional_bindings");
}

TEST(TranscoderLoad, ResponseBody) {
  ExpectLoadError(EchoWithRule("GetItem", "get: '/v1/items/{id}' response_body: 'title'"),
                  "google.api.http of ekinerja.gwtest.v1.EchoService.GetItem: response_body is "
                  "not supported (Envoy: HttpBody only)");
}

TEST(TranscoderLoad, CustomPatternWithoutKind) {
  ExpectLoadError(EchoWithRule("CheckItem", "custom { path: '/v1/items/{id}' }"),
                  "google.api.http of ekinerja.gwtest.v1.EchoService.CheckItem: custom pattern "
                  "without kind");
}

TEST(TranscoderLoad, TwoRoutesForOneRequest) {
  ExpectLoadError(EchoWithRule("DeleteItem", "get: '/v1/items/{id}'"),
                  "GET /v1/items/{id} of ekinerja.gwtest.v1.EchoService.DeleteItem is also GET "
                  "/v1/items/{id} of ekinerja.gwtest.v1.EchoService.GetItem: one request would "
                  "match both");
}

TEST(TranscoderLoad, ClientStreamingMethod) {
  pb::FileDescriptorSet set = EchoSet();
  FindMethod(set, "Echo")->set_client_streaming(true);
  ExpectLoadError(set.SerializeAsString(),
                  "google.api.http of ekinerja.gwtest.v1.EchoService.Echo: a client-streaming "
                  "method cannot be transcoded here");
}

TEST(TranscoderLoad, MissingImport) {
  pb::FileDescriptorSet set = EchoSet();
  pb::FileDescriptorSet without;
  for (const auto& f : set.file()) {
    if (f.name() != "google/type/date.proto") *without.add_file() = f;
  }
  ExpectLoadError(without.SerializeAsString(),
                  "descriptor set: imported file google/type/date.proto is missing (protoc "
                  "--include_imports)");
}

TEST(TranscoderLoad, FilesInAnyOrder) {
  pb::FileDescriptorSet set = EchoSet();
  pb::FileDescriptorSet reversed;
  for (int i = set.file_size() - 1; i >= 0; --i) *reversed.add_file() = set.file(i);
  auto t = Transcoder::Load(reversed.SerializeAsString());
  ASSERT_TRUE(t.ok()) << t.status();
  EXPECT_TRUE((*t)->ToGrpc("GET", "/v1/items/7", "", "").ok());
}

TEST(TranscoderLoad, InvalidFile) {
  pb::FileDescriptorSet set = EchoSet();
  for (auto& f : *set.mutable_file()) {
    if (f.name() == "gwtest/v1/echo.proto")
      f.mutable_message_type(0)->mutable_field(0)->set_type_name(".nope.Missing");
  }
  auto t = Transcoder::Load(set.SerializeAsString());
  ASSERT_FALSE(t.ok());
  EXPECT_EQ(t.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(t.status().message(), HasSubstr("descriptor set: gwtest/v1/echo.proto: "));
}

}  // namespace
}  // namespace ekinerja::gateway
