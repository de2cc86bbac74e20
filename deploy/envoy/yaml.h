#pragma once

// A small YAML document model for the generated Envoy config: maps keep their insertion order,
// and ToYaml writes block style the way Envoy's own examples read, with every string that could
// be read as anything else (a number, a bool, null, a key) double-quoted. Enough for a config;
// not a general YAML library (no anchors, no multi-line scalars, no parsing).

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/string_view.h"

namespace ekinerja::envoy {

class Yaml {
 public:
  enum class Kind { kString, kInt, kBool, kMap, kList };

  static Yaml Map() { return Yaml(Kind::kMap); }
  static Yaml List() { return Yaml(Kind::kList); }
  static Yaml Str(std::string s);
  static Yaml Int(int64_t i);
  static Yaml Bool(bool b);

  // A scalar or a node: Yaml, std::string, const char*, int, int64_t or bool.
  static Yaml From(Yaml y) { return y; }
  static Yaml From(std::string s) { return Str(std::move(s)); }
  static Yaml From(const char* s) { return Str(s); }
  static Yaml From(int i) { return Int(i); }
  static Yaml From(int64_t i) { return Int(i); }
  static Yaml From(bool b) { return Bool(b); }

  // A map entry, appended (keys are not checked for uniqueness: the generator writes each once).
  // Chains on a named node and on a temporary alike: Yaml::Map().Set("a", 1).Set("b", x).
  template <typename V>
  Yaml& Set(std::string key, V&& value) & {
    entries_.emplace_back(std::move(key), From(std::forward<V>(value)));
    return *this;
  }
  template <typename V>
  Yaml&& Set(std::string key, V&& value) && {
    return std::move(Set(std::move(key), std::forward<V>(value)));
  }
  // A list item, appended.
  template <typename V>
  Yaml& Add(V&& value) & {
    items_.push_back(From(std::forward<V>(value)));
    return *this;
  }
  template <typename V>
  Yaml&& Add(V&& value) && {
    return std::move(Add(std::forward<V>(value)));
  }

  Kind kind() const { return kind_; }
  // The scalar as written (a string's text, "42", "true").
  const std::string& scalar() const { return scalar_; }
  const std::vector<std::pair<std::string, Yaml>>& entries() const { return entries_; }
  const std::vector<Yaml>& items() const { return items_; }
  // The value of `key` in a map, null when absent (or not a map).
  const Yaml* Find(absl::string_view key) const;

 private:
  explicit Yaml(Kind kind) : kind_(kind) {}

  Kind kind_;
  std::string scalar_;
  std::vector<std::pair<std::string, Yaml>> entries_;
  std::vector<Yaml> items_;
};

// The document, preceded by `comment` (each line written as "# line"), ending in a newline.
std::string ToYaml(const Yaml& document, absl::string_view comment = "");

// A string as YAML writes it: plain when it can only be read back as that string, else
// double-quoted with JSON escapes.
std::string YamlScalar(absl::string_view s);

}  // namespace ekinerja::envoy
