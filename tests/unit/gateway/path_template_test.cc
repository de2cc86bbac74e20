#include "transcode/path_template.h"

#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace ekinerja::gateway {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using Kind = PathTemplate::Kind;

PathTemplate MustParse(absl::string_view text) {
  auto t = PathTemplate::Parse(text);
  EXPECT_TRUE(t.ok()) << text << ": " << t.status();
  return t.ok() ? *std::move(t) : PathTemplate();
}

std::vector<Kind> Kinds(const PathTemplate& t) {
  std::vector<Kind> out;
  for (const auto& s : t.segments()) out.push_back(s.kind);
  return out;
}

std::vector<std::string> Literals(const PathTemplate& t) {
  std::vector<std::string> out;
  for (const auto& s : t.segments()) out.push_back(s.literal);
  return out;
}

RequestPath Split(absl::string_view path, absl::flat_hash_set<std::string> verbs = {}) {
  return SplitRequestPath(path, verbs);
}

// Match with the verbs the template itself uses known, as a route table would.
std::optional<std::vector<std::string>> MatchPath(const PathTemplate& t, absl::string_view path) {
  absl::flat_hash_set<std::string> verbs;
  if (!t.verb().empty()) verbs.insert(t.verb());
  std::vector<std::string> values;
  if (!t.Match(SplitRequestPath(path, verbs), &values)) return std::nullopt;
  return values;
}

// --- parsing -------------------------------------------------------------------------------

TEST(PathTemplateParse, LiteralSegments) {
  const PathTemplate t = MustParse("/v1/employees");
  EXPECT_THAT(Kinds(t), ElementsAre(Kind::kLiteral, Kind::kLiteral));
  EXPECT_THAT(Literals(t), ElementsAre("v1", "employees"));
  EXPECT_TRUE(t.variables().empty());
  EXPECT_EQ(t.verb(), "");
  EXPECT_EQ(t.text(), "/v1/employees");
}

TEST(PathTemplateParse, RootIsNoSegments) {
  const PathTemplate t = MustParse("/");
  EXPECT_TRUE(t.segments().empty());
  EXPECT_TRUE(t.variables().empty());
}

TEST(PathTemplateParse, BareWildcards) {
  const PathTemplate t = MustParse("/v1/*/x/**");
  EXPECT_THAT(Kinds(t), ElementsAre(Kind::kLiteral, Kind::kSingle, Kind::kLiteral, Kind::kMulti));
  EXPECT_TRUE(t.variables().empty());
}

TEST(PathTemplateParse, VariableIsOneSegmentByDefault) {
  const PathTemplate t = MustParse("/v1/employees/{nip}");
  EXPECT_THAT(Kinds(t), ElementsAre(Kind::kLiteral, Kind::kLiteral, Kind::kSingle));
  ASSERT_EQ(t.variables().size(), 1u);
  EXPECT_THAT(t.variables()[0].field_path, ElementsAre("nip"));
  EXPECT_EQ(t.variables()[0].begin, 2);
  EXPECT_EQ(t.variables()[0].end, 3);
}

TEST(PathTemplateParse, ExplicitSingleWildcardVariable) {
  const PathTemplate t = MustParse("/v1/employees/{nip=*}");
  EXPECT_THAT(Kinds(t), ElementsAre(Kind::kLiteral, Kind::kLiteral, Kind::kSingle));
  ASSERT_EQ(t.variables().size(), 1u);
  EXPECT_EQ(t.variables()[0].begin, 2);
  EXPECT_EQ(t.variables()[0].end, 3);
}

TEST(PathTemplateParse, MultiSegmentVariable) {
  const PathTemplate t = MustParse("/v1/files/{path=**}");
  EXPECT_THAT(Kinds(t), ElementsAre(Kind::kLiteral, Kind::kLiteral, Kind::kMulti));
  ASSERT_EQ(t.variables().size(), 1u);
  EXPECT_THAT(t.variables()[0].field_path, ElementsAre("path"));
  EXPECT_EQ(t.variables()[0].begin, 2);
  EXPECT_EQ(t.variables()[0].end, 3);
}

