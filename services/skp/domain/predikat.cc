#include "domain/predikat.h"

#include <optional>
#include <string_view>

#include "enum_names.h"

namespace ekinerja::skp {
namespace {

constexpr EnumNames<Rating, 3> kRatingNames = {{
    {Rating::kDiBawahEkspektasi, "DI_BAWAH_EKSPEKTASI"},
    {Rating::kSesuaiEkspektasi, "SESUAI_EKSPEKTASI"},
    {Rating::kDiAtasEkspektasi, "DI_ATAS_EKSPEKTASI"},
}};

constexpr EnumNames<Predikat, 5> kPredikatNames = {{
    {Predikat::kSangatBaik, "SANGAT_BAIK"},
    {Predikat::kBaik, "BAIK"},
    {Predikat::kButuhPerbaikan, "BUTUH_PERBAIKAN"},
    {Predikat::kKurangMisconduct, "KURANG_MISCONDUCT"},
    {Predikat::kSangatKurang, "SANGAT_KURANG"},
}};

}  // namespace

Predikat PredikatKinerja(Rating hasil_kerja, Rating perilaku) {
  // PermenPANRB 6/2022: the matrix row by row, hasil kerja outermost.
  switch (hasil_kerja) {
    case Rating::kDiAtasEkspektasi:
      switch (perilaku) {
        case Rating::kDiBawahEkspektasi:
          return Predikat::kKurangMisconduct;
        case Rating::kSesuaiEkspektasi:
          return Predikat::kBaik;
        case Rating::kDiAtasEkspektasi:
          return Predikat::kSangatBaik;
      }
      break;
    case Rating::kSesuaiEkspektasi:
      switch (perilaku) {
        case Rating::kDiBawahEkspektasi:
          return Predikat::kKurangMisconduct;
        case Rating::kSesuaiEkspektasi:
        case Rating::kDiAtasEkspektasi:
          return Predikat::kBaik;
      }
      break;
    case Rating::kDiBawahEkspektasi:
      switch (perilaku) {
        case Rating::kDiBawahEkspektasi:
          return Predikat::kSangatKurang;
        case Rating::kSesuaiEkspektasi:
        case Rating::kDiAtasEkspektasi:
          return Predikat::kButuhPerbaikan;
      }
      break;
  }
  // Unreachable for the enum's values; the lowest predikat rather than a guess upward.
  return Predikat::kSangatKurang;
}

std::string_view RatingName(Rating rating) { return NameOf(kRatingNames, rating); }
std::string_view PredikatName(Predikat predikat) { return NameOf(kPredikatNames, predikat); }
std::optional<Rating> ParseRating(std::string_view name) { return ValueOf(kRatingNames, name); }
std::optional<Predikat> ParsePredikat(std::string_view name) {
  return ValueOf(kPredikatNames, name);
}

}  // namespace ekinerja::skp
