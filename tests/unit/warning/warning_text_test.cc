#include "domain/warning_text.h"

#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "civil.h"
#include "gtest/gtest.h"

namespace ekinerja::warning {
namespace {

absl::TimeZone Zone(const char* iana) {
  absl::StatusOr<absl::TimeZone> tz = LoadZone(iana);
  EXPECT_TRUE(tz.ok()) << tz.status();
  return tz.ok() ? *tz : absl::UTCTimeZone();
}

const absl::CivilDay kMonday(2026, 10, 5);
constexpr char kNip[] = "196702271998032003";

TEST(WarningFormatTanggal, EveryWeekdayAndMonthName) {
  EXPECT_EQ(FormatTanggal(kMonday), "Senin, 5 Oktober 2026");
  EXPECT_EQ(FormatTanggal(absl::CivilDay(2026, 10, 6)), "Selasa, 6 Oktober 2026");
  EXPECT_EQ(FormatTanggal(absl::CivilDay(2026, 10, 7)), "Rabu, 7 Oktober 2026");
  EXPECT_EQ(FormatTanggal(absl::CivilDay(2026, 10, 8)), "Kamis, 8 Oktober 2026");
  EXPECT_EQ(FormatTanggal(absl::CivilDay(2026, 10, 9)), "Jumat, 9 Oktober 2026");
  EXPECT_EQ(FormatTanggal(absl::CivilDay(2026, 1, 31)), "Sabtu, 31 Januari 2026");
  EXPECT_EQ(FormatTanggal(absl::CivilDay(2026, 2, 15)), "Minggu, 15 Februari 2026");
  const char* months[] = {"Januari", "Februari", "Maret",     "April",   "Mei",      "Juni",
                          "Juli",    "Agustus",  "September", "Oktober", "November", "Desember"};
  for (int m = 1; m <= 12; ++m)
    EXPECT_EQ(FormatBulan(2026, m), std::string(months[m - 1]) + " 2026");
}

TEST(WarningFormatPercentBp, ExactWithTheDecimalComma) {
  EXPECT_EQ(FormatPercentBp(200), "2%");
  EXPECT_EQ(FormatPercentBp(250), "2,5%");
  EXPECT_EQ(FormatPercentBp(125), "1,25%");
  EXPECT_EQ(FormatPercentBp(105), "1,05%");
  EXPECT_EQ(FormatPercentBp(5), "0,05%");
  EXPECT_EQ(FormatPercentBp(50), "0,5%");
  EXPECT_EQ(FormatPercentBp(0), "0%");
  EXPECT_EQ(FormatPercentBp(10000), "100%");
  EXPECT_EQ(FormatPercentBp(-150), "-1,5%");
}

TEST(WarningFormatPukul, TheZoneAbbreviation) {
  const absl::CivilMinute m(2026, 10, 6, 23, 59);
  EXPECT_EQ(FormatPukul(m, Zone("Asia/Jakarta")), "pukul 23.59 WIB");
  EXPECT_EQ(FormatPukul(m, Zone("Asia/Makassar")), "pukul 23.59 WITA");
  EXPECT_EQ(FormatPukul(absl::CivilMinute(2026, 10, 6, 7, 5), Zone("Asia/Jayapura")),
            "pukul 07.05 WIT");
  EXPECT_EQ(FormatPukul(m, absl::UTCTimeZone()), "pukul 23.59 UTC");
}

TEST(WarningMissingReportStake, FromTheTppRuleSet) {
  EXPECT_EQ(MissingReportStake(200), "Potongan 2% dari bagian produktivitas TPP per hari");
  EXPECT_EQ(MissingReportStake(250), "Potongan 2,5% dari bagian produktivitas TPP per hari");
  EXPECT_EQ(MissingReportStake(0), "");
}

TEST(WarningMissingReportText, NamesTheDayAndTheCutoff) {
  const WarningText t =
      MissingReportText(kMonday, DefaultWarningRules(), Zone("Asia/Jakarta"), 200);
  EXPECT_EQ(t.title, "Laporan harian belum dikirim");
  EXPECT_EQ(t.message,
            "Tidak ada laporan kegiatan terkirim untuk Senin, 5 Oktober 2026 sampai batasnya, "
            "Selasa, 6 Oktober 2026 pukul 23.59 WIB.");
  EXPECT_EQ(t.action, "Kirim laporan kegiatan setiap hari kerja sebelum batasnya.");
  EXPECT_EQ(t.at_stake, "Potongan 2% dari bagian produktivitas TPP per hari");
}

// The tenant's cutoff and zone, and a rule set without a deduction.
TEST(WarningMissingReportText, TheTenantsCutoffAndNothingAtStake) {
  WarningRules rules = DefaultWarningRules();
  rules.cutoff_days = 0;
  rules.cutoff_minute = 17 * 60;
  const WarningText t = MissingReportText(kMonday, rules, Zone("Asia/Jayapura"), 0);
  EXPECT_EQ(t.message,
            "Tidak ada laporan kegiatan terkirim untuk Senin, 5 Oktober 2026 sampai batasnya, "
            "Senin, 5 Oktober 2026 pukul 17.00 WIT.");
  EXPECT_EQ(t.at_stake, "");
}

TEST(WarningEarlyReminderText, NamesTheCutoffAhead) {
  const WarningText t =
      EarlyReminderText(kMonday, DefaultWarningRules(), Zone("Asia/Makassar"), 250);
  EXPECT_EQ(t.title, "Laporan hari ini belum dikirim");
  EXPECT_EQ(t.message, "Anda hadir Senin, 5 Oktober 2026 dan belum mengirim laporan kegiatan.");
  EXPECT_EQ(t.action, "Kirim laporan kegiatan sebelum Selasa, 6 Oktober 2026 pukul 23.59 WITA.");
  EXPECT_EQ(t.at_stake, "Potongan 2,5% dari bagian produktivitas TPP per hari");
}

TEST(WarningEscalationText, NamesTheSubordinateAndTheLastDay) {
  const WarningText t = EscalationText(kNip, 3, kMonday, 200);
  EXPECT_EQ(t.title, "Bawahan tidak melapor 3 hari");
  EXPECT_EQ(t.message,
            "NIP 19670227 199803 2 003 tidak mengirim laporan kegiatan 3 hari kerja "
            "berturut-turut, terakhir Senin, 5 Oktober 2026.");
  EXPECT_EQ(t.action, "Ingatkan pegawai untuk mengirim laporan kegiatan harian.");
  EXPECT_EQ(t.at_stake, "Potongan 2% dari bagian produktivitas TPP per hari");
  // A NIP that does not parse is shown as given rather than dropped.
  EXPECT_EQ(EscalationText("X1", 4, kMonday, 200).message,
            "NIP X1 tidak mengirim laporan kegiatan 4 hari kerja berturut-turut, terakhir "
            "Senin, 5 Oktober 2026.");
}

// The oldest submission's day is the tenant's local day: 18:00 UTC on Wednesday 30 September
// is Thursday 1 October in Jakarta.
TEST(WarningPendingApprovalsText, CountOldestAndStake) {
  const absl::Time oldest =
      absl::FromCivil(absl::CivilSecond(2026, 9, 30, 18, 0, 0), absl::UTCTimeZone());
  const WarningText t =
      PendingApprovalsText(12, oldest, DefaultWarningRules(), Zone("Asia/Jakarta"), 200);
  EXPECT_EQ(t.title, "Laporan bawahan menunggu persetujuan");
  EXPECT_EQ(t.message,
            "12 laporan kegiatan menunggu lebih dari 3 hari kerja; yang terlama dikirim Kamis, "
            "1 Oktober 2026.");
  EXPECT_EQ(t.action, "Setujui, tolak, atau kembalikan laporan tersebut.");
  EXPECT_EQ(t.at_stake,
            "Potongan 2% dari bagian produktivitas TPP bawahan per hari tanpa laporan disetujui");
  EXPECT_EQ(
      PendingApprovalsText(1, oldest, DefaultWarningRules(), Zone("Asia/Jakarta"), 0).at_stake, "");
}

TEST(WarningNoCheckoutText, NamesTheDay) {
  const WarningText t = NoCheckoutText(kMonday);
  EXPECT_EQ(t.title, "Presensi pulang tidak tercatat");
  EXPECT_EQ(t.message, "Tidak ada presensi pulang pada Senin, 5 Oktober 2026.");
  EXPECT_EQ(t.action, "Ajukan koreksi presensi kepada atasan bila Anda lupa atau mesin rusak.");
  EXPECT_EQ(t.at_stake, "");
}

TEST(WarningLateRepeatedText, NamesTheMonthAndTheDay) {
  const WarningText t = LateRepeatedText(3, kMonday);
  EXPECT_EQ(t.title, "Terlambat 3 kali bulan ini");
  EXPECT_EQ(t.message, "Anda terlambat 3 kali pada Oktober 2026, terakhir Senin, 5 Oktober 2026.");
  EXPECT_EQ(t.action, "Datang sebelum jam masuk; ajukan koreksi presensi bila tercatat keliru.");
  EXPECT_EQ(t.at_stake, "");
}

TEST(WarningSkpNotSubmittedText, NamesTheDeadline) {
  const WarningText t = SkpNotSubmittedText(2026, DefaultWarningRules());
  EXPECT_EQ(t.title, "SKP 2026 belum diajukan");
  EXPECT_EQ(t.message, "SKP tahun 2026 belum diajukan sampai Sabtu, 31 Januari 2026.");
  EXPECT_EQ(t.action, "Susun SKP dan ajukan kepada pejabat penilai.");
  EXPECT_EQ(t.at_stake, "");
}

TEST(WarningSkpNotApprovedText, NamesTheSubordinateAndTheDeadline) {
  const WarningText t = SkpNotApprovedText(kNip, 2026, DefaultWarningRules());
  EXPECT_EQ(t.title, "SKP bawahan belum disetujui");
  EXPECT_EQ(t.message,
            "SKP 2026 NIP 19670227 199803 2 003 belum disetujui sampai Minggu, 15 Februari "
            "2026.");
  EXPECT_EQ(t.action, "Periksa SKP tersebut, lalu setujui atau tolak dengan alasan.");
  EXPECT_EQ(t.at_stake, "");
}

// DOMAIN §7: box 3 is low disiplin with high produktivitas, 7 the reverse.
TEST(WarningLowKotakText, NamesTheBoxAndItsBands) {
  const WarningText t = LowKotakText(kNip, 3, 2026, 9);
  EXPECT_EQ(t.title, "Kotak kinerja rendah: kotak 3");
  EXPECT_EQ(t.message,
            "NIP 19670227 199803 2 003 di kotak 3 (disiplin rendah, produktivitas tinggi) pada "
            "September 2026.");
  EXPECT_EQ(t.action, "Tinjau bersama atasan pegawai dan OPD-nya.");
  EXPECT_EQ(t.at_stake, "");
  EXPECT_EQ(LowKotakText(kNip, 7, 2026, 9).message,
            "NIP 19670227 199803 2 003 di kotak 7 (disiplin tinggi, produktivitas rendah) pada "
            "September 2026.");
  EXPECT_EQ(LowKotakText(kNip, 1, 2026, 12).message,
            "NIP 19670227 199803 2 003 di kotak 1 (disiplin rendah, produktivitas rendah) pada "
            "Desember 2026.");
}

}  // namespace
}  // namespace ekinerja::warning
