#include "enum_names.h"

#include <optional>

#include "gtest/gtest.h"

namespace ekinerja {
namespace {

enum class Fruit { kApel, kJeruk, kMangga };

constexpr EnumNames<Fruit, 2> kFruitNames = {{{Fruit::kApel, "APEL"}, {Fruit::kJeruk, "JERUK"}}};

TEST(EnumNames, NameOfReadsTheTable) {
  EXPECT_EQ(NameOf(kFruitNames, Fruit::kApel), "APEL");
  EXPECT_EQ(NameOf(kFruitNames, Fruit::kJeruk), "JERUK");
  EXPECT_EQ(NameOf(kFruitNames, Fruit::kMangga), "");  // not in the table
}

TEST(EnumNames, ValueOfMatchesExactly) {
  EXPECT_EQ(ValueOf(kFruitNames, "JERUK"), Fruit::kJeruk);
  EXPECT_EQ(ValueOf(kFruitNames, "jeruk"), std::nullopt);
  EXPECT_EQ(ValueOf(kFruitNames, "APEL "), std::nullopt);
  EXPECT_EQ(ValueOf(kFruitNames, ""), std::nullopt);
  EXPECT_EQ(ValueOf(kFruitNames, "MANGGA"), std::nullopt);
}

TEST(EnumNames, WorkAtCompileTime) {
  static_assert(NameOf(kFruitNames, Fruit::kJeruk) == "JERUK");
  static_assert(ValueOf(kFruitNames, "APEL") == Fruit::kApel);
}

}  // namespace
}  // namespace ekinerja
