// Every annotation shape of tests/proto/gwtest/v1/echo.proto through Transcoder::ToGrpc, with the
// exact request each produces, and every way a request is refused.

#include <atomic>
#include <thread>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "gwtest/v1/echo.pb.h"
#include "transcode_test_support.h"

namespace ekinerja::gateway {
namespace {

using ::ekinerja::gateway::testing::CallIs;
using ::ekinerja::gateway::testing::Echo;
using ::testing::HasSubstr;
namespace v1 = ::ekinerja::gwtest::v1;

constexpr char kSvc[] = "/ekinerja.gwtest.v1.EchoService/";

std::string Rpc(absl::string_view method) { return absl::StrCat(kSvc, method); }

absl::StatusOr<Transcoder::Call> Call(absl::string_view method, absl::string_view path,
                                      absl::string_view query = "", absl::string_view body = "") {
  return Echo().ToGrpc(method, path, query, body);
}

void ExpectError(const absl::StatusOr<Transcoder::Call>& call, absl::StatusCode code,
                 absl::string_view message) {
  ASSERT_FALSE(call.ok()) << "request: " << call->request;
  EXPECT_EQ(call.status().code(), code) << call.status();
  EXPECT_EQ(call.status().message(), message);
}

void ExpectInvalid(const absl::StatusOr<Transcoder::Call>& call, absl::string_view substring) {
  ASSERT_FALSE(call.ok());
  EXPECT_EQ(call.status().code(), absl::StatusCode::kInvalidArgument) << call.status();
  EXPECT_THAT(call.status().message(), HasSubstr(substring));
}

// --- routing ---------------------------------------------------------------------------------

TEST(TranscodeRoute, GetWithPathVariable) {
  EXPECT_TRUE(CallIs<v1::GetItemRequest>(Call("GET", "/v1/items/7"), Rpc("GetItem"), "id: '7'"));
}

TEST(TranscodeRoute, AdditionalBindingWithInt64Variable) {
  EXPECT_TRUE(CallIs<v1::GetItemRequest>(Call("GET", "/v1/shelves/42/items/a%20b"), Rpc("GetItem"),
                                         "id: 'a b' shelf_id: 42"));
}

TEST(TranscodeRoute, LiteralTemplateBeatsVariableOnTheSamePath) {
  EXPECT_TRUE(CallIs<v1::GetSpecialItemRequest>(Call("GET", "/v1/items/special"),
                                                Rpc("GetSpecialItem"), ""));
  EXPECT_TRUE(CallIs<v1::GetItemRequest>(Call("GET", "/v1/items/specials"), Rpc("GetItem"),
                                         "id: 'specials'"));
}

TEST(TranscodeRoute, CustomHttpMethod) {
  EXPECT_TRUE(CallIs<v1::GetItemRequest>(Call("HEAD", "/v1/items/7"), Rpc("CheckItem"), "id: '7'"));
}

TEST(TranscodeRoute, NestedPathVariables) {
  EXPECT_TRUE(CallIs<v1::GetChildRequest>(Call("GET", "/v1/parents/p%201/children/c%2F1"),
                                          Rpc("GetChild"),
                                          "parent { label: 'p 1' child { name: 'c/1' } }"));
}

TEST(TranscodeRoute, TrailingDoubleWildcardVariable) {
  EXPECT_TRUE(CallIs<v1::GetFileRequest>(Call("GET", "/v1/files/a/b%2Fc/d%20e.txt"), Rpc("GetFile"),
                                         "path: 'a/b%2Fc/d e.txt'"));
  EXPECT_TRUE(CallIs<v1::GetFileRequest>(Call("GET", "/v1/files"), Rpc("GetFile"), ""));
}

TEST(TranscodeRoute, VariableOverSeveralSegments) {
  EXPECT_TRUE(CallIs<v1::GetBookRequest>(Call("GET", "/v1/shelves/s1/books/b1"), Rpc("GetBook"),
                                         "name: 'shelves/s1/books/b1'"));
}

TEST(TranscodeRoute, CustomVerbWithBodyStar) {
  EXPECT_TRUE(CallIs<v1::ApproveItemRequest>(
      Call("POST", "/v1/items/7:approve", "", R"({"comment":"ok","level":2})"), Rpc("ApproveItem"),
      "id: '7' comment: 'ok' level: 2"));
}

TEST(TranscodeRoute, VerbOnACollectionIsItsOwnRoute) {
  EXPECT_TRUE(CallIs<v1::ListItemsRequest>(Call("GET", "/v1/items:stream", "page_size=5"),
                                           Rpc("StreamItems"), "page_size: 5"));
  EXPECT_TRUE(CallIs<v1::ListItemsRequest>(Call("GET", "/v1/items", "page_size=5"),
                                           Rpc("ListItems"), "page_size: 5"));
}

TEST(TranscodeRoute, AnUnknownVerbStaysInThePathVariable) {
  EXPECT_TRUE(CallIs<v1::GetItemRequest>(Call("GET", "/v1/items/7:reject"), Rpc("GetItem"),
                                         "id: '7:reject'"));
}

TEST(TranscodeRoute, TrailingSlashIsIgnored) {
  EXPECT_TRUE(CallIs<v1::GetItemRequest>(Call("GET", "/v1/items/7/"), Rpc("GetItem"), "id: '7'"));
}

TEST(TranscodeRoute, DeleteWithQuery) {
  EXPECT_TRUE(CallIs<v1::DeleteItemRequest>(Call("DELETE", "/v1/items/7", "force=true"),
                                            Rpc("DeleteItem"), "id: '7' force: true"));
}

TEST(TranscodeRoute, EnumPathVariableInAdditionalBinding) {
  EXPECT_TRUE(CallIs<v1::ListItemsRequest>(Call("GET", "/v1/kinds/KIND_MAP/items", "tags=a"),
                                           Rpc("ListItems"),
                                           "filter { kind: KIND_MAP } tags: 'a'"));
  EXPECT_TRUE(CallIs<v1::ListItemsRequest>(Call("GET", "/v1/kinds/2/items"), Rpc("ListItems"),
                                           "filter { kind: KIND_MAGAZINE }"));
}

TEST(TranscodeRoute, UnknownPathIsNotFound) {
  ExpectError(Call("GET", "/v2/items"), absl::StatusCode::kNotFound,
              "Could not resolve /v2/items to a method.");
  ExpectError(Call("GET", "/v1/items/7/8"), absl::StatusCode::kNotFound,
              "Could not resolve /v1/items/7/8 to a method.");
  ExpectError(Call("GET", "v1/items/7"), absl::StatusCode::kNotFound,
              "Could not resolve v1/items/7 to a method.");
  ExpectError(Call("GET", ""), absl::StatusCode::kNotFound, "Could not resolve  to a method.");
}

TEST(TranscodeRoute, WrongHttpMethodIsNotFound) {
  ExpectError(Call("PUT", "/v1/items:stream"), absl::StatusCode::kNotFound,
              "Could not resolve /v1/items:stream to a method.");
  ExpectError(Call("POST", "/v1/items/7"), absl::StatusCode::kNotFound,
              "Could not resolve /v1/items/7 to a method.");
  ExpectError(Call("get", "/v1/items/7"), absl::StatusCode::kNotFound,
              "Could not resolve /v1/items/7 to a method.");
}

TEST(TranscodeRoute, RouteWithVerbNeedsTheVerb) {
  ExpectError(Call("POST", "/v1/items/7"), absl::StatusCode::kNotFound,
              "Could not resolve /v1/items/7 to a method.");
  ExpectError(Call("GET", "/v1/items/7:approve"), absl::StatusCode::kNotFound,
              "Could not resolve /v1/items/7:approve to a method.");
}

TEST(TranscodeRoute, MethodWithoutRuleIsNotRouted) {
  ExpectError(Call("POST", "/ekinerja.gwtest.v1.EchoService/Ping", "", "{}"),
              absl::StatusCode::kNotFound,
              "Could not resolve /ekinerja.gwtest.v1.EchoService/Ping to a method.");
}

TEST(TranscodeRoute, BadInt64PathVariableIsInvalid) {
  ExpectError(Call("GET", "/v1/shelves/x/items/7"), absl::StatusCode::kInvalidArgument,
              "path variable {shelf_id}: invalid value \"x\" for type TYPE_INT64");
}

TEST(TranscodeRoute, BadEnumPathVariableIsInvalid) {
  ExpectError(Call("GET", "/v1/kinds/KIND_NOPE/items"), absl::StatusCode::kInvalidArgument,
              "path variable {filter.kind}: invalid value \"KIND_NOPE\" for type "
              "type.googleapis.com/ekinerja.gwtest.v1.Kind");
}

// --- body ------------------------------------------------------------------------------------

TEST(TranscodeBody, BodyFieldTakesTheMessageAndQueryTheRest) {
  EXPECT_TRUE(CallIs<v1::CreateItemRequest>(
      Call("POST", "/v1/items", "request_id=r-1",
           R"({"title":"A","count":"12","rank":-3,"active":true,"kind":"KIND_BOOK","score":2.5,
               "payload":"aGVsbG8=","createTime":"2026-03-15T01:02:03Z",
               "dueDate":{"year":2026,"month":3,"day":15},"tags":["x","y"],
               "kinds":["KIND_MAP",1],"version":"18446744073709551615","ratio":0.5,
               "labels":{"k":"v"},"owner":{"name":"n","age":40}})"),
      Rpc("CreateItem"),
      "item { title: 'A' count: 12 rank: -3 active: true kind: KIND_BOOK score: 2.5 "
      "payload: 'hello' create_time { seconds: 1773536523 } "
      "due_date { year: 2026 month: 3 day: 15 } tags: 'x' tags: 'y' kinds: KIND_MAP "
      "kinds: KIND_BOOK version: 18446744073709551615 ratio: 0.5 labels { key: 'k' value: 'v' } "
      "owner { name: 'n' age: 40 } } request_id: 'r-1'"));
}

TEST(TranscodeBody, ProtoFieldNamesAreAcceptedToo) {
  EXPECT_TRUE(CallIs<v1::CreateItemRequest>(
      Call("POST", "/v1/items", "", R"({"due_date":{"year":2026},"create_time":null})"),
      Rpc("CreateItem"), "item { due_date { year: 2026 } }"));
}

TEST(TranscodeBody, EmptyBodyGivesAnEmptyBodyField) {
  EXPECT_TRUE(
      CallIs<v1::CreateItemRequest>(Call("POST", "/v1/items"), Rpc("CreateItem"), "item { }"));
}

TEST(TranscodeBody, BodyStarIsTheWholeRequest) {
  EXPECT_TRUE(CallIs<v1::EchoRequest>(
      Call("POST", "/v1/echo", "",
           R"({"message":"hi","big":"9007199254740993","kind":"KIND_MAP",
               "item":{"id":"i"},"items":[{"id":"a"},{"id":"b"}],
               "children":{"c":{"name":"n","age":3}}})"),
      Rpc("Echo"),
      "message: 'hi' big: 9007199254740993 kind: KIND_MAP item { id: 'i' } items { id: 'a' } "
      "items { id: 'b' } children { key: 'c' value { name: 'n' age: 3 } }"));
}

