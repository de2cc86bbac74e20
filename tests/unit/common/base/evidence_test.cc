#include "evidence.h"

#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "status.h"
#include "unit/common/violation_fields.h"

namespace ekinerja {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

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
}  // namespace ekinerja
