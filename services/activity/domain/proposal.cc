#include "domain/proposal.h"

#include <map>

#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "status.h"

namespace ekinerja::activity {
namespace {

constexpr int kMinYear = 2000;
constexpr int kMaxYear = 2100;

bool Digits(absl::string_view s) {
  for (char c : s) {
    if (!absl::ascii_isdigit(static_cast<unsigned char>(c))) return false;
  }
  return !s.empty();
}

}  // namespace

absl::StatusOr<ProposalPeriod> ParseProposalPeriod(absl::string_view text,
                                                   absl::string_view field) {
  const absl::Status bad = InvalidField(
      std::string(field), absl::StrCat("an SKP period: a month \"2026-M03\" or a quarter "
                                       "\"2026-Q1\" of ",
                                       kMinYear, "-", kMaxYear));
  int year = 0, number = 0;
  // "2026-M03" or "2026-Q1".
  const bool monthly = text.size() == 8 && text.substr(4, 2) == "-M";
  const bool quarterly = text.size() == 7 && text.substr(4, 2) == "-Q";
  if (!monthly && !quarterly) return bad;
  if (!Digits(text.substr(0, 4)) || !Digits(text.substr(6)) ||
      !absl::SimpleAtoi(text.substr(0, 4), &year) || !absl::SimpleAtoi(text.substr(6), &number)) {
    return bad;
  }
  const int periods = monthly ? 12 : 4;
  if (year < kMinYear || year > kMaxYear || number < 1 || number > periods) return bad;
  const int first_month = monthly ? number : 3 * (number - 1) + 1;
  const int months = monthly ? 1 : 3;
  const absl::CivilMonth start(year, first_month);
  return ProposalPeriod{absl::CivilDay(start), absl::CivilDay(start + months) - 1};
}

std::vector<RhkProposal> SumProposals(const std::vector<ProposalEntry>& entries) {
  std::map<int64_t, RhkProposal> by_rhk;
  for (const ProposalEntry& e : entries) {
    if (!e.approved || e.rhk_id <= 0) continue;
    RhkProposal& p = by_rhk[e.rhk_id];
    p.rhk_id = e.rhk_id;
    p.output_quantity += e.output_quantity;
    p.earned_minutes += e.earned_minutes;
    ++p.entries;
  }
  std::vector<RhkProposal> out;
  for (const auto& [id, p] : by_rhk) out.push_back(p);
  return out;
}

}  // namespace ekinerja::activity
