// libFuzzer: google.api.http path templates. Input: a template, '\n', a request path, and
// optionally '\n' and a verb the routes know. Parsing never crashes; a template that parses keeps
// its invariants, parses again to the same shape, and matching binds one value per variable.

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "transcode/path_template.h"

namespace {

using ekinerja::gateway::PathTemplate;
using ekinerja::gateway::PercentDecode;
using ekinerja::gateway::SplitRequestPath;
using ekinerja::gateway::Unescape;

void Check(bool ok) {
  if (!ok) __builtin_trap();
}

void CheckTemplate(const PathTemplate& t) {
  const int n = static_cast<int>(t.segments().size());
  for (int i = 0; i < n; ++i) {
    const auto& s = t.segments()[i];
    Check(s.kind != PathTemplate::Kind::kMulti || i == n - 1);
    Check((s.kind == PathTemplate::Kind::kLiteral) == !s.literal.empty());
  }
  for (const auto& v : t.variables()) {
    Check(!v.field_path.empty());
    Check(0 <= v.begin && v.begin < v.end && v.end <= n);
  }
  auto again = PathTemplate::Parse(t.text());
  Check(again.ok() && again->SameShape(t) && again->variables().size() == t.variables().size());
  Check(PathTemplate::ComparePrecedence(t, t) == 0);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string input(reinterpret_cast<const char*>(data), size);
  const size_t first = input.find('\n');
  const std::string text = input.substr(0, first);
  std::string path = first == std::string::npos ? "" : input.substr(first + 1);
  absl::flat_hash_set<std::string> verbs;
  if (const size_t second = path.find('\n'); second != std::string::npos) {
    verbs.insert(path.substr(second + 1));
    path.resize(second);
  }

  for (const Unescape mode : {Unescape::kAll, Unescape::kAllExceptReserved}) {
    Check(PercentDecode(path, mode, true).size() <= path.size());
  }
  const auto request = SplitRequestPath(path, verbs);
  Check(request.verb.empty() || verbs.contains(request.verb));
  Check(request.segments.empty() || !request.segments.back().empty());

  auto t = PathTemplate::Parse(text);
  if (!t.ok()) return 0;
  CheckTemplate(*t);
  if (!t->verb().empty()) verbs.insert(t->verb());
  std::vector<std::string> values;
  if (t->Match(SplitRequestPath(path, verbs), &values)) {
    Check(values.size() == t->variables().size());
    Check(t->Match(SplitRequestPath(path, verbs), nullptr));
  }
  return 0;
}