TEST(TranscodeBody, Int64AsJsonNumberKeepsEveryDigit) {
  EXPECT_TRUE(CallIs<v1::EchoRequest>(Call("POST", "/v1/echo", "", R"({"big":9007199254740993})"),
                                      Rpc("Echo"), "big: 9007199254740993"));
}

TEST(TranscodeBody, EmptyBodyStarIsAnEmptyRequest) {
  EXPECT_TRUE(CallIs<v1::EchoRequest>(Call("POST", "/v1/echo"), Rpc("Echo"), ""));
}

// Stricter than Envoy's transcoder, which drops them (deploy/envoy/README.md): a misspelt member
// is a mistake the client should hear of, not a request made without it.
TEST(TranscodeBody, UnknownMembersAreInvalidAtEveryDepth) {
  ExpectError(Call("POST", "/v1/echo", "", R"({"message":"hi","nope":{"deep":[1]}})"),
              absl::StatusCode::kInvalidArgument, "body: nope: Cannot find field.");
  ExpectError(Call("POST", "/v1/echo", "", R"({"item":{"id":"a","owner":{"name":"o","shoe":44}}})"),
              absl::StatusCode::kInvalidArgument, "body: (item.owner) shoe: Cannot find field.");
  ExpectError(Call("POST", "/v1/echo", "", R"({"items":[{"id":"b"},{"r":null}]})"),
              absl::StatusCode::kInvalidArgument, "body: (items[1]) r: Cannot find field.");
  ExpectError(Call("POST", "/v1/echo", "", R"({"children":{"c":{"name":"n","x":1}}})"),
              absl::StatusCode::kInvalidArgument,
              "body: (children[0].value) x: Cannot find field.");
  ExpectError(Call("POST", "/v1/items", "", R"({"id":"a","colour":"red"})"),
              absl::StatusCode::kInvalidArgument, "body (item): colour: Cannot find field.");
}

