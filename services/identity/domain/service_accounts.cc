#include "domain/service_accounts.h"

#include "absl/container/flat_hash_map.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"

namespace ekinerja::identity {

absl::StatusOr<std::vector<ServiceAccount>> ParseServiceAccounts(const std::string& text) {
  std::vector<ServiceAccount> out;
  absl::flat_hash_map<std::string, int> first_line;
  int line_no = 0;
  for (absl::string_view line : absl::StrSplit(text, '\n')) {
    ++line_no;
    line = absl::StripAsciiWhitespace(line);  // also a CRLF file's '\r'
    if (line.empty() || line.front() == '#') continue;
    std::vector<absl::string_view> fields =
        absl::StrSplit(line, absl::ByAnyChar(" \t\r\f\v"), absl::SkipEmpty());
    if (fields.size() != 2) {
      return absl::InvalidArgumentError(
          absl::StrCat("line ", line_no, ": want '<client_id> <client_secret>'"));
    }
    ServiceAccount a{std::string(fields[0]), std::string(fields[1])};
    auto [it, inserted] = first_line.emplace(a.client_id, line_no);
    if (!inserted) {
      return absl::InvalidArgumentError(absl::StrCat("line ", line_no, ": client id ", a.client_id,
                                                     " given twice (first on line ", it->second,
                                                     ")"));
    }
    out.push_back(std::move(a));
  }
  return out;
}

}  // namespace ekinerja::identity
