#include "transcode/request_builder.h"

#include <cstdint>
#include <utility>

#include "absl/status/status.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "google/protobuf/util/json_util.h"
#include "status.h"
#include "transcode/json_scan.h"
#include "transcode/path_template.h"

namespace ekinerja::gateway {
namespace {

namespace pb = google::protobuf;

// One value for one leaf field, from a path variable or a query parameter.
struct Binding {
  FieldPath fields;
  std::string value;
  std::string source;  // `path variable {a.b}` / `query parameter "a.b"`, for messages
};

// Bindings grouped by field, in first-seen order: a node is a leaf (values) or a message
// (children), never both.
struct Node {
  const pb::FieldDescriptor* field = nullptr;
  std::vector<const Binding*> values;
  std::vector<Node> children;
};

absl::Status Insert(Node& root, const Binding& b) {
  Node* node = &root;
  for (size_t i = 0; i < b.fields.size(); ++i) {
    Node* child = nullptr;
    for (Node& c : node->children) {
      if (c.field == b.fields[i]) child = &c;
    }
    if (child == nullptr) {
      node->children.push_back(Node{b.fields[i], {}, {}});
      child = &node->children.back();
    }
    const bool leaf = i + 1 == b.fields.size();
    if (leaf ? !child->children.empty() : !child->values.empty()) {
      return absl::InvalidArgumentError(absl::StrCat(
          b.source, ": \"", FieldPathName(FieldPath(b.fields.begin(), b.fields.begin() + i + 1)),
          "\" is set both as a value and through its fields"));
    }
    if (leaf) {
      // A singular field keeps the last value given, as Envoy's transcoder does.
      if (!child->field->is_repeated()) child->values.clear();
      child->values.push_back(&b);
    }
    node = child;
  }
  return absl::OkStatus();
}

void AppendJsonString(absl::string_view s, std::string* out) {
  static constexpr char kHex[] = "0123456789abcdef";
  out->push_back('"');
  for (const char c : s) {
    const auto u = static_cast<unsigned char>(c);
    if (c == '"' || c == '\\') {
      out->push_back('\\');
      out->push_back(c);
    } else if (u < 0x20) {
      out->append("\\u00");
      out->push_back(kHex[u >> 4]);
      out->push_back(kHex[u & 0xF]);
    } else {
      out->push_back(c);
    }
  }
  out->push_back('"');
}

// The bindings as one JSON object of strings: protobuf's JSON parser then converts each string
// to its field's type exactly as Envoy's (the same converter) renders binding values.
void AppendObject(const Node& node, std::string* out) {
  out->push_back('{');
  bool first = true;
  for (const Node& c : node.children) {
    if (!first) out->push_back(',');
    first = false;
    AppendJsonString(c.field->name(), out);
    out->push_back(':');
    if (!c.children.empty()) {
      AppendObject(c, out);
    } else if (c.field->is_repeated()) {
      out->push_back('[');
      for (size_t i = 0; i < c.values.size(); ++i) {
        if (i > 0) out->push_back(',');
        AppendJsonString(c.values[i]->value, out);
      }
      out->push_back(']');
    } else {
      AppendJsonString(c.values.back()->value, out);
    }
  }
  out->push_back('}');
}

// protobuf's messages end with the offending text and a caret on further lines; the first line
// says what is wrong.
std::string FirstLine(absl::string_view message) {
  message = message.substr(0, message.find('\n'));
  // A root-level error has an empty location: ": Root element must be a message."
  return std::string(absl::StripAsciiWhitespace(absl::StripPrefix(message, ":")));
}

// "(a.b): invalid value ..." -> "invalid value ...": the source already names the field.
std::string WithoutLocation(absl::string_view message) {
  std::string line = FirstLine(message);
  if (absl::StartsWith(line, "(")) {
    const size_t end = line.find("): ");
    if (end != std::string::npos) return line.substr(end + 3);
  }
  return line;
}

absl::StatusOr<std::string> ParseStrict(pb::util::TypeResolver& resolver,
                                        const pb::Descriptor& type, absl::string_view json) {
  pb::util::JsonParseOptions options;
  options.ignore_unknown_fields = false;
  std::string binary;
  const auto st = pb::util::JsonToBinaryString(&resolver, TypeUrl(type.full_name()),
                                               std::string(json), &binary, options);
  if (!st.ok()) return absl::InvalidArgumentError(std::string(st.message()));
  return binary;
}

absl::StatusOr<std::string> BindingsToBinary(pb::util::TypeResolver& resolver,
                                             const pb::Descriptor& type,
                                             const std::vector<Binding>& bindings) {
  if (bindings.empty()) return std::string();
  Node root;
  for (const Binding& b : bindings) EK_RETURN_IF_ERROR(Insert(root, b));
  std::string json;
  AppendObject(root, &json);
  auto binary = ParseStrict(resolver, type, json);
  if (binary.ok()) return binary;
  // Name the culprit: parse the bindings one at a time.
  for (const Binding& b : bindings) {
    Node one;
    EK_RETURN_IF_ERROR(Insert(one, b));
    std::string single;
    AppendObject(one, &single);
    auto st = ParseStrict(resolver, type, single);
    if (!st.ok()) {
      return absl::InvalidArgumentError(
          absl::StrCat(b.source, ": ", WithoutLocation(st.status().message())));
    }
  }
  return absl::InvalidArgumentError(FirstLine(binary.status().message()));
}

void AppendVarint(uint64_t v, std::string* out) {
  while (v >= 0x80) {
    out->push_back(static_cast<char>((v & 0x7F) | 0x80));
    v >>= 7;
  }
  out->push_back(static_cast<char>(v));
}

// `inner` as the length-delimited value of field `field` (a message field holding it).
std::string WrapInField(const pb::FieldDescriptor& field, const std::string& inner) {
  std::string out;
  AppendVarint((static_cast<uint64_t>(field.number()) << 3) | 2, &out);
  AppendVarint(inner.size(), &out);
  out += inner;
  return out;
}

bool IsPrefix(const FieldPath& a, const FieldPath& b) {
  if (a.size() > b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (a[i] != b[i]) return false;
  }
  return true;
}

// A query parameter name ("filter.kind", "updateMask") as a field path of `type`.
absl::StatusOr<FieldPath> ResolveQueryName(const pb::Descriptor& type, absl::string_view name,
                                           const std::string& source) {
  FieldPath path;
  const pb::Descriptor* current = &type;
  const std::vector<absl::string_view> parts = absl::StrSplit(name, '.');
  for (size_t i = 0; i < parts.size(); ++i) {
    const pb::FieldDescriptor* field = FindFieldByAnyName(*current, parts[i]);
    if (field == nullptr) {
      // Envoy's message (grpc-httpjson-transcoding TypeHelper::ResolveFieldPath).
      return absl::InvalidArgumentError(absl::StrCat(
          "Could not find field \"", parts[i], "\" in the type \"", current->full_name(), "\"."));
    }
    path.push_back(field);
    const bool message = field->cpp_type() == pb::FieldDescriptor::CPPTYPE_MESSAGE;
    if (field->is_map()) {
      return absl::InvalidArgumentError(
          absl::StrCat(source, ": map fields cannot be set from the query"));
    }
    if (message && field->is_repeated()) {
      return absl::InvalidArgumentError(
          absl::StrCat(source, ": repeated message fields cannot be set from the query"));
    }
    if (i + 1 < parts.size()) {
      if (!message) {
        return absl::InvalidArgumentError(absl::StrCat(source, ": \"", field->name(),
                                                       "\" is not a message, so it has no fields"));
      }
      current = field->message_type();
    } else if (message &&
               !absl::StartsWith(field->message_type()->full_name(), "google.protobuf.")) {
      return absl::InvalidArgumentError(absl::StrCat(
          source, ": \"", field->name(), "\" is a message (", field->message_type()->full_name(),
          "); set its fields, e.g. \"", name, ".<field>\""));
    }
  }
  return path;
}

absl::Status AddQuery(const Route& route, absl::string_view query, std::vector<Binding>* out) {
  const pb::Descriptor& type = *route.method->input_type();
  for (absl::string_view param : absl::StrSplit(query, '&')) {
    const size_t eq = param.find('=');
    // Envoy binds only "name=value" parameters with a non-empty name.
    if (eq == absl::string_view::npos || eq == 0) continue;
    const std::string name = PercentDecode(param.substr(0, eq), Unescape::kAll, false);
    const std::string source = absl::StrCat("query parameter \"", name, "\"");
    EK_ASSIGN_OR_RETURN(FieldPath fields, ResolveQueryName(type, name, source));
    for (const FieldPath& var : route.variable_fields) {
      if (IsPrefix(var, fields) || IsPrefix(fields, var)) {
        return absl::InvalidArgumentError(
            absl::StrCat(source, ": \"", FieldPathName(var), "\" is bound by the path"));
      }
    }
    if (route.body == Route::Body::kAll) {
      return absl::InvalidArgumentError(
          absl::StrCat(source, ": every field comes from the body (body: \"*\")"));
    }
    if (route.body == Route::Body::kField &&
        (IsPrefix(route.body_field, fields) || IsPrefix(fields, route.body_field))) {
      return absl::InvalidArgumentError(
          absl::StrCat(source, ": \"", FieldPathName(route.body_field), "\" comes from the body"));
    }
    out->push_back(Binding{std::move(fields),
                           PercentDecode(param.substr(eq + 1), Unescape::kAll, true), source});
  }
  return absl::OkStatus();
}

absl::StatusOr<std::string> BodyToBinary(pb::util::TypeResolver& resolver, const Route& route,
                                         absl::string_view body) {
  const pb::Descriptor& input = *route.method->input_type();
  // Envoy's transcoder reads "{}" when there is no body, and reads a body sent with a rule that
  // declares none into the whole message (its translator has no field prefix for it).
  if (route.body == Route::Body::kNone && body.empty()) return std::string();
  const absl::string_view json = body.empty() ? absl::string_view("{}") : body;
  if (route.body != Route::Body::kField) {
    auto binary = JsonToBinary(resolver, input, json);
    if (!binary.ok()) {
      return absl::InvalidArgumentError(absl::StrCat("body: ", binary.status().message()));
    }
    return binary;
  }
  const FieldPath& path = route.body_field;
  const pb::FieldDescriptor& leaf = *path.back();
  const std::string where = absl::StrCat("body (", FieldPathName(path), "): ");
  std::string binary;
  size_t wrap = path.size();  // how many fields of `path`, from the root, enclose `binary`
  if (leaf.cpp_type() == pb::FieldDescriptor::CPPTYPE_MESSAGE && !leaf.is_repeated()) {
    auto b = JsonToBinary(resolver, *leaf.message_type(), json);
    if (!b.ok()) return absl::InvalidArgumentError(absl::StrCat(where, b.status().message()));
    binary = *std::move(b);
  } else {
    // A scalar, repeated or map body field: the body is that field's value in its parent. It
    // must be one JSON value, or text after it could set the parent's other fields.
    if (!IsSingleJsonValue(json)) {
      return absl::InvalidArgumentError(absl::StrCat(where, "not one JSON value"));
    }
    const pb::Descriptor& parent = path.size() > 1 ? *path[path.size() - 2]->message_type() : input;
    std::string wrapped;
    AppendJsonString(leaf.name(), &wrapped);
    wrapped = absl::StrCat("{", wrapped, ":", json, "}");
    auto b = JsonToBinary(resolver, parent, wrapped);
    if (!b.ok()) return absl::InvalidArgumentError(absl::StrCat(where, b.status().message()));
    binary = *std::move(b);
    wrap = path.size() - 1;
  }
  for (size_t i = wrap; i-- > 0;) binary = WrapInField(*path[i], binary);
  return binary;
}

}  // namespace

std::string TypeUrl(absl::string_view full_name) {
  return absl::StrCat("type.googleapis.com/", full_name);
}

absl::StatusOr<std::string> JsonToBinary(pb::util::TypeResolver& resolver,
                                         const pb::Descriptor& type, absl::string_view json) {
  auto binary = ParseStrict(resolver, type, json);
  if (!binary.ok()) return absl::InvalidArgumentError(FirstLine(binary.status().message()));
  return binary;
}

absl::StatusOr<std::string> BuildRequest(pb::util::TypeResolver& resolver, const Route& route,
                                         const std::vector<std::string>& path_values,
                                         absl::string_view query, absl::string_view body) {
  std::vector<Binding> bindings;
  const auto& vars = route.path.variables();
  for (size_t i = 0; i < vars.size() && i < path_values.size(); ++i) {
    bindings.push_back(
        Binding{route.variable_fields[i], path_values[i],
                absl::StrCat("path variable {", FieldPathName(route.variable_fields[i]), "}")});
  }
  EK_RETURN_IF_ERROR(AddQuery(route, query, &bindings));
  EK_ASSIGN_OR_RETURN(std::string request,
                      BindingsToBinary(resolver, *route.method->input_type(), bindings));
  EK_ASSIGN_OR_RETURN(std::string from_body, BodyToBinary(resolver, route, body));
  // Concatenated messages merge (the protobuf wire format): the body comes last, so where both
  // set a singular field the body's value wins.
  request += from_body;
  return request;
}

}  // namespace ekinerja::gateway
