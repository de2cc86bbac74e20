#include "yaml.h"

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "text.h"

namespace ekinerja::envoy {
namespace {

// YAML 1.1 reads these (in any case) as bools or null; 1.2 some of them. Either way: quoted.
bool SpecialWord(absl::string_view s) {
  for (const char* w : {"y", "n", "yes", "no", "true", "false", "on", "off", "null"}) {
    if (absl::EqualsIgnoreCase(s, w)) return true;
  }
  return false;
}

void Indent(int n, std::string* out) { out->append(static_cast<size_t>(n), ' '); }

void Emit(const Yaml& node, int indent, std::string* out);

// What follows "key:" or "- " on the same line: " value\n" for a scalar or an empty
// collection, else a newline (the caller writes the block).
bool EmitInline(const Yaml& node, std::string* out) {
  switch (node.kind()) {
    case Yaml::Kind::kString:
      absl::StrAppend(out, " ", YamlScalar(node.scalar()), "\n");
      return true;
    case Yaml::Kind::kInt:
    case Yaml::Kind::kBool:
      absl::StrAppend(out, " ", node.scalar(), "\n");
      return true;
    case Yaml::Kind::kMap:
      if (node.entries().empty()) {
        out->append(" {}\n");
        return true;
      }
      break;
    case Yaml::Kind::kList:
      if (node.items().empty()) {
        out->append(" []\n");
        return true;
      }
      break;
  }
  out->append("\n");
  return false;
}

void EmitMap(const Yaml& node, int indent, std::string* out) {
  for (const auto& [key, value] : node.entries()) {
    Indent(indent, out);
    absl::StrAppend(out, YamlScalar(key), ":");
    if (EmitInline(value, out)) continue;
    // A list goes at its key's indentation ("key:\n- item"), as Envoy's examples write it.
    Emit(value, value.kind() == Yaml::Kind::kList ? indent : indent + 2, out);
  }
}

void EmitList(const Yaml& node, int indent, std::string* out) {
  for (const Yaml& item : node.items()) {
    Indent(indent, out);
    out->append("-");
    if (item.kind() != Yaml::Kind::kMap && item.kind() != Yaml::Kind::kList) {
      EmitInline(item, out);
      continue;
    }
    // A collection item starts on the dash's line: write it two columns in, then put the dash
    // over the first line's indentation.
    std::string block;
    if (EmitInline(item, &block)) {
      out->append(block);
      continue;
    }
    block.clear();
    Emit(item, indent + 2, &block);
    out->append(" ");
    out->append(block, static_cast<size_t>(indent + 2), std::string::npos);
  }
}

void Emit(const Yaml& node, int indent, std::string* out) {
  if (node.kind() == Yaml::Kind::kMap) {
    EmitMap(node, indent, out);
  } else if (node.kind() == Yaml::Kind::kList) {
    EmitList(node, indent, out);
  } else {
    Indent(indent, out);
    absl::StrAppend(
        out, node.kind() == Yaml::Kind::kString ? YamlScalar(node.scalar()) : node.scalar(), "\n");
  }
}

}  // namespace

Yaml Yaml::Str(std::string s) {
  Yaml y(Kind::kString);
  y.scalar_ = std::move(s);
  return y;
}

Yaml Yaml::Int(int64_t i) {
  Yaml y(Kind::kInt);
  y.scalar_ = absl::StrCat(i);
  return y;
}

Yaml Yaml::Bool(bool b) {
  Yaml y(Kind::kBool);
  y.scalar_ = b ? "true" : "false";
  return y;
}

const Yaml* Yaml::Find(absl::string_view key) const {
  for (const auto& [k, v] : entries_) {
    if (k == key) return &v;
  }
  return nullptr;
}

std::string YamlScalar(absl::string_view s) {
  bool plain =
      !s.empty() && (absl::ascii_isalpha(s[0]) || s[0] == '_' || s[0] == '/') && !SpecialWord(s);
  for (char c : s) {
    plain = plain && (absl::ascii_isalnum(c) || c == '_' || c == '.' || c == '/' || c == '-');
  }
  if (plain) return std::string(s);
  // A JSON string is a YAML double-quoted scalar (YAML 1.2 is a superset of JSON).
  return absl::StrCat("\"", JsonEscape(s), "\"");
}

std::string ToYaml(const Yaml& document, absl::string_view comment) {
  std::string out;
  if (!comment.empty()) {
    for (absl::string_view line : absl::StrSplit(comment, '\n')) {
      absl::StrAppend(&out, line.empty() ? "#" : absl::StrCat("# ", line), "\n");
    }
  }
  Emit(document, 0, &out);
  return out;
}

}  // namespace ekinerja::envoy
