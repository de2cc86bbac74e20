#include "transcode/json_scan.h"

#include "gtest/gtest.h"

namespace ekinerja::gateway {
namespace {

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

}  // namespace
}  // namespace ekinerja::gateway