TEST(TranscodeBody, UnknownEnumNameIsInvalidEvenBesideUnknownMembers) {
  ExpectError(Call("POST", "/v1/echo", "", R"({"kind":"KIND_NOPE"})"),
              absl::StatusCode::kInvalidArgument,
              "body: (kind): invalid value \"KIND_NOPE\" for type "
              "type.googleapis.com/ekinerja.gwtest.v1.Kind");
  ExpectError(Call("POST", "/v1/echo", "", R"({"nope":1,"kind":"KIND_NOPE"})"),
              absl::StatusCode::kInvalidArgument,
              "body: (kind): invalid value \"KIND_NOPE\" for type "
              "type.googleapis.com/ekinerja.gwtest.v1.Kind");
}

TEST(TranscodeBody, WrongJsonTypesAreInvalid) {
  ExpectError(Call("POST", "/v1/echo", "", R"({"big":"x"})"), absl::StatusCode::kInvalidArgument,
              "body: (big): invalid value \"x\" for type TYPE_INT64");
  ExpectError(Call("POST", "/v1/echo", "", R"({"message":1})"), absl::StatusCode::kInvalidArgument,
              "body: (message): invalid value 1 for type TYPE_STRING");
  ExpectError(Call("POST", "/v1/items", "", R"({"rank":"1.5"})"),
              absl::StatusCode::kInvalidArgument,
              "body (item): (rank): invalid value \"1.5\" for type TYPE_INT32");
  ExpectError(Call("POST", "/v1/items", "", R"({"createTime":"2026-03-15"})"),
              absl::StatusCode::kInvalidArgument,
              "body (item): (create_time): invalid value Field 'createTime', Invalid time format: "
              "2026-03-15 for type type.googleapis.com/google.protobuf.Timestamp");
}

