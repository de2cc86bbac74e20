#pragma once

// google.api.http path templates (google/api/http.proto, "Path template syntax"): parsing, and
// matching a request path the way Envoy's grpc_json_transcoder (grpc-httpjson-transcoding's path
// matcher) does:
//
//   Template = "/" | "/" Segments [ Verb ] ;
//   Segments = Segment { "/" Segment } ;
//   Segment  = "*" | "**" | LITERAL | Variable ;
//   Variable = "{" FieldPath [ "=" Segments ] "}" ;
//   FieldPath = IDENT { "." IDENT } ;
//   Verb     = ":" LITERAL ;
//
// `**` may only be the last segment (inside a variable or not); `{x}` is `{x=*}`.

#include <string>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace ekinerja::gateway {

// A request path as the matcher sees it: the segments as sent (still percent-encoded) and the
// custom verb ("approve" of "/v1/items/7:approve"), "" when there is none.
struct RequestPath {
  std::vector<std::string> segments;
  std::string verb;
};

// Splits a raw request path (without the query) as Envoy's matcher does: the text after the last
// ':' that follows the last '/' is the verb when it is one of `known_verbs` (the verbs some
// template uses), otherwise it stays part of the last segment; then the path is split on '/'
// and trailing empty segments are dropped ("/v1/items/" is "/v1/items"). Percent-encoded
// characters are not decoded here, so "%2F" never splits a segment and "%3A" is never a verb.
RequestPath SplitRequestPath(absl::string_view path,
                             const absl::flat_hash_set<std::string>& known_verbs);

// Which percent-escapes PercentDecode turns back into characters.
enum class Unescape {
  kAll,
  // RFC 6570 reserved characters (`!#$&'()*+,/:;=?@[]`) stay encoded: how Envoy decodes a
  // variable that spans several segments (its default url_unescape_spec,
  // ALL_CHARACTERS_EXCEPT_RESERVED), so "%2F" inside `{path=**}` is not confused with '/'.
  kAllExceptReserved,
};

// Decodes %XX escapes (either hex case); a '%' not followed by two hex digits is kept as is.
// With `plus_as_space`, '+' is a space (HTML forms; query values only).
std::string PercentDecode(absl::string_view in, Unescape mode, bool plus_as_space);

class PathTemplate {
 public:
  enum class Kind { kLiteral, kSingle /* * */, kMulti /* ** */ };
  struct Segment {
    Kind kind = Kind::kLiteral;
    std::string literal;  // kLiteral only, as written (matched against the raw request segment)
  };
  // A variable covers segments [begin, end) of segments().
  struct Variable {
    std::vector<std::string> field_path;  // {a.b.c} -> {"a", "b", "c"}
    int begin = 0;
    int end = 0;
  };

  // INVALID_ARGUMENT, saying what and where, for a template that does not follow the grammar.
  static absl::StatusOr<PathTemplate> Parse(absl::string_view text);

  const std::string& text() const { return text_; }
  const std::vector<Segment>& segments() const { return segments_; }
  const std::vector<Variable>& variables() const { return variables_; }
  const std::string& verb() const { return verb_; }

  // Whether `path` matches; if so `values` (when not null) gets one value per variables() entry.
  // A variable of one segment (`{x}`, `{x=*}`) is fully percent-decoded (so "a%2Fb" binds
  // "a/b"); a variable that can span several (`{x=**}`, `{x=a/*}`) keeps the reserved characters
  // encoded (Unescape::kAllExceptReserved) and joins its segments with '/'. Literal segments and
  // the verb compare with the raw request text.
  bool Match(const RequestPath& path, std::vector<std::string>* values) const;

  // Envoy's precedence between templates that match the same path: segment by segment from the
  // left, a literal beats `*`, which beats `**`; when one template's segments are a prefix of
  // the other's, the shorter one wins (its trailing `**` would match nothing). Negative when
  // `a` wins, positive when `b` wins, 0 when they have the same shape.
  static int ComparePrecedence(const PathTemplate& a, const PathTemplate& b);

  // Same segments (kinds and literals) and verb: the two templates match exactly the same paths.
  bool SameShape(const PathTemplate& other) const;

 private:
  std::string text_;
  std::vector<Segment> segments_;
  std::vector<Variable> variables_;
  std::string verb_;
};

}  // namespace ekinerja::gateway
