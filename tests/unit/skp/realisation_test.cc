#include "domain/realisation.h"

#include "absl/time/civil_time.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "status.h"

namespace ekinerja::skp {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

constexpr PeriodKind kMonthly = PeriodKind::kMonthly;
constexpr PeriodKind kQuarterly = PeriodKind::kQuarterly;
constexpr PeriodKind kAnnual = PeriodKind::kAnnual;
const absl::CivilDay kJan1(2026, 1, 1), kDec31(2026, 12, 31);

std::vector<std::string> Fields(const std::vector<FieldViolation>& list) {
  std::vector<std::string> out;
  for (const FieldViolation& f : list) out.push_back(f.field);
  return out;
}

std::vector<std::string> Fields(const absl::Status& st) { return Fields(FieldViolationsOf(st)); }

TEST(RealisationPeriod, TheRulesKindOrTheYear) {
  EXPECT_TRUE(CheckRealisationPeriod({2026, kMonthly, 3}, kMonthly, 2026, kJan1, kDec31).ok());
  EXPECT_TRUE(CheckRealisationPeriod({2026, kAnnual, 1}, kMonthly, 2026, kJan1, kDec31).ok());
  EXPECT_TRUE(CheckRealisationPeriod({2026, kQuarterly, 4}, kQuarterly, 2026, kJan1, kDec31).ok());
  EXPECT_THAT(Fields(CheckRealisationPeriod({2026, kQuarterly, 1}, kMonthly, 2026, kJan1, kDec31)),
              ElementsAre("period"));
  EXPECT_THAT(Fields(CheckRealisationPeriod({2026, kMonthly, 1}, kQuarterly, 2026, kJan1, kDec31)),
              ElementsAre("period"));
}

TEST(RealisationPeriod, OfTheSkpsYear) {
  EXPECT_THAT(Fields(CheckRealisationPeriod({2025, kMonthly, 12}, kMonthly, 2026, kJan1, kDec31)),
              ElementsAre("period"));
  EXPECT_THAT(Fields(CheckRealisationPeriod({2027, kAnnual, 1}, kMonthly, 2026, kJan1, kDec31)),
              ElementsAre("period"));
}

TEST(RealisationPeriod, OverlappingTheSkpsDatesAtTheEdges) {
  // An SKP of a position period 2026-03-15 to 2026-06-10.
  const absl::CivilDay start(2026, 3, 15), end(2026, 6, 10);
  EXPECT_THAT(Fields(CheckRealisationPeriod({2026, kMonthly, 2}, kMonthly, 2026, start, end)),
              ElementsAre("period"));
  EXPECT_TRUE(CheckRealisationPeriod({2026, kMonthly, 3}, kMonthly, 2026, start, end).ok());
  EXPECT_TRUE(CheckRealisationPeriod({2026, kMonthly, 6}, kMonthly, 2026, start, end).ok());
  EXPECT_THAT(Fields(CheckRealisationPeriod({2026, kMonthly, 7}, kMonthly, 2026, start, end)),
              ElementsAre("period"));
  EXPECT_TRUE(CheckRealisationPeriod({2026, kQuarterly, 1}, kQuarterly, 2026, start, end).ok());
  EXPECT_THAT(Fields(CheckRealisationPeriod({2026, kQuarterly, 3}, kQuarterly, 2026, start, end)),
              ElementsAre("period"));
  EXPECT_TRUE(CheckRealisationPeriod({2026, kAnnual, 1}, kQuarterly, 2026, start, end).ok());
  // The first and the last day of the SKP alone are enough.
  EXPECT_TRUE(CheckRealisationPeriod({2026, kMonthly, 3}, kMonthly, 2026,
                                     absl::CivilDay(2026, 3, 31), absl::CivilDay(2026, 3, 31))
                  .ok());
}

TEST(EvidenceTypes, PdfJpegPngOnly) {
  EXPECT_TRUE(IsEvidenceContentType("application/pdf"));
  EXPECT_TRUE(IsEvidenceContentType("image/jpeg"));
  EXPECT_TRUE(IsEvidenceContentType("image/png"));
  EXPECT_FALSE(IsEvidenceContentType("image/gif"));
  EXPECT_FALSE(IsEvidenceContentType("Application/PDF"));
  EXPECT_FALSE(IsEvidenceContentType(""));
}

TEST(Evidence, NoneALinkOrAFile) {
  EXPECT_THAT(EvidenceViolations("", false, "", "", 0, 1024), IsEmpty());
  EXPECT_THAT(EvidenceViolations("https://drive.example.go.id/x", false, "", "", 0, 1024),
              IsEmpty());
  EXPECT_THAT(EvidenceViolations("", true, "bukti.pdf", "application/pdf", 1, 1024), IsEmpty());
  EXPECT_THAT(EvidenceViolations("", true, "bukti.png", "image/png", 1024, 1024), IsEmpty());
}

TEST(Evidence, LinksAreHttpsOnly) {
  EXPECT_THAT(Fields(EvidenceViolations("http://example.go.id/x", false, "", "", 0, 1024)),
              ElementsAre("evidence_link"));
  EXPECT_THAT(Fields(EvidenceViolations("ftp://example.go.id/x", false, "", "", 0, 1024)),
              ElementsAre("evidence_link"));
}

TEST(Evidence, FileSizeEdgesTypeNameAndNeverBoth) {
  EXPECT_THAT(Fields(EvidenceViolations("", true, "a.pdf", "application/pdf", 1025, 1024)),
              ElementsAre("evidence_file.content"));
  EXPECT_THAT(Fields(EvidenceViolations("", true, "a.pdf", "application/pdf", 0, 1024)),
              ElementsAre("evidence_file.content"));
  EXPECT_THAT(Fields(EvidenceViolations("", true, "a.gif", "image/gif", 10, 1024)),
              ElementsAre("evidence_file.content_type"));
  EXPECT_THAT(Fields(EvidenceViolations("", true, "", "image/png", 10, 1024)),
              ElementsAre("evidence_file.file_name"));
  EXPECT_THAT(Fields(EvidenceViolations("https://x.go.id", true, "a.png", "image/png", 10, 1024)),
              ElementsAre("evidence_file"));
  EXPECT_THAT(Fields(EvidenceViolations("http://x.go.id", true, "", "text/plain", 0, 1024)),
              ElementsAre("evidence_link", "evidence_file", "evidence_file.file_name",
                          "evidence_file.content_type", "evidence_file.content"));
}

}  // namespace
}  // namespace ekinerja::skp