TEST(PathTemplateParse, VariableWithLiteralsAndWildcards) {
  const PathTemplate t = MustParse("/v1/{name=shelves/*/books/*}");
  EXPECT_THAT(Kinds(t), ElementsAre(Kind::kLiteral, Kind::kLiteral, Kind::kSingle, Kind::kLiteral,
                                    Kind::kSingle));
  EXPECT_THAT(Literals(t), ElementsAre("v1", "shelves", "", "books", ""));
  ASSERT_EQ(t.variables().size(), 1u);
  EXPECT_EQ(t.variables()[0].begin, 1);
  EXPECT_EQ(t.variables()[0].end, 5);
}

TEST(PathTemplateParse, NestedFieldPath) {
  const PathTemplate t = MustParse("/v1/parents/{parent.label}/children/{parent.child.name}");
  ASSERT_EQ(t.variables().size(), 2u);
  EXPECT_THAT(t.variables()[0].field_path, ElementsAre("parent", "label"));
  EXPECT_THAT(t.variables()[1].field_path, ElementsAre("parent", "child", "name"));
  EXPECT_EQ(t.variables()[1].begin, 4);
}

TEST(PathTemplateParse, CustomVerbAfterLiteral) {
  const PathTemplate t = MustParse("/v1/auth:login");
  EXPECT_THAT(Literals(t), ElementsAre("v1", "auth"));
  EXPECT_EQ(t.verb(), "login");
}

TEST(PathTemplateParse, CustomVerbAfterVariable) {
  const PathTemplate t = MustParse("/v1/employees/{nip}:approve");
  EXPECT_THAT(Kinds(t), ElementsAre(Kind::kLiteral, Kind::kLiteral, Kind::kSingle));
  EXPECT_EQ(t.verb(), "approve");
}

TEST(PathTemplateParse, CustomVerbAfterMultiSegmentVariable) {
  const PathTemplate t = MustParse("/v1/{name=**}:get");
  EXPECT_THAT(Kinds(t), ElementsAre(Kind::kLiteral, Kind::kMulti));
  EXPECT_EQ(t.verb(), "get");
}

TEST(PathTemplateParse, LiteralsKeepPercentEscapesAndSubDelims) {
  const PathTemplate t = MustParse("/v1/a%20b/x-y_z.~!$&'()+,;=@");
  EXPECT_THAT(Literals(t), ElementsAre("v1", "a%20b", "x-y_z.~!$&'()+,;=@"));
}

TEST(PathTemplateParse, DoubleWildcardOnlyAsTheLastSegment) {
  for (const char* bad :
       {"/v1/**/x", "/**/a", "/v1/{path=**}/x", "/v1/{a=**/b}", "/**/**", "/v1/{path=**}/{id}"}) {
    const auto t = PathTemplate::Parse(bad);
    ASSERT_FALSE(t.ok()) << bad;
    EXPECT_EQ(t.status().code(), absl::StatusCode::kInvalidArgument);
    EXPECT_THAT(t.status().message(), HasSubstr("'**' must be the last segment")) << bad;
  }
}

TEST(PathTemplateParse, RejectsMalformedTemplates) {
  struct Case {
    const char* text;
    const char* error;
  };
  for (const Case& c : std::vector<Case>{
           {"", "must start with '/'"},
           {"v1/items", "must start with '/'"},
           {"/v1/items/", "empty segment at offset 10"},
           {"/v1//items", "empty segment at offset 4"},
           {"/v1/{id", "expected '}' at offset 7"},
           {"/v1/{}", "expected a field name at offset 5"},
           {"/v1/{=*}", "expected a field name at offset 5"},
           {"/v1/{a.}", "expected a field name at offset 7"},
           {"/v1/{a..b}", "expected a field name at offset 7"},
           {"/v1/{1a}", "expected a field name at offset 5"},
           {"/v1/{a-b}", "expected '}' at offset 6"},
           {"/v1/{a=}", "empty segment at offset 7"},
           {"/v1/{a={b}}", "a variable inside a variable at offset 7"},
           {"/v1/{a}/{a}", "field \"a\" is bound twice"},
           {"/v1/{a.b}/x/{a.b=*}", "field \"a.b\" is bound twice"},
           {"/v1/a*", "character '*' in a literal segment at offset 5"},
           {"/v1/*a", "a wildcard must be a whole segment at offset 5"},
           {"/v1/***", "a wildcard must be a whole segment at offset 6"},
           {"/v1/a b", "character ' ' in a literal segment at offset 5"},
           {"/v1/a?b", "character '?' in a literal segment"},
           {"/v1/a#b", "character '#' in a literal segment"},
           {"/v1/a%2", "'%' not followed by two hex digits in a literal segment"},
           {"/v1/a%zz", "'%' not followed by two hex digits"},
           {"/v1/x:", "empty verb at offset 6"},
           {"/v1/x:a:b", "unexpected ':' at offset 7"},
           {"/v1/x:a/b", "unexpected '/' at offset 7"},
           {"/v1/x:{a}", "character '{' in a verb"},
           {"/v1/a:b/c", "unexpected '/' at offset 7"},
           {"/v1/a}", "unexpected '}' at offset 5"},
           {"/v1/a{b}", "character '{' in a literal segment at offset 5"},
           {"/:x", "empty segment at offset 1"},
           {"//", "empty segment at offset 1"},
       }) {
    const auto t = PathTemplate::Parse(c.text);
    ASSERT_FALSE(t.ok()) << c.text;
    EXPECT_EQ(t.status().code(), absl::StatusCode::kInvalidArgument) << c.text;
    EXPECT_THAT(t.status().message(), HasSubstr(c.error)) << c.text;
    EXPECT_THAT(t.status().message(), HasSubstr(absl::StrCat("\"", c.text, "\""))) << c.text;
  }
}