TEST(TranscodeBody, MalformedJsonIsInvalid) {
  ExpectInvalid(Call("POST", "/v1/echo", "", "{"), "body: ");
  ExpectInvalid(Call("POST", "/v1/echo", "", R"({"message":})"), "body: ");
  ExpectInvalid(Call("POST", "/v1/echo", "", R"({"message":"a"} x)"),
                "body: Parsing terminated before end of input.");
  ExpectError(Call("POST", "/v1/echo", "", "[1]"), absl::StatusCode::kInvalidArgument,
              "body: Root element must be a message.");
  ExpectError(Call("POST", "/v1/echo", "", "  "), absl::StatusCode::kInvalidArgument,
              "body: Unexpected end of string. Expected a value.");
  ExpectError(Call("POST", "/v1/echo", "", "{\"message\":\"\xff\"}"),
              absl::StatusCode::kInvalidArgument, "body: Encountered non UTF-8 code points.");
  ExpectInvalid(Call("POST", "/v1/echo", "", R"({"nope":1,"message":})"), "body: ");
}

TEST(TranscodeBody, BodyForARepeatedScalarFieldIsAJsonArray) {
  EXPECT_TRUE(CallIs<v1::SetTagsRequest>(Call("PUT", "/v1/items/7/tags", "", R"(["a","b"])"),
                                         Rpc("SetTags"), "id: '7' tags: 'a' tags: 'b'"));
}

TEST(TranscodeBody, BodyForAFieldMustBeOneJsonValue) {
  // Otherwise `"id":"evil"` would land in the request beside the field.
  ExpectError(Call("PUT", "/v1/items/7/tags", "", R"(["a"], "id": "evil")"),
              absl::StatusCode::kInvalidArgument, "body (tags): not one JSON value");
}

TEST(TranscodeBody, NoBodyForARepeatedBodyFieldIsInvalid) {
  // Envoy reads a missing body as "{}", which is no list.
  ExpectInvalid(Call("PUT", "/v1/items/7/tags"), "body (tags): ");
}

