#include "domain/validation.h"

#include <string>

#include "domain/employee.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "status.h"

namespace ekinerja::identity {
namespace {

using ::testing::ElementsAre;

// The single violation of a rejected value ({} if accepted).
FieldViolation Violation(const absl::Status& status) {
  EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument);
  std::vector<FieldViolation> v = FieldViolationsOf(status);
  EXPECT_EQ(v.size(), 1u) << status;
  return v.empty() ? FieldViolation{} : v.front();
}

std::string Reason(const absl::Status& status) { return Violation(status).description; }

TEST(ValidateTenantCode, AcceptsLowerCaseLettersDigitsAndDashes) {
  EXPECT_TRUE(ValidateTenantCode("kota-demo", "tenant.code").ok());
  EXPECT_TRUE(ValidateTenantCode("kab-banjar2", "tenant.code").ok());
  EXPECT_TRUE(ValidateTenantCode("ab", "tenant.code").ok());
  EXPECT_TRUE(ValidateTenantCode(std::string(32, 'a'), "tenant.code").ok());
}

TEST(ValidateTenantCode, RejectsBadCodesOnTheField) {
  EXPECT_THAT(FieldViolationsOf(ValidateTenantCode("a", "tenant.code")),
              ElementsAre(FieldViolation{"tenant.code",
                                         "tenant code \"a\" must be 2-32 characters, got 1"}));
  EXPECT_EQ(Reason(ValidateTenantCode("", "c")), "tenant code \"\" must be 2-32 characters, got 0");
  EXPECT_EQ(Reason(ValidateTenantCode(std::string(33, 'a'), "c")),
            "tenant code \"" + std::string(33, 'a') + "\" must be 2-32 characters, got 33");
  EXPECT_EQ(Reason(ValidateTenantCode("1kota", "c")), "tenant code \"1kota\" must start with a-z");
  EXPECT_EQ(Reason(ValidateTenantCode("-kota", "c")), "tenant code \"-kota\" must start with a-z");
  EXPECT_EQ(Reason(ValidateTenantCode("Kota", "c")), "tenant code \"Kota\" must start with a-z");
  EXPECT_EQ(Reason(ValidateTenantCode("kota_demo", "c")),
            "tenant code \"kota_demo\" may contain only lower-case letters, digits and '-'");
  EXPECT_EQ(Reason(ValidateTenantCode("kotaDemo", "c")),
            "tenant code \"kotaDemo\" may contain only lower-case letters, digits and '-'");
  EXPECT_EQ(Reason(ValidateTenantCode("kota demo", "c")),
            "tenant code \"kota demo\" may contain only lower-case letters, digits and '-'");
}

TEST(ValidateTenantCode, PlatformIsReserved) {
  EXPECT_THAT(
      FieldViolationsOf(ValidateTenantCode("platform", "tenant.code")),
      ElementsAre(FieldViolation{
          "tenant.code", "tenant code \"platform\" is reserved for the deployment's operator"}));
  EXPECT_TRUE(ValidateTenantCode("platform-2", "tenant.code").ok());
}

TEST(ValidateOrgUnitCode, AcceptsLettersDigitsDotUnderscoreDash) {
  EXPECT_TRUE(ValidateOrgUnitCode("DISKOMINFO", "org_unit.code").ok());
  EXPECT_TRUE(ValidateOrgUnitCode("4.01.02_a-b", "org_unit.code").ok());
  EXPECT_TRUE(ValidateOrgUnitCode("x", "org_unit.code").ok());
  EXPECT_TRUE(ValidateOrgUnitCode(std::string(64, 'Z'), "org_unit.code").ok());
}

TEST(ValidateOrgUnitCode, RejectsEmptyLongAndOtherCharacters) {
  EXPECT_THAT(
      FieldViolationsOf(ValidateOrgUnitCode("", "org_unit.code")),
      ElementsAre(FieldViolation{"org_unit.code", "org unit code must be 1-64 characters, got 0"}));
  EXPECT_EQ(Reason(ValidateOrgUnitCode(std::string(65, 'a'), "f")),
            "org unit code must be 1-64 characters, got 65");
  EXPECT_EQ(Reason(ValidateOrgUnitCode("A B", "f")),
            "org unit code \"A B\" may contain only letters, digits, '.', '_' and '-'");
  EXPECT_EQ(Reason(ValidateOrgUnitCode("A/B", "f")),
            "org unit code \"A/B\" may contain only letters, digits, '.', '_' and '-'");
}

TEST(ValidatePositionCode, SameRulesUnderItsOwnName) {
  EXPECT_TRUE(ValidatePositionCode("KABID.TI-01", "position.code").ok());
  EXPECT_THAT(
      FieldViolationsOf(ValidatePositionCode("KABID TI", "position.code")),
      ElementsAre(FieldViolation{
          "position.code",
          "position code \"KABID TI\" may contain only letters, digits, '.', '_' and '-'"}));
}

TEST(ParseGolongan, NumbersTheSeventeenGrades) {
  const char* names[] = {"I/a",   "I/b",   "I/c",   "I/d",  "II/a", "II/b", "II/c", "II/d", "III/a",
                         "III/b", "III/c", "III/d", "IV/a", "IV/b", "IV/c", "IV/d", "IV/e"};
  for (int g = 1; g <= 17; ++g) {
    absl::StatusOr<int> parsed = ParseGolongan(names[g - 1], "golongan");
    ASSERT_TRUE(parsed.ok()) << names[g - 1];
    EXPECT_EQ(*parsed, g) << names[g - 1];
    EXPECT_EQ(GolonganName(g), names[g - 1]);
  }
}

TEST(ParseGolongan, TheLetterMayBeUpperCase) {
  EXPECT_EQ(*ParseGolongan("III/A", "golongan"), 9);
  EXPECT_EQ(*ParseGolongan("IV/E", "golongan"), 17);
  EXPECT_EQ(*ParseGolongan("I/D", "golongan"), 4);
}

TEST(ParseGolongan, RejectsGradesThatDoNotExist) {
  const std::string expected_prefix =
      "golongan must be one of I/a-I/d, II/a-II/d, III/a-III/d, IV/a-IV/e; got ";
  for (const char* bad : {"I/e", "II/e", "III/e", "IV/f", "V/a", "IIII/a", "iii/a", "III/", "III",
                          "/a", "III/ab", "III-a", "3a", " III/a", "III/a ", ""}) {
    absl::StatusOr<int> parsed = ParseGolongan(bad, "employee.golongan");
    EXPECT_THAT(
        FieldViolationsOf(parsed.status()),
        ElementsAre(FieldViolation{"employee.golongan", expected_prefix + "\"" + bad + "\""}))
        << bad;
  }
}

TEST(GolonganName, EmptyOutsideOneToSeventeen) {
  EXPECT_EQ(GolonganName(0), "");
  EXPECT_EQ(GolonganName(18), "");
  EXPECT_EQ(GolonganName(-1), "");
}

TEST(ValidateKelasJabatan, OneToSeventeen) {
  EXPECT_TRUE(ValidateKelasJabatan(1, "position.kelas_jabatan").ok());
  EXPECT_TRUE(ValidateKelasJabatan(17, "position.kelas_jabatan").ok());
  EXPECT_THAT(
      FieldViolationsOf(ValidateKelasJabatan(0, "position.kelas_jabatan")),
      ElementsAre(FieldViolation{"position.kelas_jabatan", "kelas jabatan must be 1-17, got 0"}));
  EXPECT_EQ(Reason(ValidateKelasJabatan(18, "f")), "kelas jabatan must be 1-17, got 18");
  EXPECT_EQ(Reason(ValidateKelasJabatan(-3, "f")), "kelas jabatan must be 1-17, got -3");
}

TEST(ValidateName, AcceptsNamesUpToTwoHundredCharacters) {
  EXPECT_TRUE(ValidateName("Dr. Siti Aminah, M.Si.", "employee.name").ok());
  EXPECT_TRUE(ValidateName("  Budi  ", "employee.name").ok());
  EXPECT_TRUE(ValidateName(std::string(200, 'a'), "employee.name").ok());
  // Padding is not counted.
  EXPECT_TRUE(ValidateName("  " + std::string(200, 'a') + "  ", "employee.name").ok());
  // Characters, not bytes: 200 x "é" is 400 bytes.
  std::string accents;
  for (int i = 0; i < 200; ++i) accents += "\xC3\xA9";
  EXPECT_TRUE(ValidateName(accents, "employee.name").ok());
}

TEST(ValidateName, RejectsBlankLongAndControlCharacters) {
  EXPECT_THAT(FieldViolationsOf(ValidateName("", "employee.name")),
              ElementsAre(FieldViolation{"employee.name", "name must not be blank"}));
  EXPECT_EQ(Reason(ValidateName(" \t\r\n ", "f")), "name must not be blank");
  EXPECT_EQ(Reason(ValidateName(std::string(201, 'a'), "f")),
            "name must be at most 200 characters, got 201");
  EXPECT_EQ(Reason(ValidateName("Siti\nAminah", "f")),
            "name must not contain control characters (line breaks, tabs)");
  EXPECT_EQ(Reason(ValidateName("Siti\tAminah", "f")),
            "name must not contain control characters (line breaks, tabs)");
}

TEST(ValidateUsername, AcceptsNipsAndAddresses) {
  EXPECT_TRUE(ValidateUsername("196702271998032003", "username").ok());
  EXPECT_TRUE(ValidateUsername("admin.kota-demo", "username").ok());
  EXPECT_TRUE(ValidateUsername("siti_a@banjarkab.go.id", "username").ok());
  EXPECT_TRUE(ValidateUsername("abc", "username").ok());
  EXPECT_TRUE(ValidateUsername(std::string(64, 'u'), "username").ok());
}

TEST(ValidateUsername, RejectsShortLongAndOtherCharacters) {
  EXPECT_THAT(
      FieldViolationsOf(ValidateUsername("ab", "admin_username")),
      ElementsAre(FieldViolation{"admin_username", "username must be 3-64 characters, got 2"}));
  EXPECT_EQ(Reason(ValidateUsername(std::string(65, 'u'), "f")),
            "username must be 3-64 characters, got 65");
  EXPECT_EQ(Reason(ValidateUsername(".admin", "f")), "username must start with a letter or digit");
  EXPECT_EQ(Reason(ValidateUsername("ad min", "f")),
            "username may contain only letters, digits, '.', '_', '-' and '@'");
  EXPECT_EQ(Reason(ValidateUsername("admin:x", "f")),
            "username may contain only letters, digits, '.', '_', '-' and '@'");
}

TEST(ValidatePassword, AtLeastTenCharacters) {
  EXPECT_TRUE(ValidatePassword("0123456789", "password").ok());
  EXPECT_TRUE(ValidatePassword(std::string(256, 'p'), "password").ok());
  EXPECT_THAT(
      FieldViolationsOf(ValidatePassword("012345678", "admin_password")),
      ElementsAre(FieldViolation{"admin_password", "password must be at least 10 characters"}));
  EXPECT_EQ(Reason(ValidatePassword("", "f")), "password must be at least 10 characters");
  EXPECT_EQ(Reason(ValidatePassword(std::string(257, 'p'), "f")),
            "password must be at most 256 bytes");
  // Ten 2-byte characters are ten characters; five are not, though they are ten bytes.
  std::string ten, five;
  for (int i = 0; i < 10; ++i) ten += "\xC3\xA9";
  for (int i = 0; i < 5; ++i) five += "\xC3\xA9";
  EXPECT_TRUE(ValidatePassword(ten, "f").ok());
  EXPECT_EQ(Reason(ValidatePassword(five, "f")), "password must be at least 10 characters");
}

TEST(ParseEmploymentStatus, ReadsTheSixStatuses) {
  EXPECT_EQ(*ParseEmploymentStatus("aktif", "s"), EmploymentStatus::kAktif);
  EXPECT_EQ(*ParseEmploymentStatus("cltn", "s"), EmploymentStatus::kCltn);
  EXPECT_EQ(*ParseEmploymentStatus("tugas_belajar", "s"), EmploymentStatus::kTugasBelajar);
  EXPECT_EQ(*ParseEmploymentStatus("pensiun", "s"), EmploymentStatus::kPensiun);
  EXPECT_EQ(*ParseEmploymentStatus("mutasi_keluar", "s"), EmploymentStatus::kMutasiKeluar);
  EXPECT_EQ(*ParseEmploymentStatus("diberhentikan", "s"), EmploymentStatus::kDiberhentikan);
  EXPECT_EQ(*ParseEmploymentStatus("AKTIF", "s"), EmploymentStatus::kAktif);
  EXPECT_EQ(EmploymentStatusName(EmploymentStatus::kTugasBelajar), "tugas_belajar");
  EXPECT_EQ(EmploymentStatusName(EmploymentStatus::kMutasiKeluar), "mutasi_keluar");
}

TEST(ParseEmploymentStatus, RejectsOtherWords) {
  EXPECT_THAT(
      FieldViolationsOf(ParseEmploymentStatus("cuti", "employee.status").status()),
      ElementsAre(FieldViolation{"employee.status",
                                 "status must be one of aktif, cltn, tugas_belajar, pensiun, "
                                 "mutasi_keluar, diberhentikan; got \"cuti\""}));
  EXPECT_FALSE(ParseEmploymentStatus("", "s").ok());
  EXPECT_FALSE(ParseEmploymentStatus("tugas belajar", "s").ok());
}

}  // namespace
}  // namespace ekinerja::identity
