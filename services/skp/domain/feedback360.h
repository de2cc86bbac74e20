#pragma once

// 360° behaviour feedback (DOMAIN §2; Bandung E-RK, PP 30/2019 Pasal 41): besides the pejabat
// penilai (ATASAN), the employee's peers (REKAN, same atasan langsung), direct subordinates
// (BAWAHAN) and the employee (SELF) give feedback on each BerAKHLAK value (6/2022) or score each
// PP 46 behaviour aspect. Nobody sees one rater's answer: only group aggregates leave here.

#include <array>
#include <optional>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "domain/predikat.h"
#include "rational.h"

namespace ekinerja::skp {

enum class RaterGroup { kAtasan, kRekan, kBawahan, kSelf };
// "ATASAN", "REKAN", "BAWAHAN", "SELF", and back.
std::string_view RaterGroupName(RaterGroup group);
std::optional<RaterGroup> ParseRaterGroup(std::string_view name);

// The BerAKHLAK core values of ASN, in their order.
enum class BerAkhlak {
  kBerorientasiPelayanan,
  kAkuntabel,
  kKompeten,
  kHarmonis,
  kLoyal,
  kAdaptif,
  kKolaboratif,
};
inline constexpr int kBerAkhlakValues = 7;
// "BERORIENTASI_PELAYANAN", "AKUNTABEL", "KOMPETEN", "HARMONIS", "LOYAL", "ADAPTIF",
// "KOLABORATIF", and back.
std::string_view BerAkhlakName(BerAkhlak value);
std::optional<BerAkhlak> ParseBerAkhlak(std::string_view name);

// --- PermenPANRB 6/2022: one rating per value ---

// One rater's answers, indexed by BerAkhlak; a value left unanswered is nullopt.
struct RatingFeedback {
  RaterGroup group = RaterGroup::kAtasan;
  std::array<std::optional<Rating>, kBerAkhlakValues> ratings;
};

struct RatingCounts {
  int di_bawah = 0;
  int sesuai = 0;
  int di_atas = 0;
  void Add(Rating rating);
  RatingCounts& operator+=(const RatingCounts& o);
  bool operator==(const RatingCounts& o) const {
    return di_bawah == o.di_bawah && sesuai == o.sesuai && di_atas == o.di_atas;
  }
};

// One group of the displayed aggregate.
struct GroupRatings {
  RaterGroup group = RaterGroup::kAtasan;
  int raters = 0;                  // including the raters of the groups folded into it
  std::vector<RaterGroup> folded;  // ATASAN only: the groups counted in it, in order
  std::array<RatingCounts, kBerAkhlakValues> per_value;  // indexed by BerAkhlak
};

// A group other than ATASAN shows only with at least this many raters.
inline constexpr int kMinRatersShown = 3;

// The aggregate that the rated employee and the pejabat penilai both see: per group and per value
// the count of each rating, a group other than ATASAN with fewer than kMinRatersShown raters (SELF
// always) folded into ATASAN's counts so that no single rater is revealed. Groups in the order
// ATASAN, REKAN, BAWAHAN, SELF, only those with raters (ATASAN also when a group was folded into
// it).
std::vector<GroupRatings> AggregateRatings360(const std::vector<RatingFeedback>& feedback);

// --- PP 46 / Perka BKN 1/2013: a score 0–100 per aspect ---

// One rater's scores, one per behaviour aspect (5, or 6 with kepemimpinan; domain/pp46.h).
struct ScoreFeedback {
  RaterGroup group = RaterGroup::kAtasan;
  std::vector<int> scores;
};

// The groups' weights in percent, tenant-set, summing to 100. The defaults are our assumption
// (DOMAIN §2): atasan 60, rekan 20, bawahan 20, self 0.
struct Weights360 {
  int atasan = 60;
  int rekan = 20;
  int bawahan = 20;
  int self = 0;
  int of(RaterGroup group) const;
};

struct GroupScores {
  RaterGroup group = RaterGroup::kAtasan;
  int raters = 0;
  std::vector<Rational> aspect_means;  // the group's mean of each aspect
  Rational mean;                       // the group's mean over every aspect
  int weight_percent = 0;              // as set
  Rational effective_weight_percent;   // after a missing group's weight was redistributed
};

struct Perilaku360 {
  std::vector<GroupScores> groups;      // the groups that answered, in order
  std::vector<Rational> aspect_scores;  // per aspect: Σ effective weight × group aspect mean
  Rational nilai_perilaku;  // Σ effective weight × group mean (= mean of aspect_scores)
};

// Nilai perilaku from 360° scores: the weighted mean of the groups' means. A group with no rater
// gives its weight to the groups that answered, pro rata to their weights (effective weight =
// weight × 100 / Σ weights of the groups that answered). Exact. INVALID_ARGUMENT when the weights
// are negative or do not sum to 100 ("weights"), a rater gives other than 5 or 6 scores or not as
// many as the first rater ("feedback[i].scores"), or a score is outside 0–100
// ("feedback[i].scores[j]"); FAILED_PRECONDITION when no group with a positive weight answered
// (e.g. only SELF), since there is nothing to redistribute to.
absl::StatusOr<Perilaku360> NilaiPerilaku360(const std::vector<ScoreFeedback>& feedback,
                                             const Weights360& weights);

// Whether an entry of AggregateRatings360 may be shown to a viewer who gave `own_answers` of the
// answers counted in it (the pejabat penilai their ATASAN answer, the rated employee their SELF
// one, folded into ATASAN's). Folding alone does not hide a rater from a viewer who can subtract
// their own answer, so an entry holding answers of peers or subordinates (REKAN, BAWAHAN, or ATASAN
// with them folded in) is shown only when at least kMinRatersShown of its raters are others than
// the viewer (DOMAIN §2: no single rater is ever revealed). The pejabat penilai's own rating is
// not anonymous, nor is SELF to its author: an entry of only those is always shown.
bool ShowRatingsTo(const GroupRatings& entry, int own_answers);

// The same for a PP 46 group mean (groups are not folded there): REKAN and BAWAHAN means show only
// with at least kMinRatersShown raters; ATASAN and SELF always. The nilai perilaku counts every
// answer either way.
bool ShowScoresOf(const GroupScores& group);

}  // namespace ekinerja::skp
