#include "csv.h"

#include <algorithm>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"

namespace ekinerja::csv {

std::vector<Record> SplitRecords(std::string_view text) {
  std::vector<Record> records;
  const size_t n = text.size();
  size_t i = 0;
  int line = 1;
  // Consumes the line break at i, if any; true if there was one.
  const auto take_line_break = [&] {
    if (i < n && text[i] == '\r') {
      ++i;
      if (i < n && text[i] == '\n') ++i;
    } else if (i < n && text[i] == '\n') {
      ++i;
    } else {
      return false;
    }
    ++line;
    return true;
  };
  const auto at_field_end = [&] {
    return i >= n || text[i] == ',' || text[i] == '\r' || text[i] == '\n';
  };

  while (i < n) {
    Record r;
    r.line = line;
    bool any_quoted = false;
    while (true) {  // one field per pass
      std::string field;
      if (i < n && text[i] == '"') {
        any_quoted = true;
        ++i;
        bool closed = false;
        while (i < n) {
          if (text[i] == '"') {
            if (i + 1 < n && text[i + 1] == '"') {
              field.push_back('"');
              i += 2;
              continue;
            }
            ++i;
            closed = true;
            break;
          }
          const size_t before = i;
          if (take_line_break()) {
            field.append(text.substr(before, i - before));
          } else {
            field.push_back(text[i++]);
          }
        }
        if (!closed) {
          r.error = "a quoted field is not closed (missing '\"')";
          i = n;
        } else if (!at_field_end()) {
          if (r.error.empty()) r.error = "unexpected character after a closing quote";
          while (!at_field_end()) ++i;
        }
      } else {
        // RFC 4180 forbids quotes inside unquoted fields; spreadsheets write them anyway, and
        // they are kept as data.
        while (!at_field_end()) field.push_back(text[i++]);
      }
      r.fields.push_back(std::move(field));
      if (i < n && text[i] == ',') {
        ++i;
        continue;  // a comma at the very end still opens a last (empty) field
      }
      take_line_break();
      break;
    }
    r.blank = !any_quoted && r.error.empty() && r.fields.size() == 1 && r.fields[0].empty();
    records.push_back(std::move(r));
  }
  return records;
}

namespace {

std::string Strip(std::string_view s) {
  return std::string(absl::StripAsciiWhitespace(absl::string_view(s.data(), s.size())));
}

std::string ColumnList(const TableSpec& spec) {
  std::string list;
  for (std::string_view name : spec.columns) {
    absl::StrAppend(&list, list.empty() ? "" : ", ", absl::string_view(name.data(), name.size()));
  }
  return list;
}

// Position of each column of the spec in the records (-1: not named); empty if the header is bad.
std::vector<int> ReadHeader(const Record& header, const TableSpec& spec, Violations& violations) {
  const std::string where = absl::StrCat("line ", header.line, ": ");
  if (!header.error.empty()) {
    violations.Add("header", where + header.error);
    return {};
  }
  std::vector<int> index(spec.columns.size(), -1);
  bool ok = true;
  const auto refuse = [&](std::string reason) {
    violations.Add("header", where + reason);
    ok = false;
  };
  for (size_t i = 0; i < header.fields.size(); ++i) {
    const std::string name = absl::AsciiStrToLower(Strip(header.fields[i]));
    auto refused = std::find_if(spec.refused.begin(), spec.refused.end(),
                                [&](const auto& r) { return r.first == name; });
    auto known = std::find(spec.columns.begin(), spec.columns.end(), name);
    if (refused != spec.refused.end()) {
      refuse(std::string(refused->second));
    } else if (known == spec.columns.end()) {
      refuse(absl::StrCat("unknown column \"", name, "\"; the columns are ", ColumnList(spec)));
    } else if (int& at = index[known - spec.columns.begin()]; at >= 0) {
      refuse(absl::StrCat("column \"", name, "\" appears twice"));
    } else {
      at = static_cast<int>(i);
    }
  }
  for (size_t c = 0; c < spec.required; ++c) {
    if (index[c] < 0) {
      const std::string_view name = spec.columns[c];
      refuse(absl::StrCat("required column \"", absl::string_view(name.data(), name.size()),
                          "\" is missing"));
    }
  }
  if (!ok) return {};
  return index;
}

}  // namespace

void ReadTable(std::string_view text, const TableSpec& spec, Violations& violations,
               const std::function<void(const TableRow&)>& each) {
  if (text.substr(0, kUtf8Bom.size()) == kUtf8Bom) text.remove_prefix(kUtf8Bom.size());
  const std::vector<Record> records = SplitRecords(text);
  auto it = records.begin();
  while (it != records.end() && it->blank) ++it;
  if (it == records.end()) {
    violations.Add("csv", "the file is empty; it needs a header line naming the columns");
    return;
  }
  const std::vector<int> index = ReadHeader(*it, spec, violations);
  if (index.empty()) return;
  const size_t fields = it->fields.size();
  for (++it; it != records.end(); ++it) {
    const Record& record = *it;
    if (record.blank) continue;
    const std::string where = absl::StrCat("line ", record.line, ": ");
    const std::string row = absl::StrCat("rows[", record.line, "]");
    if (!record.error.empty()) {
      violations.Add(row, where + record.error);
    } else if (record.fields.size() != fields) {
      violations.Add(row, absl::StrCat(where, "expected ", fields, " fields as in the header, got ",
                                       record.fields.size()));
    } else {
      TableRow row;
      row.line = record.line;
      for (int at : index) row.cells.push_back(at < 0 ? std::string() : Strip(record.fields[at]));
      each(row);
    }
  }
}

std::string CellField(int line, std::string_view column) {
  return absl::StrCat("rows[", line, "].", absl::string_view(column.data(), column.size()));
}

std::string ProblemOf(const absl::Status& status) {
  std::vector<FieldViolation> v = FieldViolationsOf(status);
  return v.empty() ? std::string(status.message()) : v.front().description;
}

std::string FormatRecord(const std::vector<std::string>& fields) {
  std::string out;
  for (size_t i = 0; i < fields.size(); ++i) {
    if (i > 0) out += ',';
    const std::string& f = fields[i];
    if (f.find_first_of(",\"\r\n") == std::string::npos) {
      out += f;
      continue;
    }
    out += '"';
    for (char c : f) {
      if (c == '"') out += '"';
      out += c;
    }
    out += '"';
  }
  out += "\r\n";
  return out;
}

}  // namespace ekinerja::csv