TEST(TranscodeBody, ASingleValueForARepeatedBodyFieldIsOneElement) {
  // protobuf's JSON converter (Envoy's too) takes a lone value for a repeated field.
  EXPECT_TRUE(CallIs<v1::SetTagsRequest>(Call("PUT", "/v1/items/7/tags", "", R"("a")"),
                                         Rpc("SetTags"), "id: '7' tags: 'a'"));
}

TEST(TranscodeBody, PatchWithPathVariableInsideTheBodyAndFieldMaskFromQuery) {
  EXPECT_TRUE(CallIs<v1::UpdateItemRequest>(
      Call("PATCH", "/v1/items/7", "update_mask=title,dueDate", R"({"title":"T","rank":2})"),
      Rpc("UpdateItem"),
      "item { id: '7' title: 'T' rank: 2 } update_mask { paths: 'title' paths: 'due_date' }"));
  EXPECT_TRUE(CallIs<v1::UpdateItemRequest>(
      Call("PATCH", "/v1/items/7", "updateMask=rank", R"({"rank":2})"), Rpc("UpdateItem"),
      "item { id: '7' rank: 2 } update_mask { paths: 'rank' }"));
}

TEST(TranscodeBody, BodyValueWinsOverThePathVariable) {
  // Envoy keeps the body's value where both set one field.
  EXPECT_TRUE(CallIs<v1::UpdateItemRequest>(Call("PATCH", "/v1/items/7", "", R"({"id":"8"})"),
                                            Rpc("UpdateItem"), "item { id: '8' }"));
}

TEST(TranscodeBody, BodyOnARouteWithoutBodyIsReadIntoTheWholeRequest) {
  // Envoy's transcoder parses any body; a rule without `body` has no field prefix for it.
  EXPECT_TRUE(
      CallIs<v1::GetItemRequest>(Call("GET", "/v1/items/7", "", R"({"include_archived":true})"),
                                 Rpc("GetItem"), "id: '7' include_archived: true"));
  ExpectInvalid(Call("GET", "/v1/items/7", "", "{"), "body: ");
  ExpectError(Call("GET", "/v1/items/7", "", R"({"include_archived":true,"nope":1})"),
              absl::StatusCode::kInvalidArgument, "body: nope: Cannot find field.");
}

// --- query parameters ------------------------------------------------------------------------

TEST(TranscodeQuery, EveryFieldType) {
  EXPECT_TRUE(CallIs<v1::ListItemsRequest>(
      Call("GET", "/v1/items",
           "filter.kind=KIND_BOOK&filter.text=a+b%26c%3D&filter.since.year=2026"
           "&filter.since.month=3&filter.since.day=1&page_size=10&page_token=t%2Bk"
           "&include_archived=true&min_score=-1.5e3&min_count=-9007199254740993"
           "&cursor=aGk%3D&updated_after=2026-03-15T01:02:03Z&on.year=2026&max_version=7"),
      Rpc("ListItems"),
      "filter { kind: KIND_BOOK text: 'a b&c=' since { year: 2026 month: 3 day: 1 } } "
      "page_size: 10 page_token: 't+k' include_archived: true min_score: -1500 "
      "min_count: -9007199254740993 cursor: 'hi' updated_after { seconds: 1773536523 } "
      "on { year: 2026 } max_version: 7"));
}

TEST(TranscodeQuery, RepeatedFieldsTakeEveryRepetition) {
  EXPECT_TRUE(CallIs<v1::ListItemsRequest>(
      Call("GET", "/v1/items", "tags=x&tags=y%20z&kinds=KIND_BOOK&kinds=3&ids=1&tags=&ids=-2"),
      Rpc("ListItems"),
      "tags: 'x' tags: 'y z' tags: '' kinds: KIND_BOOK kinds: KIND_MAP ids: 1 ids: -2"));
}

TEST(TranscodeQuery, SingularFieldTakesTheLastValue) {
  EXPECT_TRUE(CallIs<v1::ListItemsRequest>(Call("GET", "/v1/items", "page_size=1&page_size=2"),
                                           Rpc("ListItems"), "page_size: 2"));
}

