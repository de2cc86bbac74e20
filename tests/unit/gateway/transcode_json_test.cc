// Responses and errors as JSON: Transcoder::ResponseToJson with the print options of the
// generated Envoy config, and Transcoder::StatusToJson as Envoy's convert_grpc_status writes it.

#include "gmock/gmock.h"
#include "google/api/httpbody.pb.h"
#include "google/rpc/error_details.pb.h"
#include "google/rpc/status.pb.h"
#include "grpc_status.h"
#include "gtest/gtest.h"
#include "gwtest/v1/echo.pb.h"
#include "status.h"
#include "transcode_test_support.h"

namespace ekinerja::gateway {
namespace {

using ::ekinerja::gateway::testing::Echo;
using ::ekinerja::gateway::testing::Suite;
namespace v1 = ::ekinerja::gwtest::v1;

const google::protobuf::MethodDescriptor& EchoMethod(absl::string_view name) {
  auto call = Echo().ToGrpc("GET", "/v1/items/7", "", "");
  EXPECT_TRUE(call.ok());
  return *call->method->service()->FindMethodByName(std::string(name));
}

TEST(ResponsePrintOptions, AreThoseOfTheGeneratedEnvoyConfig) {
  const auto o = ResponsePrintOptions();
  EXPECT_FALSE(o.add_whitespace);
  EXPECT_TRUE(o.always_print_primitive_fields);
  EXPECT_FALSE(o.always_print_enums_as_ints);
  EXPECT_FALSE(o.preserve_proto_field_names);
}

TEST(ResponseToJson, DefaultsPrintedNamesLowerCamelEnumsByNameInt64AsStrings) {
  v1::Item item;
  item.set_id("7");
  item.set_count(12);
  item.set_kind(v1::KIND_BOOK);
  item.set_payload("hello");
  item.mutable_create_time()->set_seconds(1773536523);
  item.mutable_due_date()->set_year(2026);
  item.mutable_due_date()->set_month(3);
  item.mutable_due_date()->set_day(15);
  item.add_kinds(v1::KIND_MAP);
  item.set_version(18446744073709551615ull);
  auto json = Echo().ResponseToJson(EchoMethod("GetItem"), item.SerializeAsString());
  ASSERT_TRUE(json.ok()) << json.status();
  // protobuf 3.21's printer (Envoy's too) puts a set well-known-type field after the others.
  EXPECT_EQ(*json,
            R"({"id":"7","title":"","count":"12","rank":0,"active":false,"kind":"KIND_BOOK",)"
            R"("score":0,"payload":"aGVsbG8=","dueDate":{"year":2026,"month":3,"day":15},)"
            R"("tags":[],"kinds":["KIND_MAP"],"version":"18446744073709551615","ratio":0,)"
            R"("labels":{},"createTime":"2026-03-15T01:02:03Z"})");
}

TEST(ResponseToJson, EmptyResponsePrintsEveryDefault) {
  auto json = Echo().ResponseToJson(EchoMethod("ListItems"), "");
  ASSERT_TRUE(json.ok()) << json.status();
  EXPECT_EQ(*json, R"({"items":[],"nextPageToken":""})");
}

TEST(ResponseToJson, EmptyMessageType) {
  auto json = Echo().ResponseToJson(EchoMethod("DeleteItem"), "");
  ASSERT_TRUE(json.ok()) << json.status();
  EXPECT_EQ(*json, "{}");
}

TEST(ResponseToJson, NestedMessagesMapsAndUnknownEnumNumbers) {
  v1::EchoResponse r;
  r.set_message("h\xc3\xa9\"");
  (*r.mutable_children())["c"].set_name("n");
  r.add_items()->set_id("a");
  r.set_kind(static_cast<v1::Kind>(9));
  auto json = Echo().ResponseToJson(EchoMethod("Echo"), r.SerializeAsString());
  ASSERT_TRUE(json.ok()) << json.status();
  EXPECT_EQ(
      *json,
      "{\"message\":\"h\xc3\xa9\\\"\",\"items\":[{\"id\":\"a\",\"title\":\"\",\"count\":\"0\","
      "\"rank\":0,\"active\":false,\"kind\":\"KIND_UNSPECIFIED\",\"score\":0,\"payload\":\"\","
      "\"tags\":[],\"kinds\":[],\"version\":\"0\",\"ratio\":0,\"labels\":{}}],"
      "\"children\":{\"c\":{\"name\":\"n\",\"age\":0}},\"big\":\"0\",\"kind\":9}");
}

TEST(ResponseToJson, BytesThatDoNotParseAreAnInternalError) {
  // due_date holding a truncated varint. (protobuf's converter, like Envoy's, passes over some
  // damage at the top level; a broken nested message it reports.)
  auto json = Echo().ResponseToJson(EchoMethod("GetItem"), "\x52\x03\x08\x01\x99");
  ASSERT_FALSE(json.ok());
  EXPECT_EQ(json.status().code(), absl::StatusCode::kInternal);
  EXPECT_THAT(json.status().message(),
              ::testing::HasSubstr("response of ekinerja.gwtest.v1.EchoService.GetItem"));
}

TEST(ResponseToJson, MalformedBytesAreRefusedBeforeTheConverterSeesThem) {
  // Found by transcode_request_fuzz: these 158 bytes, read as an Item, made protobuf 3.21's
  // BinaryToJsonString allocate gigabytes.
  const std::string bytes(
      "{\"title\":\"A\",\"count\":\"12\",\"kind\":\"KIND_BOOK\",\"createTime\":"
      "\"2026-03-15T01:02:03Z\",\"dueDate\":{\"year\":2026,\"mo\x01\x00\x00\x01nth\":3,"
      "\"day\":15},\"tags\":[\"x\"],\"labels\":{\"k\":\"v\"},\"payload\":\"aGk=\"}",
      158);
  auto json = Echo().ResponseToJson(EchoMethod("GetItem"), bytes);
  ASSERT_FALSE(json.ok());
  EXPECT_EQ(json.status().code(), absl::StatusCode::kInternal);
  EXPECT_EQ(json.status().message(),
            "response of ekinerja.gwtest.v1.EchoService.GetItem does not transcode: not a "
            "serialized ekinerja.gwtest.v1.Item");
}

TEST(ResponseToJson, UnknownFieldsAreLeftOut) {
  v1::Child child;
  child.set_name("n");
  std::string bytes = child.SerializeAsString();
  bytes += std::string("\xa0\x06\x07", 3);  // field 100, varint 7
  auto json = Echo().ResponseToJson(EchoMethod("GetChild"), bytes);
  ASSERT_TRUE(json.ok()) << json.status();
  EXPECT_EQ(*json, R"({"name":"n","age":0})");
}

TEST(ResponseToJson, StringThatIsNotUtf8IsAnInternalError) {
  v1::Child child;
  const std::string bytes("\x0a\x02\xff\xfe", 4);  // name: two bytes that are not UTF-8
  auto json = Echo().ResponseToJson(EchoMethod("GetChild"), bytes);
  ASSERT_FALSE(json.ok());
  EXPECT_EQ(json.status().code(), absl::StatusCode::kInternal);
}

TEST(StatusToJson, BadRequestDetailsFromTheTrailer) {
  google::rpc::Status status;
  status.set_code(3);
  status.set_message("invalid request");
  google::rpc::BadRequest bad;
  auto* v = bad.add_field_violations();
  v->set_field("employee.nip");
  v->set_description("must be 18 digits");
  v = bad.add_field_violations();
  v->set_field("employee.name");
  v->set_description("required");
  status.add_details()->PackFrom(bad);
  EXPECT_EQ(Echo().StatusToJson(grpc::StatusCode::INVALID_ARGUMENT, "invalid request",
                                status.SerializeAsString()),
            R"({"code":3,"message":"invalid request","details":[{"@type":)"
            R"("type.googleapis.com/google.rpc.BadRequest","fieldViolations":[)"
            R"({"field":"employee.nip","description":"must be 18 digits"},)"
            R"({"field":"employee.name","description":"required"}]}]})");
}

TEST(StatusToJson, WhatTheServicesSendThroughToGrpcStatus) {
  Violations v;
  v.Add("nip", "must be 18 digits");
  const grpc::Status sent = ToGrpcStatus(v.ToStatus());
  EXPECT_EQ(Echo().StatusToJson(sent.error_code(), sent.error_message(), sent.error_details()),
            R"({"code":3,"message":"invalid request: nip: must be 18 digits","details":[)"
            R"({"@type":"type.googleapis.com/google.rpc.BadRequest","fieldViolations":[)"
            R"({"field":"nip","description":"must be 18 digits"}]}]})");
}

TEST(StatusToJson, WithoutTrailerFromCodeAndMessage) {
  EXPECT_EQ(Echo().StatusToJson(grpc::StatusCode::NOT_FOUND, "employee 1967 not found", ""),
            R"({"code":5,"message":"employee 1967 not found","details":[]})");
  EXPECT_EQ(Echo().StatusToJson(grpc::StatusCode::UNAVAILABLE, "", ""),
            R"({"code":14,"message":"","details":[]})");
}

TEST(StatusToJson, MessageIsEscaped) {
  EXPECT_EQ(Echo().StatusToJson(grpc::StatusCode::FAILED_PRECONDITION,
                                "bulan \"Maret\" terkunci\n\xc3\xa9", ""),
            "{\"code\":9,\"message\":\"bulan \\\"Maret\\\" terkunci\\n\xc3\xa9\",\"details\":[]}");
}

TEST(StatusToJson, MessageBytesThatAreNotUtf8BecomeReplacementCharacters) {
  EXPECT_EQ(Echo().StatusToJson(grpc::StatusCode::UNKNOWN,
                                std::string("a\xff b\xc3 \xed\xa0\x80 \xc3\xa9", 12), ""),
            "{\"code\":2,\"message\":\"a\xef\xbf\xbd b\xef\xbf\xbd "
            "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd \xc3\xa9\",\"details\":[]}");
}

TEST(StatusToJson, DetailThatDoesNotParseIsLeftOut) {
  google::rpc::Status status;
  status.set_code(3);
  status.set_message("invalid request");
  auto* any = status.add_details();
  any->set_type_url("type.googleapis.com/google.rpc.BadRequest");
  any->set_value(
      "\x0a\x05"
      "ab");  // a field violation cut short
  google::rpc::RequestInfo info;
  info.set_request_id("r-1");
  status.add_details()->PackFrom(info);
  EXPECT_EQ(Echo().StatusToJson(grpc::StatusCode::INVALID_ARGUMENT, "invalid request",
                                status.SerializeAsString()),
            R"({"code":3,"message":"invalid request","details":[)"
            R"({"@type":"type.googleapis.com/google.rpc.RequestInfo","requestId":"r-1",)"
            R"("servingData":""}]})");
}

TEST(StatusToJson, TrailerWinsOverCodeAndMessage) {
  // Envoy prints the google.rpc.Status of grpc-status-details-bin as it is.
  google::rpc::Status status;
  status.set_code(7);
  status.set_message("from the trailer");
  EXPECT_EQ(Echo().StatusToJson(grpc::StatusCode::INVALID_ARGUMENT, "from grpc-message",
                                status.SerializeAsString()),
            R"({"code":7,"message":"from the trailer","details":[]})");
}

TEST(StatusToJson, TrailerThatDoesNotParseFallsBackToCodeAndMessage) {
  EXPECT_EQ(Echo().StatusToJson(grpc::StatusCode::INTERNAL, "boom", "\xff\xff\xff"),
            R"({"code":13,"message":"boom","details":[]})");
}

TEST(StatusToJson, DetailOfAnUnknownTypeIsLeftOut) {
  google::rpc::Status status;
  status.set_code(9);
  status.set_message("locked");
  auto* any = status.add_details();
  any->set_type_url("type.googleapis.com/example.Unknown");
  any->set_value("\x08\x01");
  EXPECT_EQ(Echo().StatusToJson(grpc::StatusCode::FAILED_PRECONDITION, "locked",
                                status.SerializeAsString()),
            R"({"code":9,"message":"locked","details":[]})");
}

TEST(StatusToJson, OtherErrorDetailTypes) {
  google::rpc::Status status;
  status.set_code(8);
  status.set_message("slow down");
  google::rpc::RetryInfo retry;
  retry.mutable_retry_delay()->set_seconds(30);
  status.add_details()->PackFrom(retry);
  google::rpc::RequestInfo info;
  info.set_request_id("r-1");
  status.add_details()->PackFrom(info);
  EXPECT_EQ(Echo().StatusToJson(grpc::StatusCode::RESOURCE_EXHAUSTED, "slow down",
                                status.SerializeAsString()),
            R"({"code":8,"message":"slow down","details":[)"
            R"({"@type":"type.googleapis.com/google.rpc.RetryInfo","retryDelay":"30s"},)"
            R"({"@type":"type.googleapis.com/google.rpc.RequestInfo","requestId":"r-1",)"
            R"("servingData":""}]})");
}

TEST(HttpBody, OnlyMethodsAnsweringHttpBodyAreSentRaw) {
  // The payroll file of the scoring service answers google.api.HttpBody; JSON answers do not.
  auto payroll = Suite().ToGrpc("GET", "/v1/tppRuns/42/payroll.csv", "", "");
  ASSERT_TRUE(payroll.ok()) << payroll.status();
  EXPECT_EQ(payroll->grpc_path, "/ekinerja.scoring.v1.ScoringService/ExportPayroll");
  EXPECT_TRUE(ReturnsHttpBody(*payroll->method));
  EXPECT_FALSE(ReturnsHttpBody(EchoMethod("GetItem")));
}

TEST(HttpBody, BytesAndContentTypeAsTheUpstreamSetThem) {
  google::api::HttpBody body;
  body.set_content_type("text/csv; charset=utf-8");
  body.set_data("nip,netto\r\n199001012015011001,2886697\r\n");
  absl::StatusOr<RawResponse> raw = HttpBodyOf(body.SerializeAsString());
  ASSERT_TRUE(raw.ok()) << raw.status();
  EXPECT_EQ(raw->content_type, "text/csv; charset=utf-8");
  EXPECT_EQ(raw->body, "nip,netto\r\n199001012015011001,2886697\r\n");

  body.clear_content_type();
  raw = HttpBodyOf(body.SerializeAsString());
  ASSERT_TRUE(raw.ok());
  EXPECT_EQ(raw->content_type, "application/octet-stream");

  EXPECT_EQ(HttpBodyOf("\xff\xff\xff").status().code(), absl::StatusCode::kInternal);
}

}  // namespace
}  // namespace ekinerja::gateway
