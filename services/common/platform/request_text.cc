#include "request_text.h"

#include <limits>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "status.h"
#include "text.h"

namespace ekinerja {
namespace {

using google::protobuf::FieldDescriptor;
using google::protobuf::Message;

// Any length (the message size limit bounds it), several lines: only what no text may hold.
constexpr TextRule kAnyText{std::numeric_limits<int>::max(), true};

void Walk(const Message& m, const std::string& prefix, Violations& v) {
  const auto* reflection = m.GetReflection();
  std::vector<const FieldDescriptor*> fields;
  reflection->ListFields(m, &fields);
  for (const FieldDescriptor* f : fields) {
    const std::string path = prefix + f->name();
    const bool text = f->type() == FieldDescriptor::TYPE_STRING;
    const bool message = f->cpp_type() == FieldDescriptor::CPPTYPE_MESSAGE;
    if (!text && !message) continue;
    std::string scratch;
    if (!f->is_repeated()) {
      if (text) CheckText(v, path, reflection->GetStringReference(m, f, &scratch), kAnyText);
      if (message) Walk(reflection->GetMessage(m, f), path + ".", v);
      continue;
    }
    for (int i = 0, n = reflection->FieldSize(m, f); i < n; ++i) {
      const std::string item = absl::StrCat(path, "[", i, "]");
      if (text) {
        CheckText(v, item, reflection->GetRepeatedStringReference(m, f, i, &scratch), kAnyText);
      }
      if (message) Walk(reflection->GetRepeatedMessage(m, f, i), item + ".", v);
    }
  }
}

}  // namespace

absl::Status CheckRequestText(const Message& request) {
  Violations v;
  Walk(request, "", v);
  return v.ToStatus();
}

}  // namespace ekinerja