TEST(TranscodeQuery, JsonNamesAndEncodedNames) {
  EXPECT_TRUE(CallIs<v1::ListItemsRequest>(
      Call("GET", "/v1/items", "pageSize=3&includeArchived=1&page%5Ftoken=p&filter.since.year=1"),
      Rpc("ListItems"),
      "page_size: 3 include_archived: true page_token: 'p' filter { since { year: 1 } }"));
}

TEST(TranscodeQuery, BoolTakesProtobufsSpellings) {
  for (const char* yes : {"true", "1", "yes", "TRUE"}) {
    EXPECT_TRUE(CallIs<v1::ListItemsRequest>(
        Call("GET", "/v1/items", absl::StrCat("include_archived=", yes)), Rpc("ListItems"),
        "include_archived: true"))
        << yes;
  }
  EXPECT_TRUE(CallIs<v1::ListItemsRequest>(Call("GET", "/v1/items", "include_archived=false"),
                                           Rpc("ListItems"), ""));
}

TEST(TranscodeQuery, ParametersWithoutValueOrNameAreIgnored) {
  EXPECT_TRUE(CallIs<v1::ListItemsRequest>(
      Call("GET", "/v1/items", "include_archived&=x&&nope&page_size=2&"), Rpc("ListItems"),
      "page_size: 2"));
}

TEST(TranscodeQuery, Utf8ValuesDecode) {
  EXPECT_TRUE(CallIs<v1::ListItemsRequest>(Call("GET", "/v1/items", "page_token=caf%C3%A9"),
                                           Rpc("ListItems"), "page_token: 'caf\\303\\251'"));
  ExpectError(Call("GET", "/v1/items", "page_token=%FF"), absl::StatusCode::kInvalidArgument,
              "query parameter \"page_token\": Encountered non UTF-8 code points.");
}

TEST(TranscodeQuery, FieldMaskOnAGet) {
  EXPECT_TRUE(CallIs<v1::GetItemRequest>(Call("GET", "/v1/items/7", "read_mask=title,dueDate"),
                                         Rpc("GetItem"),
                                         "id: '7' read_mask { paths: 'title' paths: 'due_date' }"));
}

TEST(TranscodeQuery, UnknownParameterIsInvalidWithEnvoysMessage) {
  ExpectError(Call("GET", "/v1/items", "nope=1"), absl::StatusCode::kInvalidArgument,
              "Could not find field \"nope\" in the type \"ekinerja.gwtest.v1.ListItemsRequest\".");
  ExpectError(Call("GET", "/v1/items", "page_size=1&filter.nope=1"),
              absl::StatusCode::kInvalidArgument,
              "Could not find field \"nope\" in the type \"ekinerja.gwtest.v1.Filter\".");
  ExpectError(Call("GET", "/v1/items/7", "PAGE_SIZE=1"), absl::StatusCode::kInvalidArgument,
              "Could not find field \"PAGE_SIZE\" in the type "
              "\"ekinerja.gwtest.v1.GetItemRequest\".");
}

TEST(TranscodeQuery, WrongTypeIsInvalid) {
  ExpectError(Call("GET", "/v1/items", "page_size=abc"), absl::StatusCode::kInvalidArgument,
              "query parameter \"page_size\": invalid value \"abc\" for type TYPE_INT32");
  ExpectError(Call("GET", "/v1/items", "page_size=99999999999"), absl::StatusCode::kInvalidArgument,
              "query parameter \"page_size\": invalid value \"99999999999\" for type TYPE_INT32");
  ExpectError(Call("GET", "/v1/items", "page_size="), absl::StatusCode::kInvalidArgument,
              "query parameter \"page_size\": invalid value \"\" for type TYPE_INT32");
  ExpectError(Call("GET", "/v1/items", "max_version=-1"), absl::StatusCode::kInvalidArgument,
              "query parameter \"max_version\": invalid value \"-1\" for type TYPE_UINT32");
  ExpectError(Call("GET", "/v1/items", "include_archived=maybe"),
              absl::StatusCode::kInvalidArgument,
              "query parameter \"include_archived\": invalid value \"maybe\" for type TYPE_BOOL");
  ExpectError(Call("GET", "/v1/items", "tags=a&kinds=KIND_NOPE"),
              absl::StatusCode::kInvalidArgument,
              "query parameter \"kinds\": invalid value \"KIND_NOPE\" for type "
              "type.googleapis.com/ekinerja.gwtest.v1.Kind");
  ExpectError(Call("GET", "/v1/items", "updated_after=yesterday"),
              absl::StatusCode::kInvalidArgument,
              "query parameter \"updated_after\": invalid value Field 'updated_after', Invalid "
              "time format: yesterday for type type.googleapis.com/google.protobuf.Timestamp");
}

