#pragma once

// The predikat kinerja of the PermenPANRB 6/2022 model (DOMAIN §2): the pejabat penilai's rating
// hasil kerja and rating perilaku kerja, read through the 9-box matrix. The PP 46 / Perka BKN
// 1/2013 model has its own predikat (domain/pp46.h).

#include <optional>
#include <string_view>

namespace ekinerja::skp {

// The three ratings the pejabat penilai gives, for hasil kerja and for perilaku kerja alike.
enum class Rating { kDiBawahEkspektasi, kSesuaiEkspektasi, kDiAtasEkspektasi };

// The five predikat kinerja of PermenPANRB 6/2022.
enum class Predikat { kSangatBaik, kBaik, kButuhPerbaikan, kKurangMisconduct, kSangatKurang };

// PermenPANRB 6/2022 (Lampiran, the 9-box matrix):
//
//   hasil kerja \ perilaku | Di Bawah          | Sesuai          | Di Atas
//   Di Atas                | Kurang/Misconduct | Baik            | Sangat Baik
//   Sesuai                 | Kurang/Misconduct | Baik            | Baik
//   Di Bawah               | Sangat Kurang     | Butuh Perbaikan | Butuh Perbaikan
//
// Behaviour below expectation caps a good result at Kurang/Misconduct; a unit head's rating hasil
// kerja is the unit's organisational predikat, mapped by the caller.
Predikat PredikatKinerja(Rating hasil_kerja, Rating perilaku);

// "DI_BAWAH_EKSPEKTASI", ... and "SANGAT_BAIK", "BAIK", "BUTUH_PERBAIKAN", "KURANG_MISCONDUCT",
// "SANGAT_KURANG": the names the store and the API will use.
std::string_view RatingName(Rating rating);
std::string_view PredikatName(Predikat predikat);
// The value of one of those names, exactly as printed; nullopt for any other string.
std::optional<Rating> ParseRating(std::string_view name);
std::optional<Predikat> ParsePredikat(std::string_view name);

}  // namespace ekinerja::skp
