#include "domain/feedback360.h"

#include <array>
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"
#include "enum_names.h"
#include "status.h"

namespace ekinerja::skp {
namespace {

constexpr EnumNames<RaterGroup, 4> kGroupNames = {{
    {RaterGroup::kAtasan, "ATASAN"},
    {RaterGroup::kRekan, "REKAN"},
    {RaterGroup::kBawahan, "BAWAHAN"},
    {RaterGroup::kSelf, "SELF"},
}};

constexpr EnumNames<BerAkhlak, kBerAkhlakValues> kValueNames = {{
    {BerAkhlak::kBerorientasiPelayanan, "BERORIENTASI_PELAYANAN"},
    {BerAkhlak::kAkuntabel, "AKUNTABEL"},
    {BerAkhlak::kKompeten, "KOMPETEN"},
    {BerAkhlak::kHarmonis, "HARMONIS"},
    {BerAkhlak::kLoyal, "LOYAL"},
    {BerAkhlak::kAdaptif, "ADAPTIF"},
    {BerAkhlak::kKolaboratif, "KOLABORATIF"},
}};

constexpr RaterGroup kGroups[] = {RaterGroup::kAtasan, RaterGroup::kRekan, RaterGroup::kBawahan,
                                  RaterGroup::kSelf};

size_t Index(RaterGroup g) { return static_cast<size_t>(g); }

// INVALID_ARGUMENT for bad weights or scores, one violation a bad field.
absl::Status CheckScores(const std::vector<ScoreFeedback>& feedback, const Weights360& weights) {
  Violations v;
  const int sum = weights.atasan + weights.rekan + weights.bawahan + weights.self;
  if (weights.atasan < 0 || weights.rekan < 0 || weights.bawahan < 0 || weights.self < 0 ||
      sum != 100) {
    v.Add("weights", absl::StrCat("must be non-negative and sum to 100, got ", weights.atasan, "/",
                                  weights.rekan, "/", weights.bawahan, "/", weights.self));
  }
  for (size_t i = 0; i < feedback.size(); ++i) {
    const std::vector<int>& scores = feedback[i].scores;
    const std::string path = absl::StrCat("feedback[", i, "].scores");
    if (scores.size() != 5 && scores.size() != 6) {
      v.Add(path, absl::StrCat("5 or 6 aspects, got ", scores.size()));
      continue;
    }
    if (scores.size() != feedback[0].scores.size()) {
      v.Add(path, absl::StrCat("as many aspects as feedback[0] (", feedback[0].scores.size(),
                               "), got ", scores.size()));
      continue;
    }
    for (size_t j = 0; j < scores.size(); ++j) {
      if (scores[j] < 0 || scores[j] > 100) {
        v.Add(absl::StrCat(path, "[", j, "]"),
              absl::StrCat("must be between 0 and 100, got ", scores[j]));
      }
    }
  }
  return v.ToStatus();
}

}  // namespace

std::string_view RaterGroupName(RaterGroup group) { return NameOf(kGroupNames, group); }
std::optional<RaterGroup> ParseRaterGroup(std::string_view name) {
  return ValueOf(kGroupNames, name);
}
std::string_view BerAkhlakName(BerAkhlak value) { return NameOf(kValueNames, value); }
std::optional<BerAkhlak> ParseBerAkhlak(std::string_view name) {
  return ValueOf(kValueNames, name);
}

void RatingCounts::Add(Rating rating) {
  switch (rating) {
    case Rating::kDiBawahEkspektasi:
      ++di_bawah;
      return;
    case Rating::kSesuaiEkspektasi:
      ++sesuai;
      return;
    case Rating::kDiAtasEkspektasi:
      ++di_atas;
      return;
  }
}

RatingCounts& RatingCounts::operator+=(const RatingCounts& o) {
  di_bawah += o.di_bawah;
  sesuai += o.sesuai;
  di_atas += o.di_atas;
  return *this;
}

std::vector<GroupRatings> AggregateRatings360(const std::vector<RatingFeedback>& feedback) {
  // Every group's own tally first, then the small ones folded into ATASAN.
  std::array<GroupRatings, 4> tally;
  for (RaterGroup g : kGroups) tally[Index(g)].group = g;
  for (const RatingFeedback& f : feedback) {
    GroupRatings& t = tally[Index(f.group)];
    ++t.raters;
    for (int v = 0; v < kBerAkhlakValues; ++v) {
      if (f.ratings[v].has_value()) t.per_value[v].Add(*f.ratings[v]);
    }
  }
  GroupRatings& atasan = tally[Index(RaterGroup::kAtasan)];
  for (RaterGroup g : kGroups) {
    GroupRatings& t = tally[Index(g)];
    if (g == RaterGroup::kAtasan || t.raters == 0 || t.raters >= kMinRatersShown) continue;
    atasan.raters += t.raters;
    atasan.folded.push_back(g);
    for (int v = 0; v < kBerAkhlakValues; ++v) atasan.per_value[v] += t.per_value[v];
    t.raters = 0;  // shown only inside ATASAN
  }
  std::vector<GroupRatings> shown;
  for (const GroupRatings& t : tally) {
    if (t.raters > 0) shown.push_back(t);
  }
  return shown;
}

int Weights360::of(RaterGroup group) const {
  switch (group) {
    case RaterGroup::kAtasan:
      return atasan;
    case RaterGroup::kRekan:
      return rekan;
    case RaterGroup::kBawahan:
      return bawahan;
    case RaterGroup::kSelf:
      return self;
  }
  return 0;
}

absl::StatusOr<Perilaku360> NilaiPerilaku360(const std::vector<ScoreFeedback>& feedback,
                                             const Weights360& weights) {
  EK_RETURN_IF_ERROR(CheckScores(feedback, weights));
  const size_t aspects = feedback.empty() ? 0 : feedback[0].scores.size();
  // Sums per group and aspect, in int64 (at most 100 per score).
  std::array<std::vector<int64_t>, 4> sums;
  std::array<int, 4> raters{};
  for (const ScoreFeedback& f : feedback) {
    std::vector<int64_t>& s = sums[Index(f.group)];
    s.resize(aspects, 0);
    for (size_t j = 0; j < aspects; ++j) s[j] += f.scores[j];
    ++raters[Index(f.group)];
  }
  int present_weight = 0;
  for (RaterGroup g : kGroups) {
    if (raters[Index(g)] > 0) present_weight += weights.of(g);
  }
  if (present_weight == 0) {
    return absl::FailedPreconditionError(
        "no rater group with a weight has answered (only groups weighted 0, e.g. SELF): nilai "
        "perilaku cannot be computed");
  }
  Perilaku360 result;
  result.aspect_scores.assign(aspects, Rational(0));
  result.nilai_perilaku = Rational(0);
  for (RaterGroup g : kGroups) {
    const int n = raters[Index(g)];
    if (n == 0) continue;
    GroupScores gs;
    gs.group = g;
    gs.raters = n;
    gs.weight_percent = weights.of(g);
    // PP 46 360° (DOMAIN §2): a missing group's weight goes to the others pro rata.
    gs.effective_weight_percent = Rational(int64_t{gs.weight_percent} * 100, present_weight);
    int64_t total = 0;
    for (size_t j = 0; j < aspects; ++j) {
      gs.aspect_means.push_back(Rational(sums[Index(g)][j], n));
      total += sums[Index(g)][j];
      result.aspect_scores[j] =
          result.aspect_scores[j] + gs.aspect_means[j] * gs.effective_weight_percent / 100;
    }
    gs.mean = Rational(total, int64_t{n} * static_cast<int64_t>(aspects));
    result.nilai_perilaku = result.nilai_perilaku + gs.mean * gs.effective_weight_percent / 100;
    result.groups.push_back(std::move(gs));
  }
  return result;
}

bool ShowRatingsTo(const GroupRatings& entry, int own_answers) {
  bool anonymous = entry.group == RaterGroup::kRekan || entry.group == RaterGroup::kBawahan;
  for (RaterGroup g : entry.folded) {
    anonymous = anonymous || g == RaterGroup::kRekan || g == RaterGroup::kBawahan;
  }
  return !anonymous || entry.raters - own_answers >= kMinRatersShown;
}

bool ShowScoresOf(const GroupScores& group) {
  return group.group == RaterGroup::kAtasan || group.group == RaterGroup::kSelf ||
         group.raters >= kMinRatersShown;
}

}  // namespace ekinerja::skp
