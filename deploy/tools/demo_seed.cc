// ekinerja-demo-seed: seeds the demo tenant "demo" (Pemerintah Kota Demo, a fictional Kota)
// through the real IdentityService API and writes the demo logins to a JSON file.
//
// What it creates, in order: the tenant and its first ADMIN_INSTANSI (as the platform admin); then,
// as that admin, an OPD tree four levels deep, a head position per unit plus staff positions, 60
// employees in one ImportEmployees call (each gets a login without a password, username = NIP),
// their activation codes in one IssuePasswordCodes call, each employee's password set with their
// code (SetPasswordWithCode, as each employee would), one Plt in the one vacant head position, the
// heads of the other OPDs under the Sekretaris Daerah (supervisor overrides), and four accounts:
// an ADMIN_OPD, a VERIFIKATOR_TPP, an AUDITOR and a service account. A tenant that already exists
// means an earlier run seeded it: then only the credentials file is (re)written.
//
// With --attendance (the AttendanceService address), it also makes the attendance demo, on every
// run, idempotently: as the demo admin, the fingerprint device DEMO-ZK-0001 (Asia/Jakarta),
// tenant-wide PINs 1..60 for the demo employees in their order below, and, as the deployment's
// service account "ekinerja-attendance" (tenant platform, made by identity's
// --service_accounts_file; its client secret from EKINERJA_ATTENDANCE_CLIENT_SECRET) with a token
// of the demo tenant got by ExchangeToken, two weeks of punches ending yesterday: made up
// from each NIP and date (the same every run, so a second run only finds duplicates), mostly on
// time, some late or leaving early by every TL/PSW tier, a few missing check-outs and absences.
// The credentials file then also gives each employee login's PIN.
//
// With --skp (the SkpService address), it also makes the SKP demo, on every run, idempotently:
// every employee's SKP of this year (Asia/Jakarta), cascaded from the Sekretaris Daerah down (the
// heads of the other OPDs report to the Sekda by supervisor overrides, so the tree has one top),
// each step taken by whoever takes it in real life: the employee creates, plans (each RHK utama
// linked to an RHK of the atasan's approved SKP) and submits; the pejabat penilai of today
// (identity's resolution, the Plt included) approves with expectations, or rejects with a reason;
// the tenant admin approves the Sekda's (who has no pejabat penilai). A few employees without
// subordinates are left in DRAFT, SUBMITTED and REJECTED (kSkpHolds); the rest are approved. A
// second run finds every SKP where it left it and takes no step.
//
// With --activity (the ActivityService address; needs --attendance and --skp), it also makes the
// activity demo through the API, each step as whoever takes it in real life. The service accepts
// a day's report only until D+1 23:59, so only yesterday's and today's can be filed: first today's
// punches that have happened by now (as the attendance account, like the device's pushes; the
// check-ins today's reports need), then each present employee's report of yesterday (blocks of
// one to two hours between check-in and check-out, each linked to an RHK of the employee's SKP
// approved that day, or to a tugas tambahan without one; a few present days without any) and of
// today so far, with request ids (a second run answers the same entries). Yesterday's are
// submitted; each atasan (identity's resolution at submission, the Plt included) approves theirs
// in one DecideEntries call, but some leave them pending and the first to decide rejects one
// entry with a reason. Some of today's stay in DRAFT. The Sekretaris Daerah files none (the head
// of the region verifies them, outside the system). Older weeks are demo history that
// deploy/local/up writes straight into the activity schema.
//
// Every name, NIP and password here is invented. The passwords are fixed so that the demo can be
// documented; they are for a local demo only.

#include <grpcpp/grpcpp.h>
#include <sys/stat.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/flags/usage.h"
#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "absl/time/civil_time.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "channel.h"
#include "date_proto.h"
#include "ekinerja/activity/v1/activity.grpc.pb.h"
#include "ekinerja/attendance/v1/attendance.grpc.pb.h"
#include "ekinerja/identity/v1/identity.grpc.pb.h"
#include "ekinerja/skp/v1/skp.grpc.pb.h"
#include "google/rpc/code.pb.h"
#include "google/rpc/error_details.pb.h"
#include "google/rpc/status.pb.h"
#include "log.h"
#include "text.h"

ABSL_FLAG(std::string, identity, "127.0.0.1:50051", "IdentityService gRPC address");
ABSL_FLAG(std::string, platform_password, "",
          "password of the platform admin (tenant \"platform\", user \"admin\"); when empty, the "
          "environment variable EKINERJA_PLATFORM_PASSWORD");
ABSL_FLAG(std::string, admin_password, "DemoInstansi#2025",
          "password of the demo tenant's first admin (user \"admin\")");
ABSL_FLAG(std::string, out, ".data/demo-credentials.json", "where to write the demo logins");
ABSL_FLAG(int, wait_seconds, 30,
          "how long to wait for the identity (and attendance) service to accept connections");
ABSL_FLAG(std::string, attendance, "",
          "AttendanceService gRPC address; when set, also seeds the attendance demo (device, PINs, "
          "two weeks of punches, pushed as the service account ekinerja-attendance)");
ABSL_FLAG(std::string, attendance_client_secret, "",
          "client secret of the deployment's service account ekinerja-attendance (tenant "
          "platform: identity's --service_accounts_file); when empty, the environment variable "
          "EKINERJA_ATTENDANCE_CLIENT_SECRET");
ABSL_FLAG(
    std::string, skp, "",
    "SkpService gRPC address; when set, also seeds the SKP demo (every employee's SKP of this "
    "year, cascaded from the Sekretaris Daerah down, most approved, a few left in DRAFT, "
    "SUBMITTED and REJECTED), each step as the employee or the pejabat penilai");
ABSL_FLAG(std::string, activity, "",
          "ActivityService gRPC address (needs --attendance and --skp); when set, also seeds the "
          "activity demo: today's punches so far, yesterday's and today's daily reports filed and "
          "submitted by the employees, yesterday's decided by their atasan");

