#include "csv.h"

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

}  // namespace ekinerja::csv
