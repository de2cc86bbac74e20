#include "lru_cache.h"

#include <string>

#include "gtest/gtest.h"

namespace ekinerja {
namespace {

TEST(LruCacheTest, EvictsTheLeastRecentlyUsedBeyondItsCapacity) {
  LruCache<std::string, int> cache(2);
  cache.Insert("a", 1);
  cache.Insert("b", 2);
  EXPECT_EQ(cache.Find("a"), 1);  // a is now the most recently used
  cache.Insert("c", 3);           // evicts b
  EXPECT_EQ(cache.Find("b"), std::nullopt);
  EXPECT_EQ(cache.Find("a"), 1);
  EXPECT_EQ(cache.Find("c"), 3);
  EXPECT_EQ(cache.size(), 2u);
}

TEST(LruCacheTest, InsertReplacesAndRefreshes) {
  LruCache<std::string, int> cache(2);
  cache.Insert("a", 1);
  cache.Insert("b", 2);
  cache.Insert("a", 10);  // replaced, and now the most recently used
  cache.Insert("c", 3);   // evicts b
  EXPECT_EQ(cache.Find("a"), 10);
  EXPECT_EQ(cache.Find("b"), std::nullopt);
  EXPECT_EQ(cache.size(), 2u);
}

TEST(LruCacheTest, EraseIfJudgesTheValueHeldNow) {
  LruCache<std::string, int> cache(4);
  cache.Insert("a", 1);
  cache.EraseIf("a", [](int v) { return v == 2; });
  EXPECT_EQ(cache.Find("a"), 1);
  cache.EraseIf("a", [](int v) { return v == 1; });
  EXPECT_EQ(cache.Find("a"), std::nullopt);
  cache.EraseIf("missing", [](int) { return true; });
  EXPECT_EQ(cache.size(), 0u);
}

TEST(LruCacheTest, CapacityZeroKeepsNothing) {
  LruCache<std::string, int> cache(0);
  cache.Insert("a", 1);
  EXPECT_EQ(cache.Find("a"), std::nullopt);
  EXPECT_EQ(cache.size(), 0u);
}

}  // namespace
}  // namespace ekinerja
