#pragma once

// The small Dinas Kesehatan every service's integration tests seed, as data: identity's fixture
// creates it through identity's API, the service fixtures declare it to the fakes of
// tests/mocks. One table, so that both worlds hold the same people in the same places:
//
//   DINKES (KADIS: kadis)                       STAF: staf_sekretariat
//   ├── DINKES.P2P (KABID: kabid_p2p)           STAF: staf_p2p
//   │   └── DINKES.P2P.S1 (KASI: vacant;        STAF: staf_s1_a, staf_s1_b
//   │                      Plt staf_p2p from kPltStart)
//   └── DINKES.YANKES (KABID: kabid_yankes)     STAF: staf_yankes
//
// Everyone holds their own (definitive) position from kAssignedFrom, open-ended. Logins: the
// tenant admin kTenantAdmin; kadis, kabid_p2p, staf_p2p, staf_s1_a, staf_s1_b and staf_yankes
// (username = NIP); kAuditor (AUDITOR) and kOpdAdmin (ADMIN_OPD of DINKES.P2P).

#include <map>
#include <string>
#include <vector>

#include "absl/strings/str_format.h"
#include "absl/time/civil_time.h"
#include "ekinerja/identity/v1/identity.pb.h"

namespace ekinerja::integration {

// The deployment-wide service account of attendance (tenant platform, SERVICE).
constexpr char kPlatformService[] = "ekinerja-attendance";

constexpr char kTenantAdmin[] = "admin";
constexpr char kAuditor[] = "auditor";
constexpr char kOpdAdmin[] = "admin.p2p";  // ADMIN_OPD of DINKES.P2P (and DINKES.P2P.S1)
constexpr char kOpdAdminUnit[] = "DINKES.P2P";

const absl::CivilDay kAssignedFrom(2020, 1, 2);
const absl::CivilDay kPltStart(2024, 1, 1);

// An 18-digit NIP from its parts: birth "YYYYMMDD", TMT "YYYYMM", gender 1/2, sequence 1..999.
inline std::string MakeNip(const std::string& birth, const std::string& tmt, int gender,
                           int sequence) {
  return absl::StrFormat("%s%s%d%03d", birth, tmt, gender, sequence);
}

// What a seed made. Employees with a login use their NIP as username.
struct SeededTenant {
  std::string code;
  std::string admin_token;  // ADMIN_INSTANSI
  std::string kadis, kabid_p2p, staf_p2p, staf_s1_a, staf_s1_b, kabid_yankes, staf_yankes,
      staf_sekretariat;
  std::vector<std::string> all_nips;             // sorted
  std::map<std::string, std::string> passwords;  // username -> password, every login
};

struct SeedUnit {
  const char* code;
  const char* name;
  const char* parent;
};
// Identity's fixture names each unit after its tenant too: "Bidang P2P dinkes".
inline std::string SeedUnitName(const SeedUnit& unit, const std::string& tenant) {
  return std::string(unit.name) + " " + tenant;
}
inline const std::vector<SeedUnit>& SeedUnits() {
  static const std::vector<SeedUnit> units = {
      {"DINKES", "Dinas Kesehatan", ""},
      {"DINKES.P2P", "Bidang P2P", "DINKES"},
      {"DINKES.P2P.S1", "Seksi Surveilans", "DINKES.P2P"},
      {"DINKES.YANKES", "Bidang Pelayanan Kesehatan", "DINKES"}};
  return units;
}

struct SeedPosition {
  const char* code;
  const char* name;
  identity::v1::PositionKind kind;
  int kelas;
  const char* unit;
  bool head;
};
inline const std::vector<SeedPosition>& SeedPositions() {
  namespace v1 = identity::v1;
  static const std::vector<SeedPosition> positions = {
      {"DINKES.KADIS", "Kepala Dinas", v1::POSITION_KIND_JPT, 15, "DINKES", true},
      {"DINKES.STAF", "Pengadministrasi Umum", v1::POSITION_KIND_PELAKSANA, 6, "DINKES", false},
      {"DINKES.P2P.KABID", "Kepala Bidang P2P", v1::POSITION_KIND_ADMINISTRATOR, 12, "DINKES.P2P",
       true},
      {"DINKES.P2P.STAF", "Analis P2P", v1::POSITION_KIND_PELAKSANA, 7, "DINKES.P2P", false},
      {"DINKES.P2P.S1.KASI", "Kepala Seksi Surveilans", v1::POSITION_KIND_PENGAWAS, 9,
       "DINKES.P2P.S1", true},
      {"DINKES.P2P.S1.STAF", "Pengelola Data Surveilans", v1::POSITION_KIND_PELAKSANA, 6,
       "DINKES.P2P.S1", false},
      {"DINKES.YANKES.KABID", "Kepala Bidang Yankes", v1::POSITION_KIND_ADMINISTRATOR, 12,
       "DINKES.YANKES", true},
      {"DINKES.YANKES.STAF", "Epidemiolog Kesehatan", v1::POSITION_KIND_FUNGSIONAL, 8,
       "DINKES.YANKES", false},
  };
  return positions;
}

// Born in this order, so their NIPs sort in this order too.
struct SeedPerson {
  std::string SeededTenant::*nip;
  const char* birth;
  const char* tmt;
  int gender;
  const char* name;
  const char* golongan;
  const char* position;
  bool login;
};
inline const std::vector<SeedPerson>& SeedPeople() {
  static const std::vector<SeedPerson> people = {
      {&SeededTenant::kadis, "19680312", "199003", 1, "dr. Ahmad Santoso", "IV/c", "DINKES.KADIS",
       true},
      {&SeededTenant::kabid_p2p, "19700521", "199503", 2, "Sri Wahyuni", "IV/a", "DINKES.P2P.KABID",
       true},
      {&SeededTenant::staf_p2p, "19750817", "200003", 1, "Budi Hartono", "III/c", "DINKES.P2P.STAF",
       true},
      {&SeededTenant::staf_s1_a, "19800101", "200501", 2, "Dewi Lestari", "III/a",
       "DINKES.P2P.S1.STAF", true},
      {&SeededTenant::staf_s1_b, "19850214", "201003", 1, "Eko Prasetyo", "II/c",
       "DINKES.P2P.S1.STAF", true},
      {&SeededTenant::kabid_yankes, "19870630", "201201", 2, "Fitri Handayani", "IV/a",
       "DINKES.YANKES.KABID", false},
      {&SeededTenant::staf_yankes, "19900909", "201503", 1, "Gilang Ramadhan", "III/b",
       "DINKES.YANKES.STAF", true},
      {&SeededTenant::staf_sekretariat, "19920404", "201803", 2, "Hana Pertiwi", "II/a",
       "DINKES.STAF", false},
  };
  return people;
}

// The NIP of `person` in the `series`-th tenant seeded in one test (NIPs differ between them).
inline std::string SeedNip(const SeedPerson& person, int series, int index) {
  return MakeNip(person.birth, person.tmt, person.gender, series * 100 + index + 1);
}

// The Plt: staf_p2p acts as the vacant Kasi of S1 from kPltStart.
constexpr char kPltPosition[] = "DINKES.P2P.S1.KASI";

}  // namespace ekinerja::integration
