#pragma once

// The minutes an entry earns (DOMAIN §5, norma waktu, Bandung E-RK and analisis beban kerja):
// an entry without a catalogue item earns its start-end span; one that names an item earns the
// item's standard minutes per unit times the output quantity, capped by its own span (the
// tenant's default, cap_norm_by_span). Only approved earned minutes count (entry_month.h).

#include <cstdint>
#include <optional>

namespace ekinerja::activity {

// `norm_minutes_per_unit` is the catalogue item's (nullopt without one); `quantity` the entry's
// output quantity, >= 0 (the caller validates it). Saturates at INT64_MAX instead of overflowing.
int64_t EarnedMinutes(int span_minutes, std::optional<int> norm_minutes_per_unit, int64_t quantity,
                      bool cap_by_span);

}  // namespace ekinerja::activity