// --- splitting and decoding ------------------------------------------------------------------

TEST(SplitRequestPath, SplitsOnSlashAndDropsTrailingEmptySegments) {
  EXPECT_THAT(Split("/v1/items").segments, ElementsAre("v1", "items"));
  EXPECT_THAT(Split("/v1/items/").segments, ElementsAre("v1", "items"));
  EXPECT_THAT(Split("/v1/items//").segments, ElementsAre("v1", "items"));
  EXPECT_THAT(Split("/v1//items").segments, ElementsAre("v1", "", "items"));
  EXPECT_TRUE(Split("/").segments.empty());
  EXPECT_TRUE(Split("").segments.empty());
}

TEST(SplitRequestPath, EncodedSlashDoesNotSplit) {
  EXPECT_THAT(Split("/v1/items/a%2Fb").segments, ElementsAre("v1", "items", "a%2Fb"));
}

TEST(SplitRequestPath, KnownVerbAfterTheLastColonOfTheLastSegment) {
  const RequestPath p = Split("/v1/items/a:b:approve", {"approve"});
  EXPECT_THAT(p.segments, ElementsAre("v1", "items", "a:b"));
  EXPECT_EQ(p.verb, "approve");
}

TEST(SplitRequestPath, UnknownVerbStaysInTheSegment) {
  const RequestPath p = Split("/v1/items/a:reject", {"approve"});
  EXPECT_THAT(p.segments, ElementsAre("v1", "items", "a:reject"));
  EXPECT_EQ(p.verb, "");
}

TEST(SplitRequestPath, ColonBeforeTheLastSlashIsNoVerb) {
  const RequestPath p = Split("/v1/a:approve/b", {"approve"});
  EXPECT_THAT(p.segments, ElementsAre("v1", "a:approve", "b"));
  EXPECT_EQ(p.verb, "");
}

TEST(SplitRequestPath, EncodedColonIsNoVerb) {
  const RequestPath p = Split("/v1/items/a%3Aapprove", {"approve"});
  EXPECT_THAT(p.segments, ElementsAre("v1", "items", "a%3Aapprove"));
  EXPECT_EQ(p.verb, "");
}

TEST(PercentDecode, DecodesEscapesOfEitherCase) {
  EXPECT_EQ(PercentDecode("a%20b%2fc%2Fd%e2%82%AC", Unescape::kAll, false), "a b/c/d\xe2\x82\xac");
}

TEST(PercentDecode, KeepsIncompleteOrInvalidEscapes) {
  EXPECT_EQ(PercentDecode("100%", Unescape::kAll, false), "100%");
  EXPECT_EQ(PercentDecode("%4", Unescape::kAll, false), "%4");
  EXPECT_EQ(PercentDecode("%zz%4g", Unescape::kAll, false), "%zz%4g");
  EXPECT_EQ(PercentDecode("%%41", Unescape::kAll, false), "%A");
}