namespace {

namespace pb = ekinerja::identity::v1;
namespace att = ekinerja::attendance::v1;
namespace skpv1 = ekinerja::skp::v1;
namespace actv1 = ekinerja::activity::v1;
using ekinerja::type::v1::Role;

// ---------------------------------------------------------------------------------------------
// The demo data.

// The longest any call may take (ImportEmployees, PushPunches): the channel's deadline.
constexpr int kLongestCallSeconds = 120;
constexpr char kTenant[] = "demo";
constexpr char kTenantName[] = "Pemerintah Kota Demo";
constexpr char kTimeZone[] = "Asia/Jakarta";
constexpr char kAdminUsername[] = "admin";

// Demo passwords (documented in the credentials file; never use them outside a local demo).
constexpr char kEmployeePassword[] = "DemoPegawai#2025";
constexpr char kAdminOpdPassword[] = "DemoAdminOpd#2025";
constexpr char kVerifikatorPassword[] = "DemoVerifikator#2025";
constexpr char kAuditorPassword[] = "DemoAuditor#2025";
constexpr char kServiceSecret[] = "demo-sinkron-simpeg-2025";

// Definitive assignments start on this day; the Plt on kPltStart.
constexpr char kStartDate[] = "2024-01-02";
constexpr int kStartYear = 2024, kStartMonth = 1, kStartDay = 2;
constexpr int kPltYear = 2025, kPltMonth = 1, kPltDay = 2;

struct Unit {
  const char* code;
  const char* name;
  const char* parent;  // "" for an OPD
  const char* head;    // name of the head position
  pb::PositionKind head_kind;
  int head_kelas;
};

constexpr auto JPT = pb::POSITION_KIND_JPT;
constexpr auto ADM = pb::POSITION_KIND_ADMINISTRATOR;
constexpr auto PGW = pb::POSITION_KIND_PENGAWAS;
constexpr auto PLK = pb::POSITION_KIND_PELAKSANA;
constexpr auto FNG = pb::POSITION_KIND_FUNGSIONAL;

// Parents come before their children. Each unit's head position is "<code>.KEPALA".
const std::vector<Unit> kUnits = {
    {"SETDA", "Sekretariat Daerah", "", "Sekretaris Daerah", JPT, 14},
    {"SETDA.ASUM", "Asisten Administrasi Umum", "SETDA", "Asisten Administrasi Umum", JPT, 13},
    {"SETDA.ASUM.ORG", "Bagian Organisasi", "SETDA.ASUM", "Kepala Bagian Organisasi", ADM, 12},
    {"SETDA.ASUM.ORG.KLB", "Subbagian Kelembagaan dan Analisis Jabatan", "SETDA.ASUM.ORG",
     "Kepala Subbagian Kelembagaan dan Analisis Jabatan", PGW, 9},
    {"SETDA.ASUM.ORG.RB", "Subbagian Reformasi Birokrasi dan Akuntabilitas Kinerja",
     "SETDA.ASUM.ORG", "Kepala Subbagian Reformasi Birokrasi dan Akuntabilitas Kinerja", PGW, 9},
    {"SETDA.ASUM.UMUM", "Bagian Umum", "SETDA.ASUM", "Kepala Bagian Umum", ADM, 12},
    {"SETDA.ASUM.UMUM.TU", "Subbagian Tata Usaha Pimpinan", "SETDA.ASUM.UMUM",
     "Kepala Subbagian Tata Usaha Pimpinan", PGW, 9},
    {"DINKES", "Dinas Kesehatan", "", "Kepala Dinas Kesehatan", JPT, 14},
    {"DINKES.SEK", "Sekretariat Dinas Kesehatan", "DINKES", "Sekretaris Dinas Kesehatan", ADM, 12},
    {"DINKES.SEK.UMPEG", "Subbagian Umum dan Kepegawaian", "DINKES.SEK",
     "Kepala Subbagian Umum dan Kepegawaian", PGW, 9},
    {"DINKES.P2P", "Bidang Pencegahan dan Pengendalian Penyakit", "DINKES",
     "Kepala Bidang Pencegahan dan Pengendalian Penyakit", ADM, 12},
    {"DINKES.P2P.SURV", "Seksi Surveilans dan Imunisasi", "DINKES.P2P",
     "Kepala Seksi Surveilans dan Imunisasi", PGW, 9},
    {"DINKES.YANKES", "Bidang Pelayanan Kesehatan", "DINKES", "Kepala Bidang Pelayanan Kesehatan",
     ADM, 12},
    {"DINKES.YANKES.PRIMER", "Seksi Pelayanan Kesehatan Primer", "DINKES.YANKES",
     "Kepala Seksi Pelayanan Kesehatan Primer", PGW, 9},
    {"BKPSDM", "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia", "",
     "Kepala Badan Kepegawaian dan Pengembangan Sumber Daya Manusia", JPT, 14},
    {"BKPSDM.MUTASI", "Bidang Mutasi dan Promosi", "BKPSDM", "Kepala Bidang Mutasi dan Promosi",
     ADM, 12},
    {"BKPSDM.KINERJA", "Bidang Penilaian Kinerja dan Penghargaan", "BKPSDM",
     "Kepala Bidang Penilaian Kinerja dan Penghargaan", ADM, 12},
    {"DISDIK", "Dinas Pendidikan", "", "Kepala Dinas Pendidikan", JPT, 14},
    {"DISDIK.SEK", "Sekretariat Dinas Pendidikan", "DISDIK", "Sekretaris Dinas Pendidikan", ADM,
     12},
    {"DISDIK.SD", "Bidang Pembinaan Sekolah Dasar", "DISDIK",
     "Kepala Bidang Pembinaan Sekolah Dasar", ADM, 12},
    {"DISDIK.SD.KUR", "Seksi Kurikulum dan Penilaian Sekolah Dasar", "DISDIK.SD",
     "Kepala Seksi Kurikulum dan Penilaian Sekolah Dasar", PGW, 9},
};

// The unit whose head, the Sekretaris Daerah, is the top of the supervisor tree: the heads of the
// other OPDs report to them (supervisor overrides from kStartDate).
constexpr char kTopUnit[] = "SETDA";

// The head position left vacant; the Sekretaris Dinas Kesehatan acts in it as Plt.
constexpr char kVacantHeadUnit[] = "DINKES.P2P";

// Staff positions, "<unit>.<suffix>"; several employees may hold the same one.
struct StaffPosition {
  const char* unit;
  const char* suffix;
  const char* name;
  pb::PositionKind kind;
  int kelas;
};

const std::vector<StaffPosition> kStaffPositions = {
    {"SETDA.ASUM.ORG", "PRANATA", "Pranata Komputer Ahli Pertama", FNG, 8},
    {"SETDA.ASUM.ORG.KLB", "PENELAAH", "Penelaah Teknis Kebijakan", PLK, 7},
    {"SETDA.ASUM.ORG.KLB", "PENGADM", "Pengadministrasi Perkantoran", PLK, 5},
    {"SETDA.ASUM.ORG.RB", "ANALIS", "Analis Kebijakan Ahli Pertama", FNG, 8},
    {"SETDA.ASUM.UMUM.TU", "PENGADM", "Pengadministrasi Perkantoran", PLK, 5},
    {"SETDA.ASUM.UMUM.TU", "OPERASIONAL", "Pengelola Layanan Operasional", PLK, 6},
    {"DINKES.SEK", "PERENCANA", "Perencana Ahli Pertama", FNG, 8},
    {"DINKES.SEK.UMPEG", "ASDM", "Analis Sumber Daya Manusia Aparatur Ahli Pertama", FNG, 8},
    {"DINKES.SEK.UMPEG", "PENGADM", "Pengadministrasi Perkantoran", PLK, 5},
    {"DINKES.P2P", "EPIDEMIOLOG", "Epidemiolog Kesehatan Ahli Pertama", FNG, 8},
    {"DINKES.P2P.SURV", "ENTOMOLOG", "Entomolog Kesehatan Ahli Pertama", FNG, 8},
    {"DINKES.P2P.SURV", "PENGOLAH", "Pengolah Data dan Informasi", PLK, 6},
    {"DINKES.YANKES", "SANITARIAN", "Tenaga Sanitasi Lingkungan Ahli Pertama", FNG, 8},
    {"DINKES.YANKES.PRIMER", "ADMKES", "Administrator Kesehatan Ahli Pertama", FNG, 8},
    {"DINKES.YANKES.PRIMER", "PENGADM", "Pengadministrasi Perkantoran", PLK, 5},
    {"BKPSDM.MUTASI", "ASDM", "Analis Sumber Daya Manusia Aparatur Ahli Pertama", FNG, 8},
    {"BKPSDM.MUTASI", "PENGADM", "Pengadministrasi Perkantoran", PLK, 5},
    {"BKPSDM.KINERJA", "ASDM", "Analis Sumber Daya Manusia Aparatur Ahli Pertama", FNG, 8},
    {"BKPSDM.KINERJA", "PENGOLAH", "Pengolah Data dan Informasi", PLK, 6},
    {"DISDIK.SEK", "PERENCANA", "Perencana Ahli Pertama", FNG, 8},
    {"DISDIK.SEK", "PENGADM", "Pengadministrasi Perkantoran", PLK, 5},
    {"DISDIK.SEK", "BENDAHARA", "Bendahara", PLK, 7},
    {"DISDIK.SD", "PENGOLAH", "Pengolah Data dan Informasi", PLK, 6},
    {"DISDIK.SD.KUR", "PENGEMBANG", "Pengembang Teknologi Pembelajaran Ahli Pertama", FNG, 8},
    {"DISDIK.SD.KUR", "PENGADM", "Pengadministrasi Perkantoran", PLK, 5},
};

enum Gender { kMale = 1, kFemale = 2 };

struct Person {
  const char* name;
  Gender gender;
  const char* golongan;
  const char* position;  // position code
  const char* unit;      // org unit code
};

// The heads first (one per unit but the vacant one), then the staff.
const std::vector<Person> kPeople = {
    {"Drs. Bambang Sutrisno, M.Si.", kMale, "IV/d", "SETDA.KEPALA", "SETDA"},
    {"Hj. Sri Wahyuningsih, S.H., M.H.", kFemale, "IV/c", "SETDA.ASUM.KEPALA", "SETDA.ASUM"},
    {"Agus Setiawan, S.Sos., M.AP.", kMale, "IV/b", "SETDA.ASUM.ORG.KEPALA", "SETDA.ASUM.ORG"},
    {"Dewi Anggraini, S.E.", kFemale, "III/d", "SETDA.ASUM.ORG.KLB.KEPALA", "SETDA.ASUM.ORG.KLB"},
    {"Rudy Hermawan, S.IP.", kMale, "III/d", "SETDA.ASUM.ORG.RB.KEPALA", "SETDA.ASUM.ORG.RB"},
    {"Yusuf Maulana, S.Sos., M.Si.", kMale, "IV/a", "SETDA.ASUM.UMUM.KEPALA", "SETDA.ASUM.UMUM"},
    {"Nur Aini, S.Kom.", kFemale, "III/d", "SETDA.ASUM.UMUM.TU.KEPALA", "SETDA.ASUM.UMUM.TU"},
    {"dr. Ratna Kusumawardani, M.Kes.", kFemale, "IV/c", "DINKES.KEPALA", "DINKES"},
    {"Hendra Gunawan, S.KM., M.Kes.", kMale, "IV/a", "DINKES.SEK.KEPALA", "DINKES.SEK"},
    {"Siti Rahmawati, S.AP.", kFemale, "III/d", "DINKES.SEK.UMPEG.KEPALA", "DINKES.SEK.UMPEG"},
    {"Eko Prasetyo, S.KM.", kMale, "III/d", "DINKES.P2P.SURV.KEPALA", "DINKES.P2P.SURV"},
    {"dr. Maria Magdalena Siregar", kFemale, "IV/b", "DINKES.YANKES.KEPALA", "DINKES.YANKES"},
    {"Made Suartana, S.Kep., Ners", kMale, "III/d", "DINKES.YANKES.PRIMER.KEPALA",
     "DINKES.YANKES.PRIMER"},
    {"Ir. Joko Santoso, M.M.", kMale, "IV/c", "BKPSDM.KEPALA", "BKPSDM"},
    {"Fitri Handayani, S.Psi., M.Si.", kFemale, "IV/a", "BKPSDM.MUTASI.KEPALA", "BKPSDM.MUTASI"},
    {"Andi Baso Mappiare, S.H.", kMale, "IV/a", "BKPSDM.KINERJA.KEPALA", "BKPSDM.KINERJA"},
    {"Dra. Endang Susilowati, M.Pd.", kFemale, "IV/c", "DISDIK.KEPALA", "DISDIK"},
    {"Teguh Wibowo, S.E., M.Ak.", kMale, "IV/a", "DISDIK.SEK.KEPALA", "DISDIK.SEK"},
    {"Yohana Wenda, S.Pd., M.Pd.", kFemale, "IV/a", "DISDIK.SD.KEPALA", "DISDIK.SD"},
    {"I Gusti Ayu Kade Sri Utami, S.Pd.", kFemale, "III/d", "DISDIK.SD.KUR.KEPALA",
     "DISDIK.SD.KUR"},

    {"Ahmad Fauzi, S.Kom.", kMale, "III/a", "SETDA.ASUM.ORG.PRANATA", "SETDA.ASUM.ORG"},
    {"Rina Marlina, S.Sos.", kFemale, "III/b", "SETDA.ASUM.ORG.KLB.PENELAAH", "SETDA.ASUM.ORG.KLB"},
    {"Bayu Aji Nugroho, S.AP.", kMale, "III/a", "SETDA.ASUM.ORG.KLB.PENELAAH",
     "SETDA.ASUM.ORG.KLB"},
    {"Sulastri", kFemale, "II/c", "SETDA.ASUM.ORG.KLB.PENGADM", "SETDA.ASUM.ORG.KLB"},
    {"Dian Puspitasari, S.IP.", kFemale, "III/a", "SETDA.ASUM.ORG.RB.ANALIS", "SETDA.ASUM.ORG.RB"},
    {"Putu Eka Wirawan, S.E.", kMale, "III/b", "SETDA.ASUM.ORG.RB.ANALIS", "SETDA.ASUM.ORG.RB"},
    {"Intan Permatasari", kFemale, "II/d", "SETDA.ASUM.UMUM.TU.PENGADM", "SETDA.ASUM.UMUM.TU"},
    {"Fajar Ramadhan", kMale, "II/b", "SETDA.ASUM.UMUM.TU.PENGADM", "SETDA.ASUM.UMUM.TU"},
    {"Slamet Widodo", kMale, "II/c", "SETDA.ASUM.UMUM.TU.OPERASIONAL", "SETDA.ASUM.UMUM.TU"},
    {"Lina Herlina, S.E.", kFemale, "III/a", "DINKES.SEK.PERENCANA", "DINKES.SEK"},
    {"Muhammad Rizki Akbar, S.Psi.", kMale, "III/a", "DINKES.SEK.UMPEG.ASDM", "DINKES.SEK.UMPEG"},
    {"Novita Sari", kFemale, "II/c", "DINKES.SEK.UMPEG.PENGADM", "DINKES.SEK.UMPEG"},
    {"Hendro Tambunan", kMale, "II/d", "DINKES.SEK.UMPEG.PENGADM", "DINKES.SEK.UMPEG"},
    {"Yuliana Manurung, S.KM.", kFemale, "III/b", "DINKES.P2P.EPIDEMIOLOG", "DINKES.P2P"},
    {"Arif Budiman, S.KM.", kMale, "III/a", "DINKES.P2P.EPIDEMIOLOG", "DINKES.P2P"},
    {"Wulan Sari Dewi, S.Si.", kFemale, "III/a", "DINKES.P2P.SURV.ENTOMOLOG", "DINKES.P2P.SURV"},
    {"Dedi Kurniawan", kMale, "II/c", "DINKES.P2P.SURV.PENGOLAH", "DINKES.P2P.SURV"},
    {"Ratih Purwasih, A.Md.", kFemale, "II/d", "DINKES.P2P.SURV.PENGOLAH", "DINKES.P2P.SURV"},
    {"Gilang Permana", kMale, "II/b", "DINKES.P2P.SURV.PENGOLAH", "DINKES.P2P.SURV"},
    {"Ketut Ariani, S.KM.", kFemale, "III/a", "DINKES.YANKES.SANITARIAN", "DINKES.YANKES"},
    {"Rahmat Hidayat, S.KM.", kMale, "III/b", "DINKES.YANKES.PRIMER.ADMKES",
     "DINKES.YANKES.PRIMER"},
    {"Ayu Wandira, S.KM.", kFemale, "III/a", "DINKES.YANKES.PRIMER.ADMKES", "DINKES.YANKES.PRIMER"},
    {"Ferry Situmorang", kMale, "II/c", "DINKES.YANKES.PRIMER.PENGADM", "DINKES.YANKES.PRIMER"},
    {"Maya Anggraeni, S.Psi.", kFemale, "III/b", "BKPSDM.MUTASI.ASDM", "BKPSDM.MUTASI"},
    {"Aditya Pratama, S.AP.", kMale, "III/a", "BKPSDM.MUTASI.ASDM", "BKPSDM.MUTASI"},
    {"Nurul Hikmah", kFemale, "II/d", "BKPSDM.MUTASI.PENGADM", "BKPSDM.MUTASI"},
    {"Yogi Saputra", kMale, "II/b", "BKPSDM.MUTASI.PENGADM", "BKPSDM.MUTASI"},
    {"Sri Mulyati, S.E.", kFemale, "III/b", "BKPSDM.KINERJA.ASDM", "BKPSDM.KINERJA"},
    {"Imam Syafii, S.H.", kMale, "III/a", "BKPSDM.KINERJA.ASDM", "BKPSDM.KINERJA"},
    {"Desi Kartikasari, A.Md.", kFemale, "II/d", "BKPSDM.KINERJA.PENGOLAH", "BKPSDM.KINERJA"},
    {"Wahyu Hidayat, S.E.", kMale, "III/a", "DISDIK.SEK.PERENCANA", "DISDIK.SEK"},
    {"Anisa Rahma", kFemale, "II/c", "DISDIK.SEK.PENGADM", "DISDIK.SEK"},
    {"Stefanus Lamanepa", kMale, "II/d", "DISDIK.SEK.PENGADM", "DISDIK.SEK"},
    {"Fransiska Dewi Sinaga, S.Ak.", kFemale, "III/a", "DISDIK.SEK.BENDAHARA", "DISDIK.SEK"},
    {"Zulkarnain Nasution", kMale, "II/c", "DISDIK.SD.PENGOLAH", "DISDIK.SD"},
    {"Halimah Tusadiah, A.Md.", kFemale, "II/d", "DISDIK.SD.PENGOLAH", "DISDIK.SD"},
    {"Ilham Maulana, S.Pd.", kMale, "III/b", "DISDIK.SD.KUR.PENGEMBANG", "DISDIK.SD.KUR"},
    {"Kurniasih, S.Pd.", kFemale, "III/a", "DISDIK.SD.KUR.PENGEMBANG", "DISDIK.SD.KUR"},
    {"Benny Rumbiak", kMale, "II/b", "DISDIK.SD.KUR.PENGADM", "DISDIK.SD.KUR"},
    {"Tri Wahyuni", kFemale, "II/c", "DISDIK.SD.KUR.PENGADM", "DISDIK.SD.KUR"},
};

// Who the credentials file names besides the admins, by position: the Kepala Dinas Kesehatan,
// the Sekretaris Dinas Kesehatan (the Plt) and a pelaksana of Seksi Surveilans.
constexpr char kKepalaDinasPosition[] = "DINKES.KEPALA";
constexpr char kPltPosition[] = "DINKES.SEK.KEPALA";
constexpr char kStaffPosition[] = "DINKES.P2P.SURV.PENGOLAH";

// The first person holding `position` (the tables above guarantee one).
int IndexOfHolder(const std::string& position) {
  for (size_t i = 0; i < kPeople.size(); ++i) {
    if (position == kPeople[i].position) return static_cast<int>(i);
  }
  std::abort();
}

struct Account {
  const char* username;
  Role role;
  const char* admin_org_unit;  // ADMIN_OPD scope
  bool service_account;
  const char* password;
  const char* name;
  const char* note;
};

const std::vector<Account> kAccounts = {
    {"admin.dinkes", ekinerja::type::v1::ROLE_ADMIN_OPD, "DINKES", false, kAdminOpdPassword,
     "Admin OPD Dinas Kesehatan", "ADMIN_OPD of the DINKES subtree"},
    {"verifikator.bkpsdm", ekinerja::type::v1::ROLE_VERIFIKATOR_TPP, "", false,
     kVerifikatorPassword, "Verifikator TPP BKPSDM", "verifies monthly TPP runs"},
    {"auditor.inspektorat", ekinerja::type::v1::ROLE_AUDITOR, "", false, kAuditorPassword,
     "Auditor Inspektorat", "reads everything of the tenant, changes nothing"},
    {"simpeg-sync", ekinerja::type::v1::ROLE_SERVICE, "", true, kServiceSecret,
     "SIMPEG synchronisation job",
     "service account: Login{tenant, client_id: username, client_secret: password}"},
};

// NIP (Perka BKN 22/2007, DOMAIN §1): YYYYMMDD birth, YYYYMM TMT CPNS, gender, sequence. Made up
// deterministically from the person's place in kPeople: heads older than staff, appointed 23-28
// years after birth, sequence 001 upwards.
std::string MakeNip(int index, Gender gender, bool head) {
  const int birth_year = head ? 1966 + (index * 7) % 16 : 1982 + (index * 5) % 14;
  const int birth_month = 1 + (index * 5) % 12;
  const int birth_day = 1 + (index * 11) % 28;
  const int tmt_year = birth_year + 23 + index % 6;
  const int tmt_month = 1 + (index * 3) % 12;
  return absl::StrFormat("%04d%02d%02d%04d%02d%d%03d", birth_year, birth_month, birth_day, tmt_year,
                         tmt_month, static_cast<int>(gender), index + 1);
}

std::string HeadCode(const std::string& unit) { return unit + ".KEPALA"; }

bool IsHead(const Person& p) { return HeadCode(p.unit) == p.position; }

std::string CsvQuote(const std::string& s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::string EmployeesCsv() {
  std::string csv = "nip,name,golongan,position_code,org_unit_code,start_date,username\n";
  for (size_t i = 0; i < kPeople.size(); ++i) {
    const Person& p = kPeople[i];
    const std::string nip = MakeNip(static_cast<int>(i), p.gender, IsHead(p));
    csv += absl::StrCat(nip, ",", CsvQuote(p.name), ",", p.golongan, ",", p.position, ",", p.unit,
                        ",", kStartDate, ",", nip, "\n");
  }
  return csv;
}

// ---------------------------------------------------------------------------------------------
// The calls.

// The code, the message and each google.rpc.BadRequest field violation.
void Report(const std::string& what, const grpc::Status& status) {
  std::cerr << "demo-seed: " << what << ": "
            << absl::StatusCodeToString(static_cast<absl::StatusCode>(status.error_code())) << ": "
            << status.error_message() << "\n";
  google::rpc::Status details;
  if (status.error_details().empty() || !details.ParseFromString(status.error_details())) return;
  for (const auto& any : details.details()) {
    google::rpc::BadRequest bad;
    if (!any.UnpackTo(&bad)) continue;
    for (const auto& v : bad.field_violations()) {
      std::cerr << "  " << v.field() << ": " << v.description() << "\n";
    }
  }
}

bool Succeeded(const grpc::Status& status) {
  return status.ok() || status.error_code() == grpc::StatusCode::ALREADY_EXISTS;
}

grpc::ClientContext* Prepare(grpc::ClientContext& ctx, const std::string& token,
                             int timeout_seconds) {
  ctx.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(timeout_seconds));
  if (!token.empty()) ctx.AddMetadata("authorization", "Bearer " + token);
  return &ctx;
}

// Calls one unary method of `stub` with `token` as the bearer (none when empty). Failures other
// than ALREADY_EXISTS (which tells the caller what an earlier run made) are reported.
template <typename Stub, typename Request, typename Response>
grpc::Status CallUnary(Stub& stub, const std::string& token, const std::string& what,
                       grpc::Status (Stub::*method)(grpc::ClientContext*, const Request&,
                                                    Response*),
                       const Request& request, Response* response, int timeout_seconds = 30) {
  grpc::ClientContext ctx;
  grpc::Status status = (stub.*method)(Prepare(ctx, token, timeout_seconds), request, response);
  if (!status.ok() && status.error_code() != grpc::StatusCode::ALREADY_EXISTS) {
    Report(what, status);
  }
  return status;
}

class Seeder {
 public:
  explicit Seeder(std::shared_ptr<grpc::Channel> channel)
      : stub_(pb::IdentityService::NewStub(std::move(channel))) {}

