// Transcoder over a descriptor set: the descriptor pool, the route table and the JSON printers.

#include <algorithm>
#include <map>
#include <memory>
#include <utility>

#include "absl/status/status.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "google/api/annotations.pb.h"
#include "google/protobuf/descriptor.pb.h"
#include "google/protobuf/dynamic_message.h"
#include "google/protobuf/util/json_util.h"
#include "google/protobuf/util/type_resolver_util.h"
#include "google/rpc/error_details.pb.h"
#include "google/rpc/status.pb.h"
#include "status.h"
#include "transcode/request_builder.h"
#include "transcode/route_table.h"
#include "transcode/transcoder.h"

namespace ekinerja::gateway {
namespace {

namespace pb = google::protobuf;

class FirstError : public pb::DescriptorPool::ErrorCollector {
 public:
  void AddError(const std::string& filename, const std::string& element_name, const pb::Message*,
                ErrorLocation, const std::string& message) override {
    if (error_.empty()) error_ = absl::StrCat(filename, ": ", element_name, ": ", message);
  }
  const std::string& error() const { return error_; }

 private:
  std::string error_;
};

// `s` with every byte that is not part of well-formed UTF-8 replaced by U+FFFD: a grpc-message
// is any bytes, a JSON body is UTF-8 (protobuf refuses to serialize a string field that is not).
std::string ValidUtf8(absl::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    size_t len = 0;
    unsigned min = 0;
    if (c < 0x80) {
      len = 1;
    } else if (c >= 0xC2 && c <= 0xDF) {
      len = 2;
      min = 0x80;
    } else if (c >= 0xE0 && c <= 0xEF) {
      len = 3;
      min = 0x800;
    } else if (c >= 0xF0 && c <= 0xF4) {
      len = 4;
      min = 0x10000;
    }
    bool ok = len > 0 && i + len <= s.size();
    unsigned cp = len == 1 ? c : c & (0x3F >> (len - 1));
    for (size_t k = 1; ok && k < len; ++k) {
      const auto cc = static_cast<unsigned char>(s[i + k]);
      ok = (cc & 0xC0) == 0x80;
      cp = (cp << 6) | (cc & 0x3F);
    }
    ok = ok && cp >= min && cp <= 0x10FFFF && (cp < 0xD800 || cp > 0xDFFF);
    if (ok) {
      out.append(s.data() + i, len);
      i += len;
    } else {
      out.append("\xEF\xBF\xBD");
      ++i;
    }
  }
  return out;
}

// Builds the files of a descriptor set into `pool`, each after its imports (protoc writes them
// in that order, but nothing requires it).
class PoolBuilder {
 public:
  explicit PoolBuilder(pb::DescriptorPool& pool) : pool_(pool) {}

  void Add(const pb::FileDescriptorProto& file) { files_.emplace(file.name(), &file); }

  // Adds a file compiled into this binary (and its imports) unless the set has one by that name:
  // the google.rpc types StatusToJson prints, as Envoy adds google.rpc.Status to its pool.
  void AddBuiltin(const pb::FileDescriptor& file) {
    if (files_.count(file.name()) > 0) return;
    auto proto = std::make_unique<pb::FileDescriptorProto>();
    file.CopyTo(proto.get());
    files_.emplace(file.name(), proto.get());
    builtins_.push_back(std::move(proto));
    for (int i = 0; i < file.dependency_count(); ++i) AddBuiltin(*file.dependency(i));
  }

  absl::Status BuildAll() {
    for (const auto& [name, file] : files_) EK_RETURN_IF_ERROR(Build(name, 0));
    return absl::OkStatus();
  }

 private:
  absl::Status Build(const std::string& name, int depth) {
    if (pool_.FindFileByName(name) != nullptr) return absl::OkStatus();
    auto it = files_.find(name);
    if (it == files_.end()) {
      return absl::InvalidArgumentError(absl::StrCat("descriptor set: imported file ", name,
                                                     " is missing (protoc --include_imports)"));
    }
    if (depth > 256) return absl::InvalidArgumentError("descriptor set: import cycle");
    for (const std::string& dep : it->second->dependency())
      EK_RETURN_IF_ERROR(Build(dep, depth + 1));
    FirstError errors;
    if (pool_.BuildFileCollectingErrors(*it->second, &errors) == nullptr) {
      return absl::InvalidArgumentError(absl::StrCat("descriptor set: ", errors.error()));
    }
    return absl::OkStatus();
  }

  pb::DescriptorPool& pool_;
  std::map<std::string, const pb::FileDescriptorProto*> files_;
  std::vector<std::unique_ptr<pb::FileDescriptorProto>> builtins_;
};

class TranscoderImpl final : public Transcoder {
 public:
  absl::Status Init(absl::string_view descriptor_set, const std::vector<std::string>& prefixes);

