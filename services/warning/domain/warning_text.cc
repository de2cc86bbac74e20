#include "domain/warning_text.h"

#include <array>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "nip.h"

namespace ekinerja::warning {
namespace {

// Indexed by absl::Weekday (monday = 0 .. sunday = 6).
constexpr std::array<const char*, 7> kHari = {"Senin", "Selasa", "Rabu",  "Kamis",
                                              "Jumat", "Sabtu",  "Minggu"};
constexpr std::array<const char*, 12> kBulan = {"Januari",   "Februari", "Maret",    "April",
                                                "Mei",       "Juni",     "Juli",     "Agustus",
                                                "September", "Oktober",  "November", "Desember"};
// DOMAIN §7 bands as a row or column of the monthly box.
constexpr std::array<const char*, 3> kBand = {"rendah", "sedang", "tinggi"};

std::string ZoneAbbreviation(absl::TimeZone tz) {
  const std::string name = tz.name();
  if (name == "Asia/Jakarta") return "WIB";
  if (name == "Asia/Makassar") return "WITA";
  if (name == "Asia/Jayapura") return "WIT";
  return name;
}

// "NIP 19670227 199803 2 003"; a NIP that does not parse is shown as given.
std::string NipText(std::string_view nip) {
  absl::StatusOr<Nip> parsed = ParseNip(nip);
  return absl::StrCat("NIP ", parsed.ok() ? parsed->Display() : std::string(nip));
}

// "Selasa, 6 Oktober 2026 pukul 23.59 WIB": the last minute a report for `day` is in time.
std::string DueText(absl::CivilDay day, const WarningRules& rules, absl::TimeZone tz) {
  const absl::CivilDay due_day = day + rules.cutoff_days;
  return absl::StrCat(FormatTanggal(due_day), " ",
                      FormatPukul(absl::CivilMinute(due_day) + rules.cutoff_minute, tz));
}

absl::CivilDay YearlyDate(int year, MonthDay date) {
  return absl::CivilDay(year, date.month, date.day);
}

}  // namespace

std::string FormatTanggal(absl::CivilDay day) {
  return absl::StrCat(kHari[static_cast<int>(absl::GetWeekday(day))], ", ", day.day(), " ",
                      kBulan[day.month() - 1], " ", day.year());
}

std::string FormatBulan(int year, int month) {
  const absl::CivilMonth m(year, month);  // normalises an out-of-range month
  return absl::StrCat(kBulan[m.month() - 1], " ", m.year());
}

std::string FormatPercentBp(int32_t bp) {
  const int64_t abs_bp = bp < 0 ? -static_cast<int64_t>(bp) : bp;
  const int64_t whole = abs_bp / 100;
  const int64_t hundredths = abs_bp % 100;
  std::string out = absl::StrCat(bp < 0 ? "-" : "", whole);
  if (hundredths % 10 != 0) {
    absl::StrAppend(&out, ",", absl::StrFormat("%02d", hundredths));
  } else if (hundredths != 0) {
    absl::StrAppend(&out, ",", hundredths / 10);
  }
  return absl::StrCat(out, "%");
}

std::string FormatPukul(absl::CivilMinute minute, absl::TimeZone tz) {
  return absl::StrCat("pukul ", absl::StrFormat("%02d.%02d", minute.hour(), minute.minute()), " ",
                      ZoneAbbreviation(tz));
}

std::string MissingReportStake(int32_t missing_report_bp) {
  if (missing_report_bp <= 0) return "";
  return absl::StrCat("Potongan ", FormatPercentBp(missing_report_bp),
                      " dari bagian produktivitas TPP per hari");
}

WarningText MissingReportText(absl::CivilDay day, const WarningRules& rules, absl::TimeZone tz,
                              int32_t missing_report_bp) {
  return {"Laporan harian belum dikirim",
          absl::StrCat("Tidak ada laporan kegiatan terkirim untuk ", FormatTanggal(day),
                       " sampai batasnya, ", DueText(day, rules, tz), "."),
          "Kirim laporan kegiatan setiap hari kerja sebelum batasnya.",
          MissingReportStake(missing_report_bp)};
}

WarningText EarlyReminderText(absl::CivilDay day, const WarningRules& rules, absl::TimeZone tz,
                              int32_t missing_report_bp) {
  return {"Laporan hari ini belum dikirim",
          absl::StrCat("Anda hadir ", FormatTanggal(day), " dan belum mengirim laporan kegiatan."),
          absl::StrCat("Kirim laporan kegiatan sebelum ", DueText(day, rules, tz), "."),
          MissingReportStake(missing_report_bp)};
}

WarningText EscalationText(std::string_view subject_nip, int days, absl::CivilDay last_day,
                           int32_t missing_report_bp) {
  return {absl::StrCat("Bawahan tidak melapor ", days, " hari"),
          absl::StrCat(NipText(subject_nip), " tidak mengirim laporan kegiatan ", days,
                       " hari kerja berturut-turut, terakhir ", FormatTanggal(last_day), "."),
          "Ingatkan pegawai untuk mengirim laporan kegiatan harian.",
          MissingReportStake(missing_report_bp)};
}

WarningText PendingApprovalsText(int count, absl::Time oldest_submit, const WarningRules& rules,
                                 absl::TimeZone tz, int32_t missing_report_bp) {
  std::string stake;
  if (missing_report_bp > 0) {
    stake = absl::StrCat("Potongan ", FormatPercentBp(missing_report_bp),
                         " dari bagian produktivitas TPP bawahan per hari tanpa laporan disetujui");
  }
  return {"Laporan bawahan menunggu persetujuan",
          absl::StrCat(count, " laporan kegiatan menunggu lebih dari ", rules.pending_workdays,
                       " hari kerja; yang terlama dikirim ",
                       FormatTanggal(absl::ToCivilDay(oldest_submit, tz)), "."),
          "Setujui, tolak, atau kembalikan laporan tersebut.", stake};
}

WarningText NoCheckoutText(absl::CivilDay day) {
  return {"Presensi pulang tidak tercatat",
          absl::StrCat("Tidak ada presensi pulang pada ", FormatTanggal(day), "."),
          "Ajukan koreksi presensi kepada atasan bila Anda lupa atau mesin rusak.", ""};
}

WarningText LateRepeatedText(int count, absl::CivilDay day) {
  return {
      absl::StrCat("Terlambat ", count, " kali bulan ini"),
      absl::StrCat("Anda terlambat ", count, " kali pada ", FormatBulan(day.year(), day.month()),
                   ", terakhir ", FormatTanggal(day), "."),
      "Datang sebelum jam masuk; ajukan koreksi presensi bila tercatat keliru.", ""};
}

WarningText SkpNotSubmittedText(int year, const WarningRules& rules) {
  return {absl::StrCat("SKP ", year, " belum diajukan"),
          absl::StrCat("SKP tahun ", year, " belum diajukan sampai ",
                       FormatTanggal(YearlyDate(year, rules.skp_submit_by)), "."),
          "Susun SKP dan ajukan kepada pejabat penilai.", ""};
}

WarningText SkpNotApprovedText(std::string_view subject_nip, int year, const WarningRules& rules) {
  return {"SKP bawahan belum disetujui",
          absl::StrCat("SKP ", year, " ", NipText(subject_nip), " belum disetujui sampai ",
                       FormatTanggal(YearlyDate(year, rules.skp_approve_by)), "."),
          "Periksa SKP tersebut, lalu setujui atau tolak dengan alasan.", ""};
}

WarningText LowKotakText(std::string_view subject_nip, int box, int year, int month) {
  std::string bands;
  if (box >= 1 && box <= 9) {
    bands = absl::StrCat(" (disiplin ", kBand[(box - 1) / 3], ", produktivitas ",
                         kBand[(box - 1) % 3], ")");
  }
  return {absl::StrCat("Kotak kinerja rendah: kotak ", box),
          absl::StrCat(NipText(subject_nip), " di kotak ", box, bands, " pada ",
                       FormatBulan(year, month), "."),
          "Tinjau bersama atasan pegawai dan OPD-nya.", ""};
}

}  // namespace ekinerja::warning
