#pragma once

// AIP-158 pagination: opaque page tokens that carry the last key of the previous page and are
// bound to the query that issued them.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"

namespace ekinerja {

// A token for the page after `last_key` (the keyset cursor, e.g. the last row's NIP or id).
// `query_fingerprint` is every request field that shapes the result, joined by the caller: tenant,
// parent, filter, order_by — but not page_size, which AIP-158 lets a client change between pages.
// The token is URL-safe base64 without padding, a few bytes longer than the key. It is not
// encrypted: the key is readable by whoever holds the token, and a token only ever leads to rows
// its holder could list anyway.
std::string EncodePageToken(std::string_view last_key, std::string_view query_fingerprint);

// The last key carried by `token`, or "" for an empty token (the first page). INVALID_ARGUMENT
// with a violation on "page_token" when the token is not one of ours (bad base64, wrong version,
// damaged) or was issued for another query (a different fingerprint: other filters, other parent).
absl::StatusOr<std::string> DecodePageToken(std::string_view token,
                                            std::string_view query_fingerprint);

// DecodePageToken of a list keyed by a numeric id: the id of the previous page's last row, 0
// for the first page; INVALID_ARGUMENT on "page_token" as above, or when the key is not a number.
absl::StatusOr<int64_t> DecodeIdPageToken(std::string_view token,
                                          std::string_view query_fingerprint);

// The page size to use for a requested `page_size`: 0 (unset) gives `default_size`, anything above
// `max_size` is lowered to it (AIP-158 coerces, it does not refuse); negative is INVALID_ARGUMENT
// on "page_size".
absl::StatusOr<int> PageSize(int requested, int default_size = 50, int max_size = 1000);

// Writes one page of `rows`, read with a limit of page_size + 1 so that one extra row tells whether
// another page follows: at most page_size rows go through `add`, and the result is the next page
// token (the key of the last row written), or "" on the last page.
template <typename Row, typename Add, typename Key>
std::string WritePage(const std::vector<Row>& rows, int page_size, std::string_view fingerprint,
                      Add add, Key key) {
  const size_t n = rows.size() < static_cast<size_t>(page_size) ? rows.size() : page_size;
  for (size_t i = 0; i < n; ++i) add(rows[i]);
  if (rows.size() <= n) return "";
  return EncodePageToken(key(rows[n - 1]), fingerprint);
}

}  // namespace ekinerja