  absl::StatusOr<Call> ToGrpc(absl::string_view http_method, absl::string_view path,
                              absl::string_view query, absl::string_view body) const override;
  const pb::MethodDescriptor* Match(absl::string_view http_method,
                                    absl::string_view path) const override;
  absl::StatusOr<std::string> ResponseToJson(const pb::MethodDescriptor& method,
                                             absl::string_view response) const override;
  std::string StatusToJson(grpc::StatusCode code, absl::string_view message,
                           absl::string_view details) const override;
  std::vector<std::string> Services() const override { return services_; }

 private:
  absl::Status AddService(const pb::ServiceDescriptor& service);
  // `bytes` as a `type` message, parsed strictly and serialized again without unknown fields.
  // protobuf 3.21's binary-to-JSON converter trusts its input (a few hundred malformed bytes make
  // it allocate gigabytes; the request fuzzer found it), so only these bytes reach it.
  absl::StatusOr<std::string> Canonical(const pb::Descriptor& type, absl::string_view bytes) const;
  // Keeps the details of `status` whose type the pool knows and whose value parses, canonical.
  void CanonicalDetails(google::rpc::Status& status) const;

  pb::DescriptorPool pool_;
  // After pool_: its prototypes point into the pool's descriptors. GetPrototype is thread-safe.
  mutable pb::DynamicMessageFactory factory_{&pool_};
  std::unique_ptr<pb::util::TypeResolver> resolver_;
  RouteTable routes_;
  std::vector<std::string> services_;
};

absl::Status TranscoderImpl::Init(absl::string_view descriptor_set,
                                  const std::vector<std::string>& prefixes) {
  pb::FileDescriptorSet set;
  if (!set.ParseFromArray(descriptor_set.data(), static_cast<int>(descriptor_set.size()))) {
    return absl::InvalidArgumentError("descriptor set: not a serialized FileDescriptorSet");
  }
  PoolBuilder builder(pool_);
  for (const auto& file : set.file()) builder.Add(file);
  builder.AddBuiltin(*google::rpc::Status::descriptor()->file());
  builder.AddBuiltin(*google::rpc::BadRequest::descriptor()->file());
  EK_RETURN_IF_ERROR(builder.BuildAll());
  resolver_.reset(pb::util::NewTypeResolverForDescriptorPool("type.googleapis.com", &pool_));

  for (const auto& file_proto : set.file()) {
    const pb::FileDescriptor* file = pool_.FindFileByName(file_proto.name());
    for (int i = 0; i < file->service_count(); ++i) {
      const pb::ServiceDescriptor& service = *file->service(i);
      const bool routed = std::any_of(prefixes.begin(), prefixes.end(), [&](const std::string& p) {
        return absl::StartsWith(service.full_name(), p);
      });
      if (routed) EK_RETURN_IF_ERROR(AddService(service));
    }
  }
  std::sort(services_.begin(), services_.end());
  return absl::OkStatus();
}

absl::Status TranscoderImpl::AddService(const pb::ServiceDescriptor& service) {
  services_.push_back(service.full_name());
  for (int i = 0; i < service.method_count(); ++i) {
    const pb::MethodDescriptor& method = *service.method(i);
    // The pool keeps options as this binary's MethodOptions; reparsing them with the generated
    // google.api.http extension linked in reads the rule whichever way the pool stored it.
    pb::MethodOptions options;
    if (!options.ParseFromString(method.options().SerializeAsString()) ||
        !options.HasExtension(google::api::http)) {
      continue;
    }
    EK_ASSIGN_OR_RETURN(std::vector<Route> routes,
                        RoutesForMethod(method, options.GetExtension(google::api::http)));
    for (Route& route : routes) EK_RETURN_IF_ERROR(routes_.Add(std::move(route)));
  }
  return absl::OkStatus();
}

absl::StatusOr<Transcoder::Call> TranscoderImpl::ToGrpc(absl::string_view http_method,
                                                        absl::string_view path,
                                                        absl::string_view query,
                                                        absl::string_view body) const {
  std::optional<RouteTable::Found> found;
  if (!path.empty() && path[0] == '/') found = routes_.Find(http_method, path);
  if (!found) {
    // Envoy's message (json_transcoder_filter.cc, createTranscoder).
    return absl::NotFoundError(absl::StrCat("Could not resolve ", path, " to a method."));
  }
  const pb::MethodDescriptor& method = *found->route->method;
  EK_ASSIGN_OR_RETURN(std::string request,
                      BuildRequest(*resolver_, *found->route, found->values, query, body));
  Call call;
  call.method = &method;
  call.service = method.service()->full_name();
  call.grpc_path = absl::StrCat("/", call.service, "/", method.name());
  call.request = std::move(request);
  return call;
}

const pb::MethodDescriptor* TranscoderImpl::Match(absl::string_view http_method,
                                                  absl::string_view path) const {
  if (path.empty() || path[0] != '/') return nullptr;
  auto found = routes_.Find(http_method, path);
  return found ? found->route->method : nullptr;
}

absl::StatusOr<std::string> TranscoderImpl::Canonical(const pb::Descriptor& type,
                                                      absl::string_view bytes) const {
  // The caller's descriptor may come from another pool (a generated class): use ours.
  const pb::Descriptor* own = pool_.FindMessageTypeByName(type.full_name());
  if (own == nullptr) {
    return absl::InternalError(absl::StrCat(type.full_name(), " is not in the descriptor set"));
  }
  std::unique_ptr<pb::Message> message(factory_.GetPrototype(own)->New());
  if (!message->ParseFromArray(bytes.data(), static_cast<int>(bytes.size()))) {
    return absl::InternalError(absl::StrCat("not a serialized ", type.full_name()));
  }
  message->DiscardUnknownFields();
  return message->SerializeAsString();
}

void TranscoderImpl::CanonicalDetails(google::rpc::Status& status) const {
  google::rpc::Status kept;
  for (const auto& any : status.details()) {
    const absl::string_view url = any.type_url();
    const size_t slash = url.rfind('/');
    const pb::Descriptor* type = pool_.FindMessageTypeByName(
        std::string(slash == absl::string_view::npos ? url : url.substr(slash + 1)));
    if (type == nullptr) continue;
    auto value = Canonical(*type, any.value());
    if (!value.ok()) continue;
    auto* detail = kept.add_details();
    detail->set_type_url(any.type_url());
    detail->set_value(*std::move(value));
  }
  status.mutable_details()->Swap(kept.mutable_details());
}

absl::StatusOr<std::string> TranscoderImpl::ResponseToJson(const pb::MethodDescriptor& method,
                                                           absl::string_view response) const {
  auto canonical = Canonical(*method.output_type(), response);
  if (!canonical.ok()) {
    return absl::InternalError(absl::StrCat("response of ", method.full_name(),
                                            " does not transcode: ", canonical.status().message()));
  }
  std::string json;
  const auto st =
      pb::util::BinaryToJsonString(resolver_.get(), TypeUrl(method.output_type()->full_name()),
                                   *canonical, &json, ResponsePrintOptions());
  if (!st.ok()) {
    return absl::InternalError(absl::StrCat("response of ", method.full_name(),
                                            " does not transcode: ", std::string(st.message())));
  }
  return json;
}

std::string TranscoderImpl::StatusToJson(grpc::StatusCode code, absl::string_view message,
                                         absl::string_view details) const {
  // As Envoy's convert_grpc_status: the google.rpc.Status of grpc-status-details-bin as it is,
  // or one made of grpc-status and grpc-message when the trailer is absent or does not parse.
  // Details of a type the pool does not know, or that do not parse, are left out (Envoy then
  // sends no JSON body at all); bytes of the message that are not UTF-8 become U+FFFD.
  google::rpc::Status status;
  if (details.empty() || !status.ParseFromArray(details.data(), static_cast<int>(details.size()))) {
    status.Clear();
    status.set_code(static_cast<int>(code));
    status.set_message(ValidUtf8(message));
  }
  CanonicalDetails(status);
  std::string json;
  const std::string url = TypeUrl(google::rpc::Status::descriptor()->full_name());
  if (pb::util::BinaryToJsonString(resolver_.get(), url, status.SerializeAsString(), &json,
                                   ResponsePrintOptions())
          .ok()) {
    return json;
  }
  json.clear();
  status.clear_details();
  if (pb::util::BinaryToJsonString(resolver_.get(), url, status.SerializeAsString(), &json,
                                   ResponsePrintOptions())
          .ok()) {
    return json;
  }
  return absl::StrCat("{\"code\":", code, "}");
}

}  // namespace

google::protobuf::util::JsonPrintOptions ResponsePrintOptions() {
  google::protobuf::util::JsonPrintOptions options;
  options.add_whitespace = false;
  options.always_print_primitive_fields = true;
  options.always_print_enums_as_ints = false;
  options.preserve_proto_field_names = false;
  return options;
}

absl::StatusOr<std::unique_ptr<Transcoder>> Transcoder::Load(
    absl::string_view descriptor_set, std::vector<std::string> service_prefixes) {
  auto transcoder = std::make_unique<TranscoderImpl>();
  EK_RETURN_IF_ERROR(transcoder->Init(descriptor_set, service_prefixes));
  return std::unique_ptr<Transcoder>(std::move(transcoder));
}

}  // namespace ekinerja::gateway