  // Calls one IdentityService method with the current bearer token (CallUnary).
  template <typename Request, typename Response>
  grpc::Status Call(const std::string& what,
                    grpc::Status (pb::IdentityService::Stub::*method)(grpc::ClientContext*,
                                                                      const Request&, Response*),
                    const Request& request, Response* response, int timeout_seconds = 30) {
    return CallUnary(*stub_, token_, what, method, request, response, timeout_seconds);
  }

  bool LogIn(const std::string& tenant, const std::string& username, const std::string& password) {
    token_.clear();
    pb::LoginRequest request;
    request.set_tenant(tenant);
    request.set_username(username);
    request.set_password(password);
    pb::LoginResponse response;
    if (!Call("Login", &pb::IdentityService::Stub::Login, request, &response).ok()) return false;
    token_ = response.access_token();
    return true;
  }

  // A service account's client-credentials login.
  bool LogInClient(const std::string& tenant, const std::string& client_id,
                   const std::string& client_secret) {
    token_.clear();
    pb::LoginRequest request;
    request.set_tenant(tenant);
    request.set_client_id(client_id);
    request.set_client_secret(client_secret);
    pb::LoginResponse response;
    if (!Call("Login " + client_id, &pb::IdentityService::Stub::Login, request, &response).ok()) {
      return false;
    }
    token_ = response.access_token();
    return true;
  }

  const std::string& token() const { return token_; }
  pb::IdentityService::Stub& stub() { return *stub_; }

  // Exchanges the current token (a service account's) for a SERVICE token of `tenant` (RFC 8693),
  // which becomes the current token.
  bool ExchangeFor(const std::string& tenant) {
    pb::ExchangeTokenRequest request;
    request.set_grant_type("urn:ietf:params:oauth:grant-type:token-exchange");
    request.set_subject_token_type("urn:ietf:params:oauth:token-type:access_token");
    request.set_audience(tenant);
    pb::ExchangeTokenResponse response;
    if (!Call("ExchangeToken " + tenant, &pb::IdentityService::Stub::ExchangeToken, request,
              &response)
             .ok()) {
      return false;
    }
    token_ = response.access_token();
    return true;
  }