TEST(PercentDecode, PlusIsASpaceOnlyWhenAsked) {
  EXPECT_EQ(PercentDecode("a+b%2B", Unescape::kAll, true), "a b+");
  EXPECT_EQ(PercentDecode("a+b", Unescape::kAll, false), "a+b");
}

TEST(PercentDecode, ReservedCharactersStayEncodedWhenAsked) {
  EXPECT_EQ(PercentDecode("%2F%3A%3F%23%5B%5D%40%21%24%26%27%28%29%2A%2B%2C%3B%3D",
                          Unescape::kAllExceptReserved, false),
            "%2F%3A%3F%23%5B%5D%40%21%24%26%27%28%29%2A%2B%2C%3B%3D");
  EXPECT_EQ(PercentDecode("a%20b%7E%2f", Unescape::kAllExceptReserved, false), "a b~%2f");
}

// --- matching --------------------------------------------------------------------------------

TEST(PathTemplateMatch, LiteralsMustBeEqual) {
  const PathTemplate t = MustParse("/v1/employees");
  EXPECT_TRUE(MatchPath(t, "/v1/employees"));
  EXPECT_TRUE(MatchPath(t, "/v1/employees/"));
  EXPECT_FALSE(MatchPath(t, "/v1/Employees"));
  EXPECT_FALSE(MatchPath(t, "/v1/employees/x"));
  EXPECT_FALSE(MatchPath(t, "/v1"));
  // Literals compare with the raw segment, as Envoy's matcher does.
  EXPECT_FALSE(MatchPath(t, "/v1/%65mployees"));
}

TEST(PathTemplateMatch, RootMatchesOnlyTheRoot) {
  const PathTemplate t = MustParse("/");
  EXPECT_TRUE(MatchPath(t, "/"));
  EXPECT_FALSE(MatchPath(t, "/x"));
}

TEST(PathTemplateMatch, SingleVariableBindsOneSegment) {
  const PathTemplate t = MustParse("/v1/employees/{nip}");
  EXPECT_THAT(*MatchPath(t, "/v1/employees/196702271998032003"), ElementsAre("196702271998032003"));
  EXPECT_FALSE(MatchPath(t, "/v1/employees"));
  EXPECT_FALSE(MatchPath(t, "/v1/employees/a/b"));
}

TEST(PathTemplateMatch, SingleVariableIsFullyDecodedAndKeepsAnEncodedSlash) {
  const PathTemplate t = MustParse("/v1/items/{id}");
  EXPECT_THAT(*MatchPath(t, "/v1/items/a%2Fb"), ElementsAre("a/b"));
  EXPECT_THAT(*MatchPath(t, "/v1/items/a%20b%3Ac%2Bd+e"), ElementsAre("a b:c+d+e"));
  EXPECT_THAT(*MatchPath(t, "/v1/items/caf%C3%A9"), ElementsAre("caf\xc3\xa9"));
}

TEST(PathTemplateMatch, EmptySegmentBindsEmptyValue) {
  const PathTemplate t = MustParse("/v1/items/{id}/tags");
  EXPECT_THAT(*MatchPath(t, "/v1/items//tags"), ElementsAre(""));
}

TEST(PathTemplateMatch, NestedVariables) {
  const PathTemplate t = MustParse("/v1/parents/{parent.label}/children/{parent.child.name}");
  EXPECT_THAT(*MatchPath(t, "/v1/parents/p1/children/c%201"), ElementsAre("p1", "c 1"));
}

TEST(PathTemplateMatch, MultiSegmentVariableTakesTheRestAndKeepsReservedEncoded) {
  const PathTemplate t = MustParse("/v1/files/{path=**}");
  EXPECT_THAT(*MatchPath(t, "/v1/files/a/b/c.txt"), ElementsAre("a/b/c.txt"));
  EXPECT_THAT(*MatchPath(t, "/v1/files/a%2Fb/c%20d"), ElementsAre("a%2Fb/c d"));
  EXPECT_THAT(*MatchPath(t, "/v1/files/one"), ElementsAre("one"));
  EXPECT_THAT(*MatchPath(t, "/v1/files/x%3Ay%2fz"), ElementsAre("x%3Ay%2fz"));
  // `**` matches zero segments too.
  EXPECT_THAT(*MatchPath(t, "/v1/files"), ElementsAre(""));
  EXPECT_FALSE(MatchPath(t, "/v1"));
}

