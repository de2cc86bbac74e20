#include "transcode/route_table.h"

#include <utility>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "status.h"

namespace ekinerja::gateway {
namespace {

namespace pb = google::protobuf;

absl::Status MethodError(const pb::MethodDescriptor& method, absl::string_view what) {
  return absl::InvalidArgumentError(
      absl::StrCat("google.api.http of ", method.full_name(), ": ", what));
}

// Resolves "a.b.c" from `type`: every field but the last must be a singular message.
absl::StatusOr<FieldPath> ResolveFieldPath(const pb::Descriptor& type,
                                           const std::vector<std::string>& names) {
  FieldPath path;
  const pb::Descriptor* current = &type;
  for (size_t i = 0; i < names.size(); ++i) {
    const pb::FieldDescriptor* field = FindFieldByAnyName(*current, names[i]);
    if (field == nullptr) {
      return absl::InvalidArgumentError(
          absl::StrCat("no field \"", names[i], "\" in ", current->full_name()));
    }
    path.push_back(field);
    if (i + 1 < names.size()) {
      if (field->cpp_type() != pb::FieldDescriptor::CPPTYPE_MESSAGE || field->is_repeated()) {
        return absl::InvalidArgumentError(absl::StrCat(
            "\"", field->name(), "\" of ", current->full_name(), " is not a singular message"));
      }
      current = field->message_type();
    }
  }
  return path;
}

absl::StatusOr<Route> RouteForBinding(const pb::MethodDescriptor& method,
                                      const google::api::HttpRule& rule, bool nested) {
  Route route;
  route.method = &method;
  std::string tmpl;
  switch (rule.pattern_case()) {
    case google::api::HttpRule::kGet:
      route.http_method = "GET";
      tmpl = rule.get();
      break;
    case google::api::HttpRule::kPut:
      route.http_method = "PUT";
      tmpl = rule.put();
      break;
    case google::api::HttpRule::kPost:
      route.http_method = "POST";
      tmpl = rule.post();
      break;
    case google::api::HttpRule::kDelete:
      route.http_method = "DELETE";
      tmpl = rule.delete_();
      break;
    case google::api::HttpRule::kPatch:
      route.http_method = "PATCH";
      tmpl = rule.patch();
      break;
    case google::api::HttpRule::kCustom:
      if (rule.custom().kind().empty()) return MethodError(method, "custom pattern without kind");
      route.http_method = rule.custom().kind();
      tmpl = rule.custom().path();
      break;
    case google::api::HttpRule::PATTERN_NOT_SET:
      return MethodError(method, "a binding without get/put/post/delete/patch/custom");
  }
  if (nested && rule.additional_bindings_size() > 0) {
    return MethodError(method, "additional_bindings inside additional_bindings");
  }
  if (!rule.response_body().empty()) {
    return MethodError(method, "response_body is not supported (Envoy: HttpBody only)");
  }
  auto parsed = PathTemplate::Parse(tmpl);
  if (!parsed.ok()) return MethodError(method, parsed.status().message());
  route.path = *std::move(parsed);

  const pb::Descriptor& input = *method.input_type();
  for (const PathTemplate::Variable& v : route.path.variables()) {
    auto fields = ResolveFieldPath(input, v.field_path);
    const std::string name = absl::StrJoin(v.field_path, ".");
    if (!fields.ok()) {
      return MethodError(method,
                         absl::StrCat("path variable {", name, "}: ", fields.status().message()));
    }
    const pb::FieldDescriptor* leaf = fields->back();
    if (leaf->is_repeated()) {
      return MethodError(method, absl::StrCat("path variable {", name, "} is a repeated field"));
    }
    if (leaf->cpp_type() == pb::FieldDescriptor::CPPTYPE_MESSAGE) {
      return MethodError(method, absl::StrCat("path variable {", name, "} is a message field (",
                                              leaf->message_type()->full_name(), ")"));
    }
    route.variable_fields.push_back(*std::move(fields));
  }

  if (rule.body().empty()) {
    route.body = Route::Body::kNone;
  } else if (rule.body() == "*") {
    route.body = Route::Body::kAll;
  } else {
    route.body = Route::Body::kField;
    auto fields = ResolveFieldPath(input, absl::StrSplit(rule.body(), '.'));
    if (!fields.ok()) {
      return MethodError(method,
                         absl::StrCat("body \"", rule.body(), "\": ", fields.status().message()));
    }
    route.body_field = *std::move(fields);
  }
  return route;
}

}  // namespace

std::string FieldPathName(const FieldPath& path) {
  std::string out;
  for (const pb::FieldDescriptor* f : path) {
    if (!out.empty()) out.push_back('.');
    out += f->name();
  }
  return out;
}

const pb::FieldDescriptor* FindFieldByAnyName(const pb::Descriptor& type, absl::string_view name) {
  const std::string key(name);
  if (const pb::FieldDescriptor* f = type.FindFieldByName(key)) return f;
  for (int i = 0; i < type.field_count(); ++i) {
    if (type.field(i)->json_name() == key) return type.field(i);
  }
  return nullptr;
}

std::string Route::Describe() const { return absl::StrCat(http_method, " ", path.text()); }

absl::StatusOr<std::vector<Route>> RoutesForMethod(const pb::MethodDescriptor& method,
                                                   const google::api::HttpRule& rule) {
  if (method.client_streaming()) {
    return MethodError(method, "a client-streaming method cannot be transcoded here");
  }
  std::vector<Route> routes;
  EK_ASSIGN_OR_RETURN(Route main, RouteForBinding(method, rule, false));
  routes.push_back(std::move(main));
  for (const google::api::HttpRule& extra : rule.additional_bindings()) {
    EK_ASSIGN_OR_RETURN(Route route, RouteForBinding(method, extra, true));
    routes.push_back(std::move(route));
  }
  return routes;
}

absl::Status RouteTable::Add(Route route) {
  for (const Route& r : routes_) {
    if (r.http_method == route.http_method && r.path.SameShape(route.path)) {
      return absl::InvalidArgumentError(absl::StrCat(
          route.Describe(), " of ", route.method->full_name(), " is also ", r.Describe(), " of ",
          r.method->full_name(), ": one request would match both"));
    }
  }
  if (!route.path.verb().empty()) verbs_.insert(route.path.verb());
  routes_.push_back(std::move(route));
  return absl::OkStatus();
}

std::optional<RouteTable::Found> RouteTable::Find(absl::string_view http_method,
                                                  absl::string_view path) const {
  const RequestPath request = SplitRequestPath(path, verbs_);
  const Route* best = nullptr;
  for (const Route& r : routes_) {
    const bool exact = r.http_method == http_method;
    if (!exact && r.http_method != "*") continue;
    if (!r.path.Match(request, nullptr)) continue;
    if (best != nullptr) {
      const int order = PathTemplate::ComparePrecedence(r.path, best->path);
      if (order > 0) continue;
      if (order == 0 && !exact) continue;  // same shape: the exact method wins
    }
    best = &r;
  }
  if (best == nullptr) return std::nullopt;
  Found found;
  found.route = best;
  best->path.Match(request, &found.values);
  return found;
}

}  // namespace ekinerja::gateway