  // Returns false when the tenant existed already.
  bool CreateTenant(const std::string& admin_password, bool& ok) {
    pb::CreateTenantRequest request;
    request.mutable_tenant()->set_code(kTenant);
    request.mutable_tenant()->set_name(kTenantName);
    request.mutable_tenant()->set_time_zone(kTimeZone);
    request.set_admin_username(kAdminUsername);
    request.set_admin_password(admin_password);
    // No request_id: a replayed one would answer OK, and ALREADY_EXISTS is what tells a later run
    // that the demo is seeded. The calls after it carry request ids, so retries never duplicate.
    pb::Tenant response;
    grpc::Status status =
        Call("CreateTenant", &pb::IdentityService::Stub::CreateTenant, request, &response);
    ok = status.ok() || status.error_code() == grpc::StatusCode::ALREADY_EXISTS;
    return status.ok();
  }

  bool SeedOrganisation() {
    for (const Unit& u : kUnits) {
      pb::CreateOrgUnitRequest request;
      request.mutable_org_unit()->set_code(u.code);
      request.mutable_org_unit()->set_name(u.name);
      request.mutable_org_unit()->set_parent_code(u.parent);
      request.set_request_id(absl::StrCat("demo-seed-unit-", u.code));
      pb::OrgUnit response;
      if (!Succeeded(Call(absl::StrCat("CreateOrgUnit ", u.code),
                          &pb::IdentityService::Stub::CreateOrgUnit, request, &response))) {
        return false;
      }
    }
    for (const Unit& u : kUnits) {
      if (!CreatePosition(HeadCode(u.code), u.head, u.head_kind, u.head_kelas, u.code, true)) {
        return false;
      }
    }
    for (const StaffPosition& s : kStaffPositions) {
      if (!CreatePosition(absl::StrCat(s.unit, ".", s.suffix), s.name, s.kind, s.kelas, s.unit,
                          false)) {
        return false;
      }
    }
    return true;
  }

  bool ImportEmployees() {
    pb::ImportEmployeesRequest request;
    request.set_csv(EmployeesCsv());
    request.set_request_id("demo-seed-import");
    pb::ImportEmployeesResponse response;
    const grpc::Status status = Call("ImportEmployees", &pb::IdentityService::Stub::ImportEmployees,
                                     request, &response, kLongestCallSeconds);
    if (!Succeeded(status)) return false;
    // A file with bad rows is answered with its report, nothing imported.
    for (const auto& problem : response.problems()) {
      std::cerr << "ImportEmployees: " << problem.description() << "\n";
    }
    return response.problems().empty();
  }

  // The imported logins have no password: as the admin, one activation code each; then, as each
  // employee would with the code their admin gave them, the demo password.
  bool ActivateEmployees() {
    pb::IssuePasswordCodesRequest issue;
    issue.set_all_without_password(true);
    pb::IssuePasswordCodesResponse codes;
    if (!Call("IssuePasswordCodes", &pb::IdentityService::Stub::IssuePasswordCodes, issue, &codes)
             .ok()) {
      return false;
    }
    for (const pb::PasswordCode& code : codes.codes()) {
      pb::SetPasswordWithCodeRequest set;
      set.set_tenant(kTenant);
      set.set_username(code.username());
      set.set_code(code.code());
      set.set_new_password(kEmployeePassword);
      pb::SetPasswordWithCodeResponse done;
      if (!CallUnary(*stub_, "", "SetPasswordWithCode " + code.username(),
                     &pb::IdentityService::Stub::SetPasswordWithCode, set, &done)
               .ok()) {
        return false;
      }
    }
    return true;
  }

  bool CreatePlt() {
    pb::CreateAssignmentRequest request;
    pb::Assignment* a = request.mutable_assignment();
    a->set_nip(NipOf(IndexOfHolder(kPltPosition)));
    a->set_position_code(HeadCode(kVacantHeadUnit));
    a->set_kind(pb::ASSIGNMENT_KIND_PLT);
    a->mutable_start_date()->set_year(kPltYear);
    a->mutable_start_date()->set_month(kPltMonth);
    a->mutable_start_date()->set_day(kPltDay);
    request.set_request_id("demo-seed-plt");
    pb::Assignment response;
    return Succeeded(Call("CreateAssignment (Plt)", &pb::IdentityService::Stub::CreateAssignment,
                          request, &response));
  }

  // The heads of the OPDs but kTopUnit report to its head (atasan langsung, so pejabat penilai).
  bool CreateOverrides() {
    const std::string top = NipOf(IndexOfHolder(HeadCode(kTopUnit)));
    for (const Unit& u : kUnits) {
      if (*u.parent != '\0' || u.code == std::string(kTopUnit)) continue;
      pb::CreateSupervisorOverrideRequest request;
      pb::SupervisorOverride* o = request.mutable_supervisor_override();
      o->set_nip(NipOf(IndexOfHolder(HeadCode(u.code))));
      o->set_supervisor_nip(top);
      o->set_role(pb::SUPERVISOR_ROLE_ATASAN_LANGSUNG);
      o->mutable_start_date()->set_year(kStartYear);
      o->mutable_start_date()->set_month(kStartMonth);
      o->mutable_start_date()->set_day(kStartDay);
      request.set_request_id(absl::StrCat("demo-seed-override-", u.code));
      pb::SupervisorOverride response;
      if (!Succeeded(Call(absl::StrCat("CreateSupervisorOverride ", u.code),
                          &pb::IdentityService::Stub::CreateSupervisorOverride, request,
                          &response))) {
        return false;
      }
    }
    return true;
  }

  bool CreateAccounts() {
    for (const Account& account : kAccounts) {
      pb::CreateUserRequest request;
      request.mutable_user()->set_username(account.username);
      request.mutable_user()->add_roles(account.role);
      request.mutable_user()->set_admin_org_unit_code(account.admin_org_unit);
      request.set_password(account.password);
      request.set_service_account(account.service_account);
      request.set_request_id(absl::StrCat("demo-seed-user-", account.username));
      pb::User response;
      if (!Succeeded(Call(absl::StrCat("CreateUser ", account.username),
                          &pb::IdentityService::Stub::CreateUser, request, &response))) {
        return false;
      }
    }
    return true;
  }

  static std::string NipOf(int index) {
    const Person& p = kPeople[index];
    return MakeNip(index, p.gender, IsHead(p));
  }

 private:
  bool CreatePosition(const std::string& code, const char* name, pb::PositionKind kind, int kelas,
                      const char* unit, bool head) {
    pb::CreatePositionRequest request;
    pb::Position* p = request.mutable_position();
    p->set_code(code);
    p->set_name(name);
    p->set_kind(kind);
    p->set_kelas_jabatan(kelas);
    p->set_org_unit_code(unit);
    p->set_head_of_unit(head);
    request.set_request_id("demo-seed-position-" + code);
    pb::Position response;
    return Succeeded(Call("CreatePosition " + code, &pb::IdentityService::Stub::CreatePosition,
                          request, &response));
  }

  std::unique_ptr<pb::IdentityService::Stub> stub_;
  std::string token_;
};

// ---------------------------------------------------------------------------------------------
// The attendance demo.

constexpr char kAttendanceAccount[] = "ekinerja-attendance";
constexpr char kDeviceSerial[] = "DEMO-ZK-0001";
constexpr char kDeviceDescription[] = "Mesin presensi sidik jari, lobi Balai Kota Demo";
constexpr int kDeviceInServiceYear = 2024, kDeviceInServiceMonth = 1, kDeviceInServiceDay = 1;
// Punches on the workdays of the days before today, this many calendar days back.
constexpr int kPunchDays = 14;
// ZKTeco status and verify codes (kept for audit by the service).
constexpr int kStatusIn = 0, kStatusOut = 1, kVerifyFinger = 1, kVerifyFace = 15;

// The demo employee with PIN `pin` (1-based, in kPeople order).
std::string NipOfPin(int pin) { return Seeder::NipOf(pin - 1); }

// A small deterministic generator (SplitMix64) seeded from a string (FNV-1a), so that a NIP and a
// date give the same punches on every machine and every run.
class Dice {
 public:
  explicit Dice(const std::string& seed) {
    for (unsigned char c : seed) state_ = (state_ ^ c) * 0x100000001b3ULL;
  }
  // Uniform enough in [lo, hi].
  int Between(int lo, int hi) {
    state_ += 0x9e3779b97f4a7c15ULL;
    uint64_t z = state_;
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    z ^= z >> 31;
    return lo + static_cast<int>(z % static_cast<uint64_t>(hi - lo + 1));
  }

 private:
  uint64_t state_ = 0xcbf29ce484222325ULL;
};

// Seconds from local midnight.
constexpr int Hm(int hour, int minute) { return (hour * 60 + minute) * 60; }

// Minutes late or early within TL/PSW tier `tier` (1-4 of the default 30/60/90 thresholds).
int MinutesInTier(Dice& dice, int tier) {
  switch (tier) {
    case 1:
      return dice.Between(1, 30);
    case 2:
      return dice.Between(31, 60);
    case 3:
      return dice.Between(61, 90);
    default:
      return dice.Between(91, 150);
  }
}

// Tier 1 mostly, the higher tiers ever more rarely.
int SomeTier(Dice& dice) {
  const int r = dice.Between(0, 99);
  return r < 55 ? 1 : r < 80 ? 2 : r < 93 ? 3 : 4;
}

// One employee's punches on one workday (5HK: 07:30-16:00, Friday to 16:30), as seconds from local
// midnight with their ZKTeco status: most days on time; some late, some leaving early, by every
// tier; a few without a check-out, fewer without any punch; now and then a finger pressed twice.
std::vector<std::pair<int, int>> DayPunches(const std::string& nip, absl::CivilDay day) {
  Dice dice(absl::StrCat(nip, "/", absl::FormatCivilTime(day)));
  const bool friday = absl::GetWeekday(day) == absl::Weekday::friday;
  const int start = Hm(7, 30), end = friday ? Hm(16, 30) : Hm(16, 0);
  const int kind = dice.Between(0, 99);
  if (kind < 2) return {};                     // tanpa keterangan
  int in = start - dice.Between(60, 40 * 60);  // 06:50:00-07:29:00
  int out = end + dice.Between(0, 50 * 60);
  bool no_out = false;
  if (kind < 5) {
    no_out = true;  // forgot to punch out
  } else if (kind < 15) {
    in = start + MinutesInTier(dice, SomeTier(dice)) * 60 + dice.Between(0, 59);
  } else if (kind < 22) {
    out = end - MinutesInTier(dice, SomeTier(dice)) * 60 - dice.Between(1, 59);
  } else if (kind < 24) {
    in = start + MinutesInTier(dice, 1) * 60 + dice.Between(0, 59);
    out = end - MinutesInTier(dice, 1) * 60 - dice.Between(1, 59);
  }
  std::vector<std::pair<int, int>> punches = {{in, kStatusIn}};
  if (dice.Between(0, 19) == 0) punches.push_back({in + dice.Between(3, 90), kStatusIn});
  if (!no_out) punches.push_back({out, kStatusOut});
  return punches;
}

class AttendanceSeeder {
 public:
  explicit AttendanceSeeder(std::shared_ptr<grpc::Channel> channel)
      : stub_(att::AttendanceService::NewStub(std::move(channel))) {}

