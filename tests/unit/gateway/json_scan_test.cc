#include "transcode/json_scan.h"

#include "gtest/gtest.h"
#include "gwtest/v1/echo.pb.h"

namespace ekinerja::gateway {
namespace {

namespace v1 = ::ekinerja::gwtest::v1;

std::string Drop(absl::string_view json, bool* dropped) {
  auto out = DropUnknownFields(json, *v1::EchoRequest::descriptor(), dropped);
  EXPECT_TRUE(out.ok()) << json << ": " << out.status();
  return out.ok() ? *out : "";
}

TEST(IsSingleJsonValue, OneValueOfAnyKind) {
  for (const char* ok : {"{}", " [1, 2] ", "\"a,b\"", "'single'", "12.5e3", "true", "null",
                         R"({"a":{"b":[1,{"c":"}"}]}})", R"({a:1,})", "[1,]", "\"\\\"\""}) {
    EXPECT_TRUE(IsSingleJsonValue(ok)) << ok;
  }
}

TEST(IsSingleJsonValue, RejectsNoneOrSeveralOrBroken) {
  for (const char* bad :
       {"", "  ", "1 2", R"("a", "b")", R"(["a"], "id": "x")", "{", "[1", R"({"a" 1})", R"({"a":})",
        "\"open", "}", "{\"a\":1}}", "[,]", "{,}", "\"\\u12\""}) {
    EXPECT_FALSE(IsSingleJsonValue(bad)) << bad;
  }
}

TEST(IsSingleJsonValue, DeepNestingIsRefused) {
  EXPECT_TRUE(IsSingleJsonValue(std::string(100, '[') + std::string(100, ']')));
  EXPECT_FALSE(IsSingleJsonValue(std::string(100000, '[') + std::string(100000, ']')));
}

TEST(DropUnknownFields, KeepsKnownMembersAsWritten) {
  bool dropped = true;
  EXPECT_EQ(Drop(R"( {"message" : "x",'big':9007199254740993,kind:1} )", &dropped),
            R"({"message":"x",'big':9007199254740993,kind:1})");
  EXPECT_FALSE(dropped);
}

TEST(DropUnknownFields, DropsUnknownMembersAtEveryDepth) {
  bool dropped = false;
  EXPECT_EQ(
      Drop(R"({"x":{"y":[1,"]"]},"message":"m","item":{"id":"a","q":1,"owner":{"z":2,"name":"n"}},)"
           R"("items":[{"id":"b","w":[]},null,{"v":1}],"children":{"k":{"name":"c","u":1}},"t":1})",
           &dropped),
      R"({"message":"m","item":{"id":"a","owner":{"name":"n"}},"items":[{"id":"b"},null,{}],)"
      R"("children":{"k":{"name":"c"}}})");
  EXPECT_TRUE(dropped);
}

TEST(DropUnknownFields, MatchesProtoAndJsonNamesAndEscapedKeys) {
  bool dropped = false;
  EXPECT_EQ(
      Drop(R"({"item":{"due_date":{},"dueDate":{},"create\u0054ime":"t","Due_Date":1}})", &dropped),
      R"({"item":{"due_date":{},"dueDate":{},"create\u0054ime":"t"}})");
  EXPECT_TRUE(dropped);
}

TEST(DropUnknownFields, WellKnownTypesAreCopiedWhole) {
  bool dropped = false;
  EXPECT_EQ(Drop(R"({"item":{"createTime":{"weird":1},"labels":{"a":"b"}}})", &dropped),
            R"({"item":{"createTime":{"weird":1},"labels":{"a":"b"}}})");
  EXPECT_FALSE(dropped);
}

TEST(DropUnknownFields, EmptyObjectAfterDropping) {
  bool dropped = false;
  EXPECT_EQ(Drop(R"({"a":1,"b":2,})", &dropped), "{}");
  EXPECT_TRUE(dropped);
}

TEST(DropUnknownFields, MalformedIsAnError) {
  bool dropped = false;
  for (const char* bad : {R"({"a":)", R"({"message":"x"} y)", R"({"message" "x"})", "{"}) {
    EXPECT_FALSE(DropUnknownFields(bad, *v1::EchoRequest::descriptor(), &dropped).ok()) << bad;
  }
}

}  // namespace
}  // namespace ekinerja::gateway
