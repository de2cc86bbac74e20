#include "domain/predikat.h"

#include <string_view>

namespace ekinerja::skp {

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

std::string_view RatingName(Rating rating) {
  switch (rating) {
    case Rating::kDiBawahEkspektasi:
      return "DI_BAWAH_EKSPEKTASI";
    case Rating::kSesuaiEkspektasi:
      return "SESUAI_EKSPEKTASI";
    case Rating::kDiAtasEkspektasi:
      return "DI_ATAS_EKSPEKTASI";
  }
  return "";
}

std::string_view PredikatName(Predikat predikat) {
  switch (predikat) {
    case Predikat::kSangatBaik:
      return "SANGAT_BAIK";
    case Predikat::kBaik:
      return "BAIK";
    case Predikat::kButuhPerbaikan:
      return "BUTUH_PERBAIKAN";
    case Predikat::kKurangMisconduct:
      return "KURANG_MISCONDUCT";
    case Predikat::kSangatKurang:
      return "SANGAT_KURANG";
  }
  return "";
}

}  // namespace ekinerja::skp