  // The demo device; ALREADY_EXISTS means an earlier run registered it.
  bool RegisterDevice(const std::string& admin_token) {
    att::RegisterDeviceRequest request;
    att::Device* d = request.mutable_device();
    d->set_serial_number(kDeviceSerial);
    d->set_time_zone(kTimeZone);
    d->set_description(kDeviceDescription);
    d->mutable_in_service_date()->set_year(kDeviceInServiceYear);
    d->mutable_in_service_date()->set_month(kDeviceInServiceMonth);
    d->mutable_in_service_date()->set_day(kDeviceInServiceDay);
    att::Device response;
    return Succeeded(CallUnary(*stub_, admin_token, "RegisterDevice",
                               &att::AttendanceService::Stub::RegisterDevice, request, &response));
  }

  // PINs 1..kPeople.size() on every device of the tenant (MapPin upserts).
  bool MapPins(const std::string& admin_token) {
    for (int pin = 1; pin <= static_cast<int>(kPeople.size()); ++pin) {
      att::MapPinRequest request;
      request.mutable_pin_mapping()->set_pin(std::to_string(pin));
      request.mutable_pin_mapping()->set_nip(NipOfPin(pin));
      att::PinMapping response;
      if (!CallUnary(*stub_, admin_token, absl::StrCat("MapPin ", pin),
                     &att::AttendanceService::Stub::MapPin, request, &response)
               .ok()) {
        return false;
      }
    }
    return true;
  }

  // Every demo employee's punches on the workdays of [first, end) that happened by `not_after`, in
  // one PushPunches stream; idempotent, so a later run reports them as duplicates.
  bool PushPunches(const std::string& token, absl::CivilDay first, absl::CivilDay end,
                   absl::Time not_after, const absl::TimeZone& zone, att::IngestReport* report) {
    att::PushPunchesRequest message;
    for (absl::CivilDay day = first; day < end; ++day) {
      const absl::Weekday weekday = absl::GetWeekday(day);
      if (weekday == absl::Weekday::saturday || weekday == absl::Weekday::sunday) continue;
      for (int pin = 1; pin <= static_cast<int>(kPeople.size()); ++pin) {
        const std::string nip = NipOfPin(pin);
        for (const auto& [seconds, status] : DayPunches(nip, day)) {
          const absl::Time at = absl::FromCivil(absl::CivilSecond(day) + seconds, zone);
          if (at > not_after) continue;
          att::RawPunch* p = message.add_punches();
          p->set_device_serial(kDeviceSerial);
          p->set_pin(std::to_string(pin));
          p->mutable_punch_time()->set_seconds(absl::ToUnixSeconds(at));
          p->set_status(status);
          // Face for every seventh employee, fingers for the others.
          p->set_verify(pin % 7 == 0 ? kVerifyFace : kVerifyFinger);
        }
      }
    }
    grpc::ClientContext ctx;
    std::unique_ptr<grpc::ClientWriter<att::PushPunchesRequest>> writer =
        stub_->PushPunches(Prepare(ctx, token, kLongestCallSeconds), report);
    // One message: two weeks of 60 employees is ~1,300 punches, far below 10,000.
    writer->Write(message);
    writer->WritesDone();
    const grpc::Status status = writer->Finish();
    if (!status.ok()) Report("PushPunches", status);
    punches_ = message.punches_size();
    return status.ok();
  }

  int punches() const { return punches_; }

 private:
  std::unique_ptr<att::AttendanceService::Stub> stub_;
  int punches_ = 0;
};

// A channel to `address` (the platform's, channel.h: --tls_* flags), once it accepts
// connections.
std::shared_ptr<grpc::Channel> Connect(const std::string& address) {
  ekinerja::ChannelOptions options = ekinerja::ChannelOptionsFromFlags();
  options.deadline = absl::Seconds(kLongestCallSeconds);
  absl::StatusOr<std::shared_ptr<grpc::Channel>> made = ekinerja::MakeChannel(address, options);
  if (!made.ok()) {
    std::cerr << "demo-seed: " << address << ": " << made.status().message() << "\n";
    return nullptr;
  }
  std::shared_ptr<grpc::Channel> channel = *std::move(made);
  if (!channel->WaitForConnected(std::chrono::system_clock::now() +
                                 std::chrono::seconds(absl::GetFlag(FLAGS_wait_seconds)))) {
    std::cerr << "demo-seed: " << address << " accepts no connection\n";
    return nullptr;
  }
  return channel;
}

// The demo tenant's zone.
bool DemoZone(absl::TimeZone* zone) {
  if (absl::LoadTimeZone(kTimeZone, zone)) return true;
  std::cerr << "demo-seed: time zone " << kTimeZone << " does not load (tzdata missing?)\n";
  return false;
}

// Attendance's deployment-wide account, with a token of the demo tenant (RFC 8693) as the
// seeder's current token.
bool LogInAttendanceAccount(Seeder& seeder, const std::string& client_secret) {
  return seeder.LogInClient("platform", kAttendanceAccount, client_secret) &&
         seeder.ExchangeFor(kTenant);
}

// The attendance demo (see the top of this file), after the tenant exists.
bool SeedAttendance(Seeder& seeder, const std::string& address, const std::string& admin_password,
                    const std::string& client_secret) {
  absl::TimeZone zone;
  if (!DemoZone(&zone)) return false;
  if (!seeder.LogIn(kTenant, kAdminUsername, admin_password)) return false;
  const std::string admin_token = seeder.token();
  // The service account pushes the punches with a token of the demo tenant, as attendance gets
  // one: this also proves its secret and the exchange work.
  if (!LogInAttendanceAccount(seeder, client_secret)) return false;
  const std::string service_token = seeder.token();

  auto channel = Connect(address);
  if (channel == nullptr) return false;
  AttendanceSeeder attendance(channel);
  att::IngestReport report;
  const absl::CivilDay today = absl::ToCivilDay(absl::Now(), zone);
  if (!attendance.RegisterDevice(admin_token) || !attendance.MapPins(admin_token) ||
      !attendance.PushPunches(service_token, today - kPunchDays, today, absl::InfiniteFuture(),
                              zone, &report)) {
    return false;
  }
  std::cout << "attendance demo: device " << kDeviceSerial << " (" << kTimeZone << "), PINs 1-"
            << kPeople.size() << " tenant-wide, " << attendance.punches() << " punches from "
            << absl::FormatCivilTime(today - kPunchDays) << " to "
            << absl::FormatCivilTime(today - 1) << " (" << report.accepted() << " new, "
            << report.duplicate() << " already there, " << report.quarantined() << " quarantined, "
            << report.unknown_pin() << " of unknown PINs); service account " << kAttendanceAccount
            << "\n";
  return true;
}

// ---------------------------------------------------------------------------------------------
// The SKP demo.

// The SKPs left short of approval, by their employee's name: people without subordinates, so that
// nobody's submission waits for theirs. Everyone else's SKP of the year is approved.
struct SkpHold {
  const char* name;
  skpv1::SkpStatus status;
};

const std::vector<SkpHold> kSkpHolds = {
    // The credentials file's pelaksana (kStaffPosition): the SKP e2e plans and submits it.
    {"Dedi Kurniawan", skpv1::SKP_STATUS_DRAFT},
    {"Benny Rumbiak", skpv1::SKP_STATUS_DRAFT},
    {"Ratih Purwasih, A.Md.", skpv1::SKP_STATUS_SUBMITTED},
    // In the queue of the Sekretaris Dinas Kesehatan as Plt Kepala Bidang P2P (kPltPosition).
    {"Yuliana Manurung, S.KM.", skpv1::SKP_STATUS_SUBMITTED},
    {"Halimah Tusadiah, A.Md.", skpv1::SKP_STATUS_SUBMITTED},
    {"Gilang Permana", skpv1::SKP_STATUS_REJECTED},
    {"Tri Wahyuni", skpv1::SKP_STATUS_REJECTED},
};

constexpr char kRejectionReason[] =
    "Target kuantitas belum selaras dengan rencana aksi unit; mohon disesuaikan lalu ajukan lagi.";
constexpr char kRhkExpectation[] = "Diselesaikan tepat waktu dan dilaporkan setiap bulan.";
constexpr char kPerilakuExpectation[] = "Responsif dan ramah terhadap setiap pengguna layanan.";

// Where `person`'s SKP stops: their hold, or APPROVED.
skpv1::SkpStatus SkpTarget(const Person& person) {
  for (const SkpHold& h : kSkpHolds) {
    if (std::string(h.name) == person.name) return h.status;
  }
  return skpv1::SKP_STATUS_APPROVED;
}

// The name of `person`'s position (a unit head's, or a staff position's).
std::string PositionName(const Person& person) {
  for (const Unit& u : kUnits) {
    if (HeadCode(u.code) == person.position) return u.head;
  }
  for (const StaffPosition& s : kStaffPositions) {
    if (absl::StrCat(s.unit, ".", s.suffix) == person.position) return s.name;
  }
  std::abort();
}

std::string UnitName(const std::string& code) {
  for (const Unit& u : kUnits) {
    if (code == u.code) return u.name;
  }
  std::abort();
}

// One IKI with a yearly target and its breakdown (rencana aksi) spread evenly, the remainder in
// the first periods.
void AddIki(skpv1::Rhk* rhk, const std::string& description, int64_t quantity, const char* unit,
            skpv1::PeriodKind breakdown) {
  skpv1::Iki* iki = rhk->add_ikis();
  iki->set_description(description);
  iki->mutable_target()->set_quantity(quantity);
  iki->mutable_target()->set_unit(unit);
  iki->mutable_target()->set_quality(100);
  iki->mutable_target()->set_months(12);
  if (breakdown == skpv1::PERIOD_KIND_UNSPECIFIED) return;
  iki->set_breakdown_kind(breakdown);
  const int periods = breakdown == skpv1::PERIOD_KIND_MONTHLY ? 12 : 4;
  for (int p = 1; p <= periods; ++p) {
    skpv1::BreakdownEntry* e = iki->add_breakdown();
    e->set_period(p);
    e->set_quantity(quantity / periods + (p <= quantity % periods ? 1 : 0));
  }
}

skpv1::Rhk* AddRhk(skpv1::UpdateSkpPlanRequest& plan, skpv1::RhkKind kind,
                   const std::string& description, int64_t parent) {
  skpv1::Rhk* rhk = plan.add_rhks();
  rhk->set_kind(kind);
  rhk->set_description(description);
  rhk->set_parent_rhk_id(parent);
  return rhk;
}

// `person`'s plan: a head's two RHK utama for their unit, a staff member's one RHK utama for
// their position and one tambahan; the k-th RHK utama intervenes the atasan's RHK utama k (modulo
// their count; none at the top).
void FillPlan(const Person& person, const std::vector<int64_t>& parents,
              skpv1::UpdateSkpPlanRequest& plan) {
  const auto parent = [&](size_t k) { return parents.empty() ? 0 : parents[k % parents.size()]; };
  const std::string unit = UnitName(person.unit);
  if (IsHead(person)) {
    AddIki(AddRhk(plan, skpv1::RHK_KIND_UTAMA, "Meningkatnya kinerja " + unit, parent(0)),
           "Persentase sasaran " + unit + " yang tercapai", 100, "%",
           skpv1::PERIOD_KIND_UNSPECIFIED);
    AddIki(
        AddRhk(plan, skpv1::RHK_KIND_UTAMA, "Terwujudnya akuntabilitas kinerja " + unit, parent(1)),
        "Jumlah laporan kinerja " + unit + " yang tersusun tepat waktu", 4, "laporan",
        skpv1::PERIOD_KIND_QUARTERLY);
    return;
  }
  const std::string position = PositionName(person);
  AddIki(AddRhk(plan, skpv1::RHK_KIND_UTAMA,
                absl::StrCat("Terselesaikannya tugas ", position, " pada ", unit), parent(0)),
         "Jumlah dokumen hasil kerja " + position + " yang diselesaikan", 24, "dokumen",
         skpv1::PERIOD_KIND_MONTHLY);
  AddIki(AddRhk(plan, skpv1::RHK_KIND_TAMBAHAN, "Terlaksananya tugas tambahan dari pimpinan", 0),
         "Jumlah kegiatan tambahan yang dilaksanakan", 4, "kegiatan", skpv1::PERIOD_KIND_QUARTERLY);
}

// Employees' access tokens (every demo employee's password), each logged in once.
class EmployeeTokens {
 public:
  explicit EmployeeTokens(Seeder& identity) : identity_(identity) {}