TEST(PathTemplateMatch, VariableOverSeveralSegments) {
  const PathTemplate t = MustParse("/v1/{name=shelves/*/books/*}");
  EXPECT_THAT(*MatchPath(t, "/v1/shelves/s1/books/b%201"), ElementsAre("shelves/s1/books/b 1"));
  EXPECT_THAT(*MatchPath(t, "/v1/shelves/s%2F1/books/b"), ElementsAre("shelves/s%2F1/books/b"));
  EXPECT_FALSE(MatchPath(t, "/v1/shelves/s1/magazines/b1"));
  EXPECT_FALSE(MatchPath(t, "/v1/shelves/s1/books"));
}

TEST(PathTemplateMatch, VerbMustMatch) {
  const PathTemplate t = MustParse("/v1/items/{id}:approve");
  EXPECT_THAT(*MatchPath(t, "/v1/items/7:approve"), ElementsAre("7"));
  EXPECT_THAT(*MatchPath(t, "/v1/items/a:b:approve"), ElementsAre("a:b"));
  EXPECT_FALSE(MatchPath(t, "/v1/items/7"));
  EXPECT_FALSE(MatchPath(t, "/v1/items/7:reject"));
  EXPECT_FALSE(MatchPath(t, "/v1/items/7%3Aapprove"));

  const PathTemplate plain = MustParse("/v1/items/{id}");
  absl::flat_hash_set<std::string> verbs = {"approve"};
  EXPECT_FALSE(plain.Match(SplitRequestPath("/v1/items/7:approve", verbs), nullptr));
  std::vector<std::string> values;
  ASSERT_TRUE(plain.Match(SplitRequestPath("/v1/items/7:reject", verbs), &values));
  EXPECT_THAT(values, ElementsAre("7:reject"));
}

TEST(PathTemplateMatch, VerbAfterMultiSegmentVariable) {
  const PathTemplate t = MustParse("/v1/{name=**}:get");
  EXPECT_THAT(*MatchPath(t, "/v1/a/b:get"), ElementsAre("a/b"));
}

TEST(PathTemplateMatch, AnonymousWildcardsBindNothing) {
  const PathTemplate t = MustParse("/v1/*/x/**");
  EXPECT_THAT(*MatchPath(t, "/v1/a/x/b/c"), ElementsAre());
  EXPECT_FALSE(MatchPath(t, "/v1/a/y/b"));
}

// --- precedence between templates matching one path ------------------------------------------

int Precedence(absl::string_view a, absl::string_view b) {
  return PathTemplate::ComparePrecedence(MustParse(a), MustParse(b));
}

TEST(PathTemplatePrecedence, LiteralBeatsVariable) {
  EXPECT_LT(Precedence("/v1/items/special", "/v1/items/{id}"), 0);
  EXPECT_GT(Precedence("/v1/items/{id}", "/v1/items/special"), 0);
}

TEST(PathTemplatePrecedence, SingleWildcardBeatsDoubleWildcard) {
  EXPECT_LT(Precedence("/v1/files/{name}", "/v1/files/{path=**}"), 0);
}

TEST(PathTemplatePrecedence, LeftmostDifferenceDecides) {
  // /v1/a/b matches both; the literal in the second segment wins over the later literal.
  EXPECT_LT(Precedence("/v1/a/{x}", "/v1/{y}/b"), 0);
  EXPECT_LT(Precedence("/v1/*/x", "/v1/{path=**}"), 0);
}

TEST(PathTemplatePrecedence, TemplateEndingEarlierBeatsTrailingDoubleWildcard) {
  EXPECT_LT(Precedence("/v1/files", "/v1/files/{path=**}"), 0);
}

TEST(PathTemplatePrecedence, SameShapeIsAmbiguous) {
  EXPECT_EQ(Precedence("/v1/items/{id}", "/v1/items/{name}"), 0);
  EXPECT_TRUE(MustParse("/v1/items/{id}").SameShape(MustParse("/v1/items/{name=*}")));
  EXPECT_FALSE(MustParse("/v1/items/{id}").SameShape(MustParse("/v1/things/{id}")));
  EXPECT_FALSE(MustParse("/v1/items/{id}").SameShape(MustParse("/v1/items/{id}:approve")));
}

}  // namespace
}  // namespace ekinerja::gateway