TEST(TranscodeQuery, MessageParameterMustNameItsFields) {
  ExpectError(Call("GET", "/v1/items", "filter=x"), absl::StatusCode::kInvalidArgument,
              "query parameter \"filter\": \"filter\" is a message (ekinerja.gwtest.v1.Filter); "
              "set its fields, e.g. \"filter.<field>\"");
  ExpectError(Call("GET", "/v1/items", "page_size.x=1"), absl::StatusCode::kInvalidArgument,
              "query parameter \"page_size.x\": \"page_size\" is not a message, so it has no "
              "fields");
}

TEST(TranscodeQuery, ValueAndFieldsOfOneMessageConflict) {
  ExpectError(Call("GET", "/v1/items", "updated_after=2026-03-15T01:02:03Z&updated_after.nanos=1"),
              absl::StatusCode::kInvalidArgument,
              "query parameter \"updated_after.nanos\": \"updated_after\" is set both as a value "
              "and through its fields");
}

TEST(TranscodeQuery, FieldsBoundByThePathAreRefused) {
  ExpectError(Call("GET", "/v1/items/7", "id=8"), absl::StatusCode::kInvalidArgument,
              "query parameter \"id\": \"id\" is bound by the path");
  ExpectError(Call("GET", "/v1/kinds/KIND_MAP/items", "filter.kind=KIND_BOOK"),
              absl::StatusCode::kInvalidArgument,
              "query parameter \"filter.kind\": \"filter.kind\" is bound by the path");
}

TEST(TranscodeQuery, FieldsCarriedByTheBodyAreRefused) {
  ExpectError(Call("POST", "/v1/echo", "message=x", "{}"), absl::StatusCode::kInvalidArgument,
              "query parameter \"message\": every field comes from the body (body: \"*\")");
  ExpectError(Call("POST", "/v1/items", "item.title=x", "{}"), absl::StatusCode::kInvalidArgument,
              "query parameter \"item.title\": \"item\" comes from the body");
}

// --- loading ---------------------------------------------------------------------------------

TEST(TranscodeLoad, ServicesAreTheRoutedOnes) {
  EXPECT_THAT(Echo().Services(), ::testing::ElementsAre("ekinerja.gwtest.v1.EchoService"));
}

TEST(TranscodeLoad, PrefixesSelectServices) {
  auto other = Transcoder::Load(testing::EchoDescriptorSet(), {"other."});
  ASSERT_TRUE(other.ok()) << other.status();
  EXPECT_TRUE((*other)->Services().empty());
  EXPECT_EQ((*other)->ToGrpc("GET", "/v1/items/7", "", "").status().code(),
            absl::StatusCode::kNotFound);
}

TEST(TranscodeLoad, NotADescriptorSetIsInvalid) {
  auto t = Transcoder::Load("\xff\xff\xff");
  ASSERT_FALSE(t.ok());
  EXPECT_EQ(t.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(t.status().message(), "descriptor set: not a serialized FileDescriptorSet");
}

TEST(TranscodeThreads, OneTranscoderServesManyThreads) {
  // The gateway shares one Transcoder between its threads; every call must give the same answer.
  const auto want = Call("PATCH", "/v1/items/7", "update_mask=title", R"({"title":"T"})");
  ASSERT_TRUE(want.ok());
  std::vector<std::thread> threads;
  std::atomic<int> wrong{0};
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < 300; ++i) {
        auto got = Call("PATCH", "/v1/items/7", "update_mask=title", R"({"title":"T"})");
        if (!got.ok() || got->request != want->request) ++wrong;
        if (Echo().StatusToJson(grpc::StatusCode::NOT_FOUND, "x", "").empty()) ++wrong;
        if (!Echo().ResponseToJson(*want->method, want->request).ok()) ++wrong;
      }
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(wrong.load(), 0);
}

}  // namespace
}  // namespace ekinerja::gateway