  // `nip`'s token, or nullptr when the login failed (reported).
  const std::string* Of(const std::string& nip) {
    auto it = tokens_.find(nip);
    if (it != tokens_.end()) return &it->second;
    if (!identity_.LogIn(kTenant, nip, kEmployeePassword)) return nullptr;
    return &(tokens_[nip] = identity_.token());
  }

 private:
  Seeder& identity_;
  std::map<std::string, std::string> tokens_;
};

class SkpSeeder {
 public:
  SkpSeeder(Seeder& identity, EmployeeTokens& tokens, std::shared_ptr<grpc::Channel> channel,
            int year)
      : identity_(identity),
        tokens_(tokens),
        stub_(skpv1::SkpService::NewStub(std::move(channel))),
        year_(year) {}

  // Every employee's SKP, atasan before subordinates (identity's tree as of today, asked as the
  // tenant admin, whose token decides for the top).
  bool Run(const std::string& admin_token) {
    admin_token_ = admin_token;
    std::map<std::string, std::string> atasan;
    for (size_t i = 0; i < kPeople.size(); ++i) {
      const std::string nip = Seeder::NipOf(static_cast<int>(i));
      pb::GetSupervisorRequest request;
      request.set_nip(nip);
      pb::GetSupervisorResponse response;
      if (!CallUnary(identity_.stub(), admin_token_, "GetSupervisor " + nip,
                     &pb::IdentityService::Stub::GetSupervisor, request, &response)
               .ok()) {
        return false;
      }
      atasan[nip] = response.atasan_langsung().employee().nip();
    }
    std::vector<std::pair<int, int>> order;  // (depth, index in kPeople)
    for (size_t i = 0; i < kPeople.size(); ++i) {
      int d = 0;
      for (std::string n = Seeder::NipOf(static_cast<int>(i)); !atasan[n].empty(); n = atasan[n]) {
        if (++d > static_cast<int>(kPeople.size())) {
          std::cerr << "demo-seed: the supervisor tree has a cycle\n";
          return false;
        }
      }
      order.push_back({d, static_cast<int>(i)});
    }
    std::sort(order.begin(), order.end());
    for (const auto& [d, i] : order) {
      const std::string nip = Seeder::NipOf(i);
      if (!Seed(kPeople[i], nip, atasan[nip])) return false;
    }
    return true;
  }

  // SKPs by status, and the calls that changed one (0 on a second run).
  std::map<skpv1::SkpStatus, int> counts() const { return counts_; }
  int steps() const { return steps_; }

 private:
  // `nip`'s SKP of the year, driven from wherever an earlier run left it to SkpTarget.
  bool Seed(const Person& person, const std::string& nip, const std::string& atasan) {
    const std::string* token = TokenOf(nip);
    if (token == nullptr) return false;
    skpv1::Skp skp;
    if (!Find(*token, nip, &skp)) return false;
    const skpv1::SkpStatus target = SkpTarget(person);
    while (true) {
      bool ok = true;
      switch (skp.status()) {
        case skpv1::SKP_STATUS_DRAFT:
          if (skp.rhks().empty()) {
            ok = Plan(*token, person, atasan, &skp);
          } else if (target == skpv1::SKP_STATUS_DRAFT) {
            return Done(skp);
          } else {
            ok = Submit(*token, &skp);
          }
          break;
        case skpv1::SKP_STATUS_SUBMITTED:
          if (target == skpv1::SKP_STATUS_SUBMITTED) return Done(skp);
          ok = Decide(target == skpv1::SKP_STATUS_REJECTED, &skp);
          break;
        default:
          return Done(skp);
      }
      if (!ok) return false;
      ++steps_;
    }
  }

  bool Done(const skpv1::Skp& skp) {
    ++counts_[skp.status()];
    if (skp.status() == skpv1::SKP_STATUS_APPROVED) {
      std::vector<int64_t>& utama = approved_utama_[skp.nip()];
      for (const skpv1::Rhk& r : skp.rhks()) {
        if (r.kind() == skpv1::RHK_KIND_UTAMA) utama.push_back(r.id());
      }
    }
    return true;
  }

  // The employee's SKP of the year: the one there is, or a new one (request id: a retry after a
  // lost answer makes no second).
  bool Find(const std::string& token, const std::string& nip, skpv1::Skp* skp) {
    skpv1::ListSkpsRequest list;
    list.set_nip(nip);
    list.set_year(year_);
    skpv1::ListSkpsResponse found;
    if (!CallUnary(*stub_, token, "ListSkps " + nip, &skpv1::SkpService::Stub::ListSkps, list,
                   &found)
             .ok()) {
      return false;
    }
    if (!found.skps().empty()) {
      *skp = found.skps(0);
      return true;
    }
    skpv1::CreateSkpRequest create;
    create.mutable_skp()->set_nip(nip);
    create.mutable_skp()->set_year(year_);
    create.set_request_id(absl::StrCat("demo-seed-skp-", year_));
    ++steps_;
    return CallUnary(*stub_, token, "CreateSkp " + nip, &skpv1::SkpService::Stub::CreateSkp, create,
                     skp)
        .ok();
  }

  bool Plan(const std::string& token, const Person& person, const std::string& atasan,
            skpv1::Skp* skp) {
    std::vector<int64_t> parents;
    if (!atasan.empty()) {
      auto it = approved_utama_.find(atasan);
      if (it == approved_utama_.end() || it->second.empty()) {
        std::cerr << "demo-seed: the SKP of " << skp->nip() << "'s atasan " << atasan
                  << " is not approved (kSkpHolds holds someone with subordinates)\n";
        return false;
      }
      parents = it->second;
    }
    skpv1::UpdateSkpPlanRequest request;
    request.set_id(skp->id());
    request.set_revision(skp->revision());
    FillPlan(person, parents, request);
    return CallUnary(*stub_, token, "UpdateSkpPlan " + skp->nip(),
                     &skpv1::SkpService::Stub::UpdateSkpPlan, request, skp)
        .ok();
  }

  bool Submit(const std::string& token, skpv1::Skp* skp) {
    skpv1::SubmitSkpRequest request;
    request.set_id(skp->id());
    request.set_revision(skp->revision());
    return CallUnary(*stub_, token, "SubmitSkp " + skp->nip(), &skpv1::SkpService::Stub::SubmitSkp,
                     request, skp)
        .ok();
  }

  // As the pejabat penilai the SKP waits for (the tenant admin at the top).
  bool Decide(bool reject, skpv1::Skp* skp) {
    const std::string* token =
        skp->pending_approver_nip().empty() ? &admin_token_ : TokenOf(skp->pending_approver_nip());
    if (token == nullptr) return false;
    if (reject) {
      skpv1::RejectSkpRequest request;
      request.set_id(skp->id());
      request.set_revision(skp->revision());
      request.set_reason(kRejectionReason);
      return CallUnary(*stub_, *token, "RejectSkp " + skp->nip(),
                       &skpv1::SkpService::Stub::RejectSkp, request, skp)
          .ok();
    }
    skpv1::ApproveSkpRequest request;
    request.set_id(skp->id());
    request.set_revision(skp->revision());
    skpv1::RhkExpectation* rhk = request.add_rhk_expectations();
    rhk->set_rhk_id(skp->rhks(0).id());
    rhk->set_expectation(kRhkExpectation);
    skpv1::PerilakuExpectation* perilaku = request.add_perilaku_expectations();
    perilaku->set_value(skpv1::BERAKHLAK_VALUE_BERORIENTASI_PELAYANAN);
    perilaku->set_expectation(kPerilakuExpectation);
    return CallUnary(*stub_, *token, "ApproveSkp " + skp->nip(),
                     &skpv1::SkpService::Stub::ApproveSkp, request, skp)
        .ok();
  }

  const std::string* TokenOf(const std::string& nip) { return tokens_.Of(nip); }

