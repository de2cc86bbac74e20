#include "domain/feedback360.h"

#include <optional>
#include <vector>

#include "absl/status/status.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "status.h"

namespace ekinerja::skp {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

constexpr RaterGroup kAtasan = RaterGroup::kAtasan;
constexpr RaterGroup kRekan = RaterGroup::kRekan;
constexpr RaterGroup kBawahan = RaterGroup::kBawahan;
constexpr RaterGroup kSelf = RaterGroup::kSelf;
constexpr Rating kBawah = Rating::kDiBawahEkspektasi;
constexpr Rating kSesuai = Rating::kSesuaiEkspektasi;
constexpr Rating kAtas = Rating::kDiAtasEkspektasi;
constexpr size_t kAkuntabel = static_cast<size_t>(BerAkhlak::kAkuntabel);
constexpr size_t kLoyal = static_cast<size_t>(BerAkhlak::kLoyal);

// A rater who gives `all` on every value but AKUNTABEL, which gets `akuntabel`.
RatingFeedback Rater(RaterGroup group, Rating all, Rating akuntabel) {
  RatingFeedback f;
  f.group = group;
  for (auto& r : f.ratings) r = all;
  f.ratings[kAkuntabel] = akuntabel;
  return f;
}

std::vector<RaterGroup> Groups(const std::vector<GroupRatings>& shown) {
  std::vector<RaterGroup> groups;
  for (const GroupRatings& g : shown) groups.push_back(g.group);
  return groups;
}

TEST(BerAkhlakNames, AreTheStoredNamesAndParseBack) {
  EXPECT_EQ(BerAkhlakName(BerAkhlak::kBerorientasiPelayanan), "BERORIENTASI_PELAYANAN");
  EXPECT_EQ(BerAkhlakName(BerAkhlak::kAkuntabel), "AKUNTABEL");
  EXPECT_EQ(BerAkhlakName(BerAkhlak::kKompeten), "KOMPETEN");
  EXPECT_EQ(BerAkhlakName(BerAkhlak::kHarmonis), "HARMONIS");
  EXPECT_EQ(BerAkhlakName(BerAkhlak::kLoyal), "LOYAL");
  EXPECT_EQ(BerAkhlakName(BerAkhlak::kAdaptif), "ADAPTIF");
  EXPECT_EQ(BerAkhlakName(BerAkhlak::kKolaboratif), "KOLABORATIF");
  for (int v = 0; v < kBerAkhlakValues; ++v) {
    const BerAkhlak value = static_cast<BerAkhlak>(v);
    EXPECT_EQ(ParseBerAkhlak(BerAkhlakName(value)), value);
  }
  EXPECT_EQ(ParseBerAkhlak("Loyal"), std::nullopt);
  EXPECT_EQ(RaterGroupName(kAtasan), "ATASAN");
  EXPECT_EQ(RaterGroupName(kRekan), "REKAN");
  EXPECT_EQ(RaterGroupName(kBawahan), "BAWAHAN");
  EXPECT_EQ(RaterGroupName(kSelf), "SELF");
  for (RaterGroup g : {kAtasan, kRekan, kBawahan, kSelf}) {
    EXPECT_EQ(ParseRaterGroup(RaterGroupName(g)), g);
  }
  EXPECT_EQ(ParseRaterGroup("PEER"), std::nullopt);
}

// --- PermenPANRB 6/2022: counts per value and group, small groups folded into ATASAN ---

TEST(AggregateRatings360, ThreeRekanAreShownAsTheirOwnGroup) {
  const std::vector<GroupRatings> shown =
      AggregateRatings360({Rater(kAtasan, kSesuai, kAtas), Rater(kRekan, kSesuai, kBawah),
                           Rater(kRekan, kAtas, kSesuai), Rater(kRekan, kSesuai, kSesuai)});
  ASSERT_THAT(Groups(shown), ElementsAre(kAtasan, kRekan));
  EXPECT_EQ(shown[0].raters, 1);
  EXPECT_THAT(shown[0].folded, IsEmpty());
  EXPECT_EQ(shown[0].per_value[kAkuntabel], (RatingCounts{0, 0, 1}));
  EXPECT_EQ(shown[0].per_value[kLoyal], (RatingCounts{0, 1, 0}));
  EXPECT_EQ(shown[1].raters, 3);
  EXPECT_EQ(shown[1].per_value[kAkuntabel], (RatingCounts{1, 2, 0}));
  EXPECT_EQ(shown[1].per_value[kLoyal], (RatingCounts{0, 2, 1}));
}

TEST(AggregateRatings360, TwoRekanAreFoldedIntoAtasan) {
  const std::vector<GroupRatings> shown =
      AggregateRatings360({Rater(kAtasan, kSesuai, kAtas), Rater(kRekan, kSesuai, kBawah),
                           Rater(kRekan, kAtas, kSesuai)});
  ASSERT_THAT(Groups(shown), ElementsAre(kAtasan));
  EXPECT_EQ(shown[0].raters, 3);
  EXPECT_THAT(shown[0].folded, ElementsAre(kRekan));
  EXPECT_EQ(shown[0].per_value[kAkuntabel], (RatingCounts{1, 1, 1}));
  EXPECT_EQ(shown[0].per_value[kLoyal], (RatingCounts{0, 2, 1}));
}

TEST(AggregateRatings360, OneBawahanAndSelfAreFoldedThreeRekanAreNot) {
  const std::vector<GroupRatings> shown =
      AggregateRatings360({Rater(kAtasan, kSesuai, kSesuai), Rater(kRekan, kSesuai, kSesuai),
                           Rater(kRekan, kSesuai, kSesuai), Rater(kRekan, kSesuai, kAtas),
                           Rater(kBawahan, kBawah, kBawah), Rater(kSelf, kAtas, kAtas)});
  ASSERT_THAT(Groups(shown), ElementsAre(kAtasan, kRekan));
  EXPECT_EQ(shown[0].raters, 3);
  EXPECT_THAT(shown[0].folded, ElementsAre(kBawahan, kSelf));
  EXPECT_EQ(shown[0].per_value[kAkuntabel], (RatingCounts{1, 1, 1}));
  EXPECT_EQ(shown[1].raters, 3);
  EXPECT_EQ(shown[1].per_value[kAkuntabel], (RatingCounts{0, 2, 1}));
}

TEST(AggregateRatings360, UnansweredValuesAreNotCounted) {
  RatingFeedback partial;
  partial.group = kAtasan;
  partial.ratings[kLoyal] = kAtas;
  const std::vector<GroupRatings> shown = AggregateRatings360({partial});
  ASSERT_EQ(shown.size(), 1u);
  EXPECT_EQ(shown[0].raters, 1);
  EXPECT_EQ(shown[0].per_value[kLoyal], (RatingCounts{0, 0, 1}));
  EXPECT_EQ(shown[0].per_value[kAkuntabel], (RatingCounts{0, 0, 0}));
}

TEST(AggregateRatings360, NoFeedbackShowsNothing) {
  EXPECT_THAT(AggregateRatings360({}), IsEmpty());
}

// --- PP 46: weighted mean of the groups' means ---

ScoreFeedback Scores(RaterGroup group, std::vector<int> scores) { return {group, scores}; }
ScoreFeedback Flat(RaterGroup group, int score) { return {group, std::vector<int>(5, score)}; }

TEST(NilaiPerilaku360, AllGroupsWithTheDefaultWeights) {
  // Atasan 80; rekan (70 + 75) / 2 = 72.5; bawahan (90 + 60 + 66) / 3 = 72; self 100 at weight 0.
  const absl::StatusOr<Perilaku360> r =
      NilaiPerilaku360({Flat(kAtasan, 80), Flat(kRekan, 70), Flat(kRekan, 75), Flat(kBawahan, 90),
                        Flat(kBawahan, 60), Flat(kBawahan, 66), Flat(kSelf, 100)},
                       Weights360{});
  ASSERT_TRUE(r.ok()) << r.status();
  ASSERT_EQ(r->groups.size(), 4u);
  EXPECT_EQ(r->groups[0].group, kAtasan);
  EXPECT_EQ(r->groups[0].raters, 1);
  EXPECT_EQ(r->groups[0].mean, Rational(80));
  EXPECT_EQ(r->groups[0].weight_percent, 60);
  EXPECT_EQ(r->groups[0].effective_weight_percent, Rational(60));
  EXPECT_EQ(r->groups[1].raters, 2);
  EXPECT_EQ(r->groups[1].mean, Rational(145, 2));
  EXPECT_EQ(r->groups[1].effective_weight_percent, Rational(20));
  EXPECT_EQ(r->groups[2].raters, 3);
  EXPECT_EQ(r->groups[2].mean, Rational(72));
  EXPECT_EQ(r->groups[3].group, kSelf);
  EXPECT_EQ(r->groups[3].mean, Rational(100));
  EXPECT_EQ(r->groups[3].effective_weight_percent, Rational(0));
  // 0.6 × 80 + 0.2 × 72.5 + 0.2 × 72 = 48 + 14.5 + 14.4.
  EXPECT_EQ(r->nilai_perilaku, Rational(769, 10));
  EXPECT_THAT(r->aspect_scores, ElementsAre(Rational(769, 10), Rational(769, 10), Rational(769, 10),
                                            Rational(769, 10), Rational(769, 10)));
}

TEST(NilaiPerilaku360, AMissingGroupsWeightGoesToTheOthersProRata) {
  // No bawahan: atasan 60 → 75, rekan 20 → 25. 0.75 × 80 + 0.25 × 211/3 = 60 + 211/12 = 931/12.
  const absl::StatusOr<Perilaku360> r = NilaiPerilaku360(
      {Flat(kAtasan, 80), Flat(kRekan, 70), Flat(kRekan, 70), Flat(kRekan, 71)}, Weights360{});
  ASSERT_TRUE(r.ok()) << r.status();
  ASSERT_EQ(r->groups.size(), 2u);
  EXPECT_EQ(r->groups[0].effective_weight_percent, Rational(75));
  EXPECT_EQ(r->groups[1].group, kRekan);
  EXPECT_EQ(r->groups[1].mean, Rational(211, 3));
  EXPECT_EQ(r->groups[1].effective_weight_percent, Rational(25));
  EXPECT_EQ(r->nilai_perilaku, Rational(931, 12));
  EXPECT_EQ(r->nilai_perilaku.ToFixed2(), "77.58");
}

TEST(NilaiPerilaku360, OnlyTheAtasanTakesTheWholeWeight) {
  const absl::StatusOr<Perilaku360> r =
      NilaiPerilaku360({Scores(kAtasan, {80, 90, 70, 85, 75, 60})}, Weights360{});
  ASSERT_TRUE(r.ok()) << r.status();
  ASSERT_EQ(r->groups.size(), 1u);
  EXPECT_EQ(r->groups[0].effective_weight_percent, Rational(100));
  EXPECT_EQ(r->groups[0].mean, Rational(230, 3));  // 460 / 6
  EXPECT_THAT(r->groups[0].aspect_means, ElementsAre(Rational(80), Rational(90), Rational(70),
                                                     Rational(85), Rational(75), Rational(60)));
  EXPECT_EQ(r->nilai_perilaku, Rational(230, 3));
}

TEST(NilaiPerilaku360, AspectScoresAreWeightedPerAspect) {
  // Atasan [100, 50, 80, 80, 80]; rekan (one rater) [50, 100, 80, 80, 80]; weights 50/50/0/0.
  const absl::StatusOr<Perilaku360> r = NilaiPerilaku360(
      {Scores(kAtasan, {100, 50, 80, 80, 80}), Scores(kRekan, {50, 100, 80, 80, 80})},
      Weights360{50, 50, 0, 0});
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_THAT(r->aspect_scores,
              ElementsAre(Rational(75), Rational(75), Rational(80), Rational(80), Rational(80)));
  EXPECT_EQ(r->nilai_perilaku, Rational(78));
}

TEST(NilaiPerilaku360, OnlySelfHasNoWeightToRedistribute) {
  const absl::StatusOr<Perilaku360> r = NilaiPerilaku360({Flat(kSelf, 90)}, Weights360{});
  EXPECT_EQ(r.status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_EQ(NilaiPerilaku360({}, Weights360{}).status().code(),
            absl::StatusCode::kFailedPrecondition);
  // A tenant that weights SELF can use it alone.
  const absl::StatusOr<Perilaku360> weighted =
      NilaiPerilaku360({Flat(kSelf, 90)}, Weights360{50, 20, 20, 10});
  ASSERT_TRUE(weighted.ok()) << weighted.status();
  EXPECT_EQ(weighted->nilai_perilaku, Rational(90));
}

TEST(NilaiPerilaku360, RefusesBadWeights) {
  for (const Weights360& w :
       {Weights360{60, 20, 20, 10}, Weights360{70, 20, 20, -10}, Weights360{0, 0, 0, 0}}) {
    const absl::StatusOr<Perilaku360> r = NilaiPerilaku360({Flat(kAtasan, 80)}, w);
    EXPECT_EQ(r.status().code(), absl::StatusCode::kInvalidArgument);
    ASSERT_EQ(FieldViolationsOf(r.status()).size(), 1u);
    EXPECT_EQ(FieldViolationsOf(r.status())[0].field, "weights");
  }
  EXPECT_THAT(
      FieldViolationsOf(NilaiPerilaku360({Flat(kAtasan, 80)}, Weights360{60, 20, 20, 10}).status()),
      ElementsAre(
          FieldViolation{"weights", "must be non-negative and sum to 100, got 60/20/20/10"}));
}

TEST(NilaiPerilaku360, RefusesBadScoresNamingEach) {
  const absl::StatusOr<Perilaku360> r = NilaiPerilaku360(
      {Scores(kAtasan, {80, 80, 80, 80, 80}), Scores(kRekan, {80, 80, 80, 80}),
       Scores(kRekan, {80, 80, 80, 80, 80, 80}), Scores(kBawahan, {80, 101, 80, -1, 80})},
      Weights360{});
  EXPECT_EQ(r.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(
      FieldViolationsOf(r.status()),
      ElementsAre(FieldViolation{"feedback[1].scores", "5 or 6 aspects, got 4"},
                  FieldViolation{"feedback[2].scores", "as many aspects as feedback[0] (5), got 6"},
                  FieldViolation{"feedback[3].scores[1]", "must be between 0 and 100, got 101"},
                  FieldViolation{"feedback[3].scores[3]", "must be between 0 and 100, got -1"}));
}

TEST(NilaiPerilaku360, EdgeScoresZeroAndHundredAreAccepted) {
  const absl::StatusOr<Perilaku360> r =
      NilaiPerilaku360({Flat(kAtasan, 0), Flat(kRekan, 100)}, Weights360{});
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_EQ(r->nilai_perilaku, Rational(25));  // 75% × 0 + 25% × 100
}

// No viewer learns a single peer's or subordinate's answer by subtracting their own.
TEST(ShowRatingsTo, HidesAFoldedEntryWithFewerThanThreeOtherRaters) {
  // ATASAN + one REKAN + SELF folded: the penilai (own 1) and the rated (own SELF 1) both see only
  // two others: withheld.
  const std::vector<GroupRatings> small = AggregateRatings360(
      {Rater(kAtasan, kSesuai, kSesuai), Rater(kRekan, kAtas, kAtas), Rater(kSelf, kAtas, kAtas)});
  ASSERT_EQ(small.size(), 1u);
  EXPECT_EQ(small[0].raters, 3);
  EXPECT_FALSE(ShowRatingsTo(small[0], 1));
  // With two peers folded in, three others remain for either viewer.
  const std::vector<GroupRatings> enough =
      AggregateRatings360({Rater(kAtasan, kSesuai, kSesuai), Rater(kRekan, kAtas, kAtas),
                           Rater(kRekan, kAtas, kAtas), Rater(kSelf, kAtas, kAtas)});
  EXPECT_TRUE(ShowRatingsTo(enough[0], 1));
  // The penilai's own rating and the employee's SELF are no secret: always shown.
  const std::vector<GroupRatings> own =
      AggregateRatings360({Rater(kAtasan, kSesuai, kSesuai), Rater(kSelf, kAtas, kAtas)});
  EXPECT_TRUE(ShowRatingsTo(own[0], 1));
  // A REKAN group of exactly three, to a viewer outside it.
  const std::vector<GroupRatings> peers = AggregateRatings360(
      {Rater(kRekan, kAtas, kAtas), Rater(kRekan, kAtas, kAtas), Rater(kRekan, kSesuai, kSesuai)});
  ASSERT_EQ(peers.size(), 1u);
  EXPECT_EQ(peers[0].group, kRekan);
  EXPECT_TRUE(ShowRatingsTo(peers[0], 0));
  EXPECT_FALSE(ShowRatingsTo(peers[0], 1));
}

TEST(ShowScoresOf, PeersAndSubordinatesOnlyFromThreeRaters) {
  GroupScores g;
  g.group = kRekan;
  g.raters = 2;
  EXPECT_FALSE(ShowScoresOf(g));
  g.raters = 3;
  EXPECT_TRUE(ShowScoresOf(g));
  g.group = kBawahan;
  g.raters = 1;
  EXPECT_FALSE(ShowScoresOf(g));
  g.group = kAtasan;
  EXPECT_TRUE(ShowScoresOf(g));
  g.group = kSelf;
  EXPECT_TRUE(ShowScoresOf(g));
}

}  // namespace
}  // namespace ekinerja::skp
