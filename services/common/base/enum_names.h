#pragma once

// One table of wire names per enum, read both ways: the name a store and an API use for a value,
// and the value of a name. Each enum writes its table once instead of a switch and a parser that
// must agree.
//
//   constexpr EnumNames<Colour, 2> kColourNames = {{{Colour::kRed, "RED"}, {Colour::kBlue,
//   "BLUE"}}}; std::string_view ColourName(Colour c) { return NameOf(kColourNames, c); }
//   std::optional<Colour> ParseColour(std::string_view s) { return ValueOf(kColourNames, s); }

#include <array>
#include <cstddef>
#include <optional>
#include <string_view>
#include <utility>

namespace ekinerja {

template <typename E, size_t N>
using EnumNames = std::array<std::pair<E, std::string_view>, N>;

// The name of `value`; "" for a value outside the table.
template <typename E, size_t N>
constexpr std::string_view NameOf(const EnumNames<E, N>& names, E value) {
  for (const auto& [v, name] : names) {
    if (v == value) return name;
  }
  return "";
}

// The value named exactly `name` (case-sensitive); nullopt for any other string, "" included.
template <typename E, size_t N>
constexpr std::optional<E> ValueOf(const EnumNames<E, N>& names, std::string_view name) {
  if (name.empty()) return std::nullopt;
  for (const auto& [v, n] : names) {
    if (n == name) return v;
  }
  return std::nullopt;
}

}  // namespace ekinerja