  Seeder& identity_;
  EmployeeTokens& tokens_;
  std::unique_ptr<skpv1::SkpService::Stub> stub_;
  const int year_;
  std::string admin_token_;
  std::map<std::string, std::vector<int64_t>> approved_utama_;
  std::map<skpv1::SkpStatus, int> counts_;
  int steps_ = 0;
};

// The SKP demo (see the top of this file), after the tenant exists.
bool SeedSkp(Seeder& seeder, EmployeeTokens& tokens, const std::string& address,
             const std::string& admin_password) {
  absl::TimeZone zone;
  if (!DemoZone(&zone)) return false;
  if (!seeder.LogIn(kTenant, kAdminUsername, admin_password)) return false;
  auto channel = Connect(address);
  if (channel == nullptr) return false;
  const int year = static_cast<int>(absl::ToCivilYear(absl::Now(), zone).year());
  SkpSeeder skp(seeder, tokens, channel, year);
  if (!skp.Run(seeder.token())) return false;
  std::map<skpv1::SkpStatus, int> counts = skp.counts();
  std::cout << "skp demo: " << kPeople.size() << " SKPs of " << year
            << " cascaded from the Sekretaris Daerah down: " << counts[skpv1::SKP_STATUS_APPROVED]
            << " approved, " << counts[skpv1::SKP_STATUS_DRAFT] << " draft, "
            << counts[skpv1::SKP_STATUS_SUBMITTED] << " submitted, "
            << counts[skpv1::SKP_STATUS_REJECTED] << " rejected (" << skp.steps()
            << " steps taken)\n";
  return true;
}

// ---------------------------------------------------------------------------------------------
// The activity demo.

// Entries for day D are accepted until D+1 23:59: through the API, only yesterday's and today's
// can be filed. Yesterday's are submitted, and each atasan approves theirs but for
// kLeftPendingPercent of them; the first atasan to decide rejects one entry. Of today's, some are
// left in DRAFT.
constexpr int kNoReportPercent = 10;     // present days without any report
constexpr int kLeftPendingPercent = 30;  // atasan who have not decided yesterday's yet
constexpr int kTodayDraftPercent = 40;   // employees who have not submitted today's yet
constexpr char kEntryRejection[] =
    "Uraian kegiatan belum menyebutkan output yang dihasilkan; mohon dilengkapi.";

// What demo employees report, by whether they head a unit; {description, output unit}.
const std::vector<std::pair<const char*, const char*>> kHeadActivities = {
    {"Memimpin rapat koordinasi pelaksanaan program unit", "kegiatan"},
    {"Menelaah dan mendisposisikan surat masuk", "surat"},
    {"Memantau capaian kinerja bawahan dan memberi arahan", "kegiatan"},
    {"Memeriksa dan menandatangani konsep naskah dinas", "naskah"},
};
const std::vector<std::pair<const char*, const char*>> kStaffActivities = {
    {"Menyusun konsep naskah dinas sesuai disposisi atasan", "naskah"},
    {"Mengolah dan memutakhirkan data pada aplikasi unit", "dokumen"},
    {"Menyusun bahan laporan kegiatan bulanan", "dokumen"},
    {"Mengagendakan dan mengarsipkan surat masuk dan keluar", "surat"},
    {"Memberikan layanan dan informasi kepada pengguna layanan", "kegiatan"},
};

// Minutes from local midnight of `t`, and rounded to the quarter hour up or down.
int LocalMinute(absl::Time t, const absl::TimeZone& zone) {
  const absl::CivilSecond s = absl::ToCivilSecond(t, zone);
  return static_cast<int>(s.hour() * 60 + s.minute());
}
int QuarterUp(int minute) { return (minute + 14) / 15 * 15; }
int QuarterDown(int minute) { return minute / 15 * 15; }

// `nip`'s spans on `day` as DayPunches made them, minutes from local midnight: blocks of 60-120
// minutes from the first quarter hour after the check-in (08:00 at the earliest), the lunch hour
// 12:00-13:00 left out, up to the last quarter hour before the check-out (or `now_minute` today)
// and at most 450 minutes when there is no check-out (the service's cap). As attendance reads a
// morning's punches: the first is the check-in, and the last the check-out when there are two or
// more (a finger pressed twice without a check-out leaves no time for a report). Empty without a
// check-in, and on the kNoReportPercent present days without a report.
std::vector<std::pair<int, int>> ReportSpans(const std::string& nip, absl::CivilDay day,
                                             std::optional<int> now_minute) {
  const absl::Weekday weekday = absl::GetWeekday(day);
  if (weekday == absl::Weekday::saturday || weekday == absl::Weekday::sunday) return {};
  // The check-in's next whole minute and the check-out's last: spans within them never exceed
  // the whole minutes present.
  std::vector<int> punched;
  for (const auto& punch : DayPunches(nip, day)) {
    if (!now_minute || punch.first / 60 < *now_minute) punched.push_back(punch.first);
  }
  Dice dice(absl::StrCat(nip, "/", absl::FormatCivilTime(day), "/report"));
  if (punched.empty() || dice.Between(0, 99) < kNoReportPercent) return {};
  const int in = (punched.front() + 59) / 60;
  const int out = punched.size() >= 2 ? punched.back() / 60 : -1;
  int limit = out >= 0 ? QuarterDown(out) : 24 * 60;
  if (now_minute) limit = std::min(limit, QuarterDown(*now_minute));
  const int cap = out >= 0 ? out - in : 450;
  std::vector<std::pair<int, int>> spans;
  int start = std::max(8 * 60, QuarterUp(in)), total = 0;
  while (spans.size() < 4) {
    if (start >= 12 * 60 && start < 13 * 60) start = 13 * 60;
    int end = start + 30 * dice.Between(2, 4);
    if (start < 12 * 60 && end > 12 * 60) end = 12 * 60;
    if (end > limit || total + end - start > cap) break;
    spans.push_back({start, end});
    total += end - start;
    start = end;
  }
  return spans;
}

class ActivitySeeder {
 public:
  ActivitySeeder(EmployeeTokens& tokens, std::shared_ptr<grpc::Channel> skp,
                 std::shared_ptr<grpc::Channel> activity)
      : tokens_(tokens),
        skp_(skpv1::SkpService::NewStub(std::move(skp))),
        stub_(actv1::ActivityService::NewStub(std::move(activity))) {}

  // Files `day`'s report of every employee but the Sekretaris Daerah (whose atasan, the head of
  // the region, verifies outside the system), as each employee would; submits it unless
  // `draft_percent` of them keep it in DRAFT. `now_minute` is set for today.
  bool File(absl::CivilDay day, std::optional<int> now_minute, int draft_percent) {
    for (size_t i = 0; i < kPeople.size(); ++i) {
      const Person& person = kPeople[i];
      if (person.position == HeadCode(kTopUnit)) continue;
      const std::string nip = Seeder::NipOf(static_cast<int>(i));
      const std::vector<std::pair<int, int>> spans = ReportSpans(nip, day, now_minute);
      if (spans.empty()) continue;
      const std::string* token = tokens_.Of(nip);
      if (token == nullptr) return false;
      std::vector<actv1::Entry> entries;
      if (!Create(*token, person, nip, day, spans, &entries)) return false;
      Dice dice(absl::StrCat(nip, "/", absl::FormatCivilTime(day), "/submit"));
      const bool submit = dice.Between(0, 99) >= draft_percent;
      if (submit && std::any_of(entries.begin(), entries.end(), [](const actv1::Entry& e) {
            return e.status() == actv1::ENTRY_STATUS_DRAFT;
          })) {
        actv1::SubmitEntriesRequest request;
        request.set_nip(nip);
        *request.mutable_start_date() = ekinerja::ToProtoDate(day);
        actv1::SubmitEntriesResponse response;
        if (!CallUnary(*stub_, *token, "SubmitEntries " + nip,
                       &actv1::ActivityService::Stub::SubmitEntries, request, &response)
                 .ok()) {
          return false;
        }
        for (const actv1::Entry& e : response.entries()) {
          for (actv1::Entry& mine : entries) {
            if (mine.id() == e.id()) mine = e;
          }
        }
      }
      for (const actv1::Entry& e : entries) Keep(e);
    }
    return true;
  }

  // As each atasan, `day`'s SUBMITTED entries of their subordinates: approved (one rejected with
  // a reason, once for the tenant), or left pending by kLeftPendingPercent of the atasan.
  bool Decide(absl::CivilDay day) {
    std::map<std::string, std::vector<int64_t>> pending;  // by verifier, in filing order
    bool rejected = false;
    for (const actv1::Entry& e : filed_) {
      if (e.work_date().SerializeAsString() != ekinerja::ToProtoDate(day).SerializeAsString())
        continue;
      if (e.status() == actv1::ENTRY_STATUS_REJECTED) rejected = true;
      if (e.status() == actv1::ENTRY_STATUS_SUBMITTED && !e.verifier_nip().empty()) {
        pending[e.verifier_nip()].push_back(e.id());
      }
    }
    for (auto& [verifier, ids] : pending) {
      Dice dice(absl::StrCat(verifier, "/", absl::FormatCivilTime(day), "/decide"));
      if (dice.Between(0, 99) < kLeftPendingPercent) continue;
      const std::string* token = tokens_.Of(verifier);
      if (token == nullptr) return false;
      if (!rejected) {
        if (!DecideAs(*token, verifier, actv1::DECISION_REJECT, {ids.front()})) return false;
        rejected = true;
        ids.erase(ids.begin());
      }
      if (!ids.empty() && !DecideAs(*token, verifier, actv1::DECISION_APPROVE, ids)) return false;
    }
    return true;
  }

  // Entries by status, as the service last answered them.
  std::map<actv1::EntryStatus, int> Counts() const {
    std::map<actv1::EntryStatus, int> counts;
    for (const actv1::Entry& e : filed_) ++counts[e.status()];
    return counts;
  }
  int employees() const { return static_cast<int>(filers_.size()); }
  int created() const { return created_; }

 private:
  // One entry a span, linked to an RHK of the SKP approved and in force that day, or to a tugas
  // tambahan without one. Request ids make a second run answer the entries of the first.
  bool Create(const std::string& token, const Person& person, const std::string& nip,
              absl::CivilDay day, const std::vector<std::pair<int, int>>& spans,
              std::vector<actv1::Entry>* entries) {
    skpv1::ListRhksForDateRequest plan_request;
    plan_request.set_nip(nip);
    *plan_request.mutable_date() = ekinerja::ToProtoDate(day);
    skpv1::ListRhksForDateResponse plan;
    if (!CallUnary(*skp_, token, "ListRhksForDate " + nip,
                   &skpv1::SkpService::Stub::ListRhksForDate, plan_request, &plan)
             .ok()) {
      return false;
    }
    const auto& activities = IsHead(person) ? kHeadActivities : kStaffActivities;
    Dice dice(absl::StrCat(nip, "/", absl::FormatCivilTime(day), "/entries"));
    for (size_t k = 0; k < spans.size(); ++k) {
      const auto& [description, unit] =
          activities[dice.Between(0, static_cast<int>(activities.size()) - 1)];
      actv1::CreateEntryRequest request;
      actv1::Entry* e = request.mutable_entry();
      *e->mutable_work_date() = ekinerja::ToProtoDate(day);
      e->set_start_time(absl::StrFormat("%02d:%02d", spans[k].first / 60, spans[k].first % 60));
      e->set_end_time(absl::StrFormat("%02d:%02d", spans[k].second / 60, spans[k].second % 60));
      e->set_description(description);
      if (plan.skp_id() != 0 && !plan.rhks().empty()) {
        e->set_rhk_id(plan.rhks(static_cast<int>(k) % plan.rhks_size()).id());
      } else {
        e->set_tugas_tambahan_ref(
            absl::StrCat("Disposisi atasan langsung, ", absl::FormatCivilTime(day)));
      }
      e->set_output_quantity(dice.Between(1, 3));
      e->set_output_unit(unit);
      request.set_request_id(absl::StrCat("demo-seed-", absl::FormatCivilTime(day), "-", k));
      actv1::Entry created;
      if (!CallUnary(*stub_, token, "CreateEntry " + nip,
                     &actv1::ActivityService::Stub::CreateEntry, request, &created)
               .ok()) {
        return false;
      }
      if (created.create_time().seconds() >= absl::ToUnixSeconds(started_)) ++created_;
      entries->push_back(created);
    }
    filers_.insert(nip);
    return true;
  }

  bool DecideAs(const std::string& token, const std::string& verifier, actv1::Decision decision,
                const std::vector<int64_t>& ids) {
    actv1::DecideEntriesRequest request;
    request.set_decision(decision);
    if (decision == actv1::DECISION_REJECT) request.set_reason(kEntryRejection);
    for (int64_t id : ids) request.add_entry_ids(id);
    actv1::DecideEntriesResponse response;
    grpc::ClientContext ctx;
    const grpc::Status status =
        stub_->DecideEntries(Prepare(ctx, token, kLongestCallSeconds), request, &response);
    if (!status.ok()) {
      Report("DecideEntries as " + verifier, status);
      return false;
    }
    for (const actv1::EntryOutcome& o : response.outcomes()) {
      if (o.code() != google::rpc::OK) {
        std::cerr << "demo-seed: DecideEntries as " << verifier << ": entry " << o.entry_id()
                  << ": " << o.message() << "\n";
        return false;
      }
      Keep(o.entry());
    }
    return true;
  }

  // The latest answer for an entry.
  void Keep(const actv1::Entry& e) {
    for (actv1::Entry& mine : filed_) {
      if (mine.id() == e.id()) {
        mine = e;
        return;
      }
    }
    filed_.push_back(e);
  }

  EmployeeTokens& tokens_;
  std::unique_ptr<skpv1::SkpService::Stub> skp_;
  std::unique_ptr<actv1::ActivityService::Stub> stub_;
  std::vector<actv1::Entry> filed_;
  std::set<std::string> filers_;
  // Entries made since (a second run answers the first run's).
  const absl::Time started_ = absl::Now() - absl::Seconds(1);
  int created_ = 0;
};

// The activity demo (see the top of this file), after the attendance and SKP demos: today's
// punches so far, then yesterday's and today's reports through the API.
bool SeedActivity(Seeder& seeder, EmployeeTokens& tokens, const std::string& attendance_address,
                  const std::string& skp_address, const std::string& address,
                  const std::string& client_secret) {
  absl::TimeZone zone;
  if (!DemoZone(&zone)) return false;
  const absl::Time now = absl::Now();
  const absl::CivilDay today = absl::ToCivilDay(now, zone);
  auto attendance_channel = Connect(attendance_address);
  auto skp_channel = Connect(skp_address);
  auto channel = Connect(address);
  if (attendance_channel == nullptr || skp_channel == nullptr || channel == nullptr) return false;
  // The fingerprint device's pushes of today so far, as the attendance account: the check-ins
  // today's reports need (yesterday's came with the attendance demo).
  if (!LogInAttendanceAccount(seeder, client_secret)) return false;
  AttendanceSeeder attendance(attendance_channel);
  att::IngestReport pushed;
  if (!attendance.PushPunches(seeder.token(), today, today + 1, now, zone, &pushed)) return false;

  ActivitySeeder activity(tokens, skp_channel, channel);
  const absl::CivilDay yesterday = today - 1;
  if (!activity.File(yesterday, std::nullopt, 0) || !activity.Decide(yesterday) ||
      !activity.File(today, LocalMinute(now, zone), kTodayDraftPercent)) {
    return false;
  }
  std::map<actv1::EntryStatus, int> counts = activity.Counts();
  std::cout << "activity demo: reports of " << absl::FormatCivilTime(yesterday) << " and "
            << absl::FormatCivilTime(today) << " by " << activity.employees() << " employees ("
            << activity.created() << " entries new): " << counts[actv1::ENTRY_STATUS_APPROVED]
            << " approved, " << counts[actv1::ENTRY_STATUS_REJECTED] << " rejected, "
            << counts[actv1::ENTRY_STATUS_SUBMITTED] << " submitted, "
            << counts[actv1::ENTRY_STATUS_DRAFT] << " draft; " << pushed.accepted()
            << " punches of today pushed\n";
  return true;
}

// ---------------------------------------------------------------------------------------------
// The credentials file.

std::string JsonString(const std::string& s) { return "\"" + ekinerja::JsonEscape(s) + "\""; }

struct Credential {
  std::string tenant, username, password;
  std::vector<std::string> roles;
  std::string name, note;
};

std::vector<Credential> Credentials(const std::string& platform_password,
                                    const std::string& admin_password) {
  const std::string employee_note = absl::StrCat(
      "employee login: username = NIP; every demo employee's password is ", kEmployeePassword);
  const int kepala = IndexOfHolder(kKepalaDinasPosition);
  const int plt = IndexOfHolder(kPltPosition);
  const int staff = IndexOfHolder(kStaffPosition);
  std::vector<Credential> list = {
      {"platform",
       "admin",
       platform_password,
       {"PLATFORM_ADMIN"},
       "Platform operator",
       "the deployment's operator; password generated by deploy/local/up into "
       ".data/secrets/platform-admin.password"},
      {kTenant,
       kAdminUsername,
       admin_password,
       {"ADMIN_INSTANSI"},
       "Admin Pemerintah Kota Demo",
       "the tenant's first admin, created with it"},
      {kTenant,
       Seeder::NipOf(kepala),
       kEmployeePassword,
       {"PEGAWAI", "ATASAN"},
       kPeople[kepala].name,
       "Kepala Dinas Kesehatan; " + employee_note},
      {kTenant,
       Seeder::NipOf(plt),
       kEmployeePassword,
       {"PEGAWAI", "ATASAN"},
       kPeople[plt].name,
       absl::StrCat("Sekretaris Dinas Kesehatan, also Plt Kepala Bidang P2P (", kVacantHeadUnit,
                    " head is vacant); ", employee_note)},
      {kTenant,
       Seeder::NipOf(staff),
       kEmployeePassword,
       {"PEGAWAI"},
       kPeople[staff].name,
       "Pengolah Data dan Informasi, Seksi Surveilans; " + employee_note},
  };
  for (const Account& a : kAccounts) {
    std::string role = ekinerja::type::v1::Role_Name(a.role);
    role.erase(0, std::string("ROLE_").size());
    list.push_back({kTenant, a.username, a.password, {role}, a.name, a.note});
  }
  for (Credential& c : list) {
    if (c.tenant != "platform") {
      c.note += "; fixed demo password, for a local demo only";
    }
  }
  return list;
}

// The PIN of a demo employee's login (username = NIP) on the demo device, or 0.
int PinOfLogin(const Credential& c) {
  if (c.tenant != kTenant) return 0;
  for (int pin = 1; pin <= static_cast<int>(kPeople.size()); ++pin) {
    if (NipOfPin(pin) == c.username) return pin;
  }
  return 0;
}

// With `pins` (the attendance demo is seeded), employees' entries also give their device PIN.
bool WriteCredentials(const std::string& path, const std::vector<Credential>& list, bool pins) {
  std::string json = "[\n";
  for (size_t i = 0; i < list.size(); ++i) {
    const Credential& c = list[i];
    std::vector<std::string> roles;
    for (const auto& r : c.roles) roles.push_back(JsonString(r));
    const int pin = pins ? PinOfLogin(c) : 0;
    json += absl::StrCat(
        "  {\"tenant\": ", JsonString(c.tenant), ", \"username\": ", JsonString(c.username),
        ", \"password\": ", JsonString(c.password), ", \"roles\": [", absl::StrJoin(roles, ", "),
        "], ", pin > 0 ? absl::StrCat("\"pin\": \"", pin, "\", ") : "",
        "\"name\": ", JsonString(c.name), ", \"note\": ", JsonString(c.note), "}",
        i + 1 < list.size() ? "," : "", "\n");
  }
  json += "]\n";
  // Passwords inside: readable by the owner only, replaced whole.
  const std::string tmp = path + ".tmp";
  {
    std::ofstream out(tmp, std::ios::trunc);
    if (!out) return false;
    chmod(tmp.c_str(), 0600);
    out << json;
    if (!out.flush()) return false;
  }
  return std::rename(tmp.c_str(), path.c_str()) == 0;
}

}  // namespace

int main(int argc, char** argv) {
  absl::SetProgramUsageMessage(
      "Seeds the demo tenant through IdentityService and writes the demo logins as JSON.");
  absl::ParseCommandLine(argc, argv);
  std::string platform_password = absl::GetFlag(FLAGS_platform_password);
  if (platform_password.empty()) {
    const char* env = std::getenv("EKINERJA_PLATFORM_PASSWORD");
    platform_password = env != nullptr ? env : "";
  }
  if (platform_password.empty()) {
    std::cerr << "demo-seed: --platform_password (or EKINERJA_PLATFORM_PASSWORD) is required\n";
    return 2;
  }
  const std::string admin_password = absl::GetFlag(FLAGS_admin_password);
  const std::string address = absl::GetFlag(FLAGS_identity);
  const std::string out = absl::GetFlag(FLAGS_out);
  const std::string attendance = absl::GetFlag(FLAGS_attendance);
  std::string client_secret = absl::GetFlag(FLAGS_attendance_client_secret);
  if (client_secret.empty()) {
    const char* env = std::getenv("EKINERJA_ATTENDANCE_CLIENT_SECRET");
    client_secret = env != nullptr ? env : "";
  }
  if (!attendance.empty() && client_secret.empty()) {
    std::cerr << "demo-seed: --attendance needs --attendance_client_secret (or "
                 "EKINERJA_ATTENDANCE_CLIENT_SECRET)\n";
    return 2;
  }

  const std::string skp = absl::GetFlag(FLAGS_skp);
  const std::string activity = absl::GetFlag(FLAGS_activity);
  if (!activity.empty() && (attendance.empty() || skp.empty())) {
    std::cerr << "demo-seed: --activity needs --attendance (the check-ins) and --skp (the RHKs)\n";
    return 2;
  }

  auto channel = Connect(address);
  if (channel == nullptr) return 1;
  Seeder seeder(channel);
  const auto credentials = Credentials(platform_password, admin_password);

  if (!seeder.LogIn("platform", "admin", platform_password)) return 1;
  bool tenant_ok = false;
  const bool created = seeder.CreateTenant(admin_password, tenant_ok);
  if (!tenant_ok) return 1;
  if (created) {
    const bool seeded = seeder.LogIn(kTenant, kAdminUsername, admin_password) &&
                        seeder.SeedOrganisation() && seeder.ImportEmployees() &&
                        seeder.ActivateEmployees() && seeder.CreatePlt() &&
                        seeder.CreateOverrides() && seeder.CreateAccounts();
    if (!seeded) {
      std::cerr << "demo-seed: the demo tenant is only partly seeded; start again from scratch "
                   "with deploy/local/down --purge && deploy/local/up\n";
      return 1;
    }
  }
  if (!WriteCredentials(out, credentials, !attendance.empty())) {
    std::cerr << "demo-seed: cannot write " << out << "\n";
    return 1;
  }
  if (created) {
    std::cout << "demo tenant seeded: " << kUnits.size() << " org units, "
              << kUnits.size() + kStaffPositions.size() << " positions, " << kPeople.size()
              << " employees, 1 Plt, the OPD heads under the Sekda, " << kAccounts.size()
              << " accounts; logins in " << out << "\n";
  } else {
    std::cout << "demo tenant already seeded; logins in " << out << "\n";
  }
  if (!attendance.empty() && !SeedAttendance(seeder, attendance, admin_password, client_secret)) {
    std::cerr << "demo-seed: the attendance demo is only partly seeded; running this again "
                 "completes it\n";
    return 1;
  }
  // Employees log in once for both demos.
  EmployeeTokens tokens(seeder);
  if (!skp.empty() && !SeedSkp(seeder, tokens, skp, admin_password)) {
    std::cerr << "demo-seed: the SKP demo is only partly seeded; running this again completes it\n";
    return 1;
  }
  if (!activity.empty() &&
      !SeedActivity(seeder, tokens, attendance, skp, activity, client_secret)) {
    std::cerr << "demo-seed: the activity demo is only partly seeded; running this again "
                 "completes it\n";
    return 1;
  }
  return 0;
}
