// SPDX-License-Identifier: Apache-2.0
#include "import/csv_reader.hpp"

#include <iconv.h>

#include <array>
#include <cerrno>
#include <cstring>
#include <fstream>

#include "core/error.hpp"
#include "core/i18n.hpp"
#include "core/text.hpp"

namespace kangle::import {
namespace {

constexpr std::size_t chunk_size = 64 * 1024;
// No sign-up row is this long: a bigger one is a broken or hostile file, refused before it eats memory.
constexpr std::size_t max_record_bytes = 16 * 1024 * 1024;

bool starts_with_bytes(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

/// Length of the valid UTF-8 prefix of `s`, not counting an incomplete sequence at its end.
/// `bad` is set when an invalid sequence (not merely cut off) is met.
std::size_t valid_utf8_prefix(std::string_view s, bool& bad) {
  bad = false;
  std::size_t i = 0;
  while (i < s.size()) {
    auto c = static_cast<unsigned char>(s[i]);
    std::size_t n = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
    if (n == 0) {
      bad = true;
      return i;
    }
    if (i + n > s.size()) return i;  // cut off by the chunk's end
    for (std::size_t k = 1; k < n; ++k) {
      if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) {
        bad = true;
        return i;
      }
    }
    if (!text::is_valid_utf8(s.substr(i, n))) {  // overlong forms, surrogates
      bad = true;
      return i;
    }
    i += n;
  }
  return i;
}

/// The delimiter that splits the most of the first lines (quotes respected).
char detect_delimiter(std::string_view head) {
  constexpr std::array<char, 3> candidates{',', ';', '\t'};
  std::array<int, 3> lines_with{}, totals{};
  std::array<int, 3> in_line{};
  bool quoted = false;
  int lines = 0;
  for (char c : head) {
    if (c == '"') quoted = !quoted;
    if (quoted) continue;
    for (std::size_t k = 0; k < candidates.size(); ++k) {
      if (c == candidates[k]) ++in_line[k];
    }
    if (c == '\n') {
      for (std::size_t k = 0; k < candidates.size(); ++k) {
        if (in_line[k] > 0) ++lines_with[k];
        totals[k] += in_line[k];
        in_line[k] = 0;
      }
      if (++lines == 50) break;
    }
  }
  std::size_t best = 0;
  for (std::size_t k = 1; k < candidates.size(); ++k) {
    if (lines_with[k] > lines_with[best] || (lines_with[k] == lines_with[best] && totals[k] > totals[best])) best = k;
  }
  return candidates[best];
}

struct IconvClose {
  void operator()(void* converter) const { ::iconv_close(static_cast<iconv_t>(converter)); }
};

class CsvReader : public SheetReader {
public:
  CsvReader(const std::filesystem::path& file, std::optional<Encoding> encoding)
      : file_(file), name_(file.filename().string()), in_(file, std::ios::binary) {
    if (!in_) throw InputError(Message(Msg::cannot_read_file, file.string(), std::strerror(errno)));
    std::string raw = read_raw();
    if (starts_with_bytes(raw, "\xEF\xBB\xBF")) {
      raw.erase(0, 3);
      encoding_ = Encoding::utf8;
    } else if (starts_with_bytes(raw, "\xFF\xFE")) {
      raw.erase(0, 2);
      encoding_ = Encoding::utf16le;
    } else if (starts_with_bytes(raw, "\xFE\xFF")) {
      raw.erase(0, 2);
      encoding_ = Encoding::utf16be;
    } else {
      bool bad = false;
      valid_utf8_prefix(raw, bad);
      encoding_ = bad ? Encoding::gb18030 : Encoding::utf8;
    }
    if (encoding) encoding_ = *encoding;
    if (encoding_ != Encoding::utf8) {
      const char* from = encoding_ == Encoding::gb18030 ? "GB18030" : encoding_ == Encoding::utf16le ? "UTF-16LE" : "UTF-16BE";
      iconv_t converter = ::iconv_open("UTF-8", from);
      if (converter == reinterpret_cast<iconv_t>(-1)) throw InputError(Message(Msg::cannot_read_file, file.string(), std::strerror(errno)));
      converter_.reset(converter);
    }
    decode(raw);
    delimiter_ = detect_delimiter(text_);
  }

  const std::string& name() const override { return name_; }

  bool next(Row& row) override {
    for (;;) {
      row.cells.clear();
      row.number = line_;
      std::size_t consumed = 0;
      std::size_t newlines = 0, quoted_newlines = 0;
      if (!parse_record(row, consumed, newlines, quoted_newlines)) {
        if (eof_) return false;
        text_.erase(0, start_);  // drop what was parsed before reading more
        start_ = 0;
        if (text_.size() > max_record_bytes) throw InputError(Message(Msg::csv_record_too_long, file_.string(), line_));
        decode(read_raw());
        continue;
      }
      start_ += consumed;
      row.last = line_ + quoted_newlines;
      line_ += newlines;
      while (!row.cells.empty() && row.cells.back().kind == Cell::Kind::empty) row.cells.pop_back();
      if (!row.cells.empty()) return true;
    }
  }

private:
  std::string read_raw() {
    std::string raw(chunk_size, '\0');
    in_.read(raw.data(), static_cast<std::streamsize>(raw.size()));
    raw.resize(static_cast<std::size_t>(in_.gcount()));
    if (raw.empty()) eof_ = true;
    return raw;
  }

  /// Appends `raw` to the decoded text, keeping a cut-off character for the next chunk.
  void decode(std::string raw) {
    pending_ += raw;
    if (encoding_ == Encoding::utf8) {
      bool bad = false;
      std::size_t ok = valid_utf8_prefix(pending_, bad);
      text_.append(pending_, 0, ok);  // first, so that the error counts the lines before the bad bytes
      if (bad || (eof_ && ok < pending_.size())) throw_undecodable();
      pending_.erase(0, ok);
      return;
    }
    std::array<char, chunk_size * 2> out{};
    char* in_ptr = pending_.data();
    std::size_t in_left = pending_.size();
    while (in_left > 0) {
      char* out_ptr = out.data();
      std::size_t out_left = out.size();
      std::size_t rc = ::iconv(converter_.get(), &in_ptr, &in_left, &out_ptr, &out_left);
      text_.append(out.data(), static_cast<std::size_t>(out_ptr - out.data()));
      if (rc != static_cast<std::size_t>(-1)) continue;
      if (errno == E2BIG) continue;
      if (errno == EINVAL && !eof_) break;  // a character cut by the chunk: finish it next time
      throw_undecodable();
    }
    pending_.erase(0, pending_.size() - in_left);
  }

  /// The error for bytes that do not decode, naming the line they are on: the lines of
  /// the text decoded so far past those already read.
  [[noreturn]] void throw_undecodable() {
    std::size_t line = line_;
    for (char c : std::string_view(text_).substr(start_)) line += c == '\n';
    throw InputError(Message(Msg::csv_bad_encoding, file_.string(), line, encoding_name()));
  }

  std::string_view encoding_name() const {
    switch (encoding_) {
      case Encoding::utf8: return "UTF-8";
      case Encoding::gb18030: return "GB18030";
      case Encoding::utf16le: return "UTF-16LE";
      case Encoding::utf16be: return "UTF-16BE";
    }
    return "";
  }

  /// Parses one record from the front of text_; false when it needs more text.
  bool parse_record(Row& row, std::size_t& consumed, std::size_t& newlines, std::size_t& quoted_newlines) {
    std::string_view text = std::string_view(text_).substr(start_);
    std::string field;
    bool quoted = false, was_quoted = false;
    auto end_field = [&] {
      Cell cell;
      if (!field.empty() || was_quoted) {
        cell.kind = field.empty() ? Cell::Kind::empty : Cell::Kind::text;
        cell.text = std::move(field);
      }
      row.cells.push_back(std::move(cell));
      field.clear();
      was_quoted = false;
    };
    std::size_t i = 0;
    while (i < text.size()) {
      char c = text[i];
      if (quoted) {
        if (c == '"') {
          if (i + 1 >= text.size() && !eof_) return false;
          if (i + 1 < text.size() && text[i + 1] == '"') {
            field += '"';
            i += 2;
            continue;
          }
          quoted = false;
        } else if (c == '\n') {
          ++newlines;
          ++quoted_newlines;
          field += c;
        } else {
          // The run up to the next quote or line break at once: a byte at a time was a tenth of a CSV import.
          auto end = text.find_first_of("\"\n", i);
          if (end == std::string_view::npos) end = text.size();
          field.append(text.substr(i, end - i));
          i = end;
          continue;
        }
        ++i;
        continue;
      }
      if (c == '"' && field.empty() && !was_quoted) {
        quoted = was_quoted = true;
      } else if (c == delimiter_) {
        end_field();
      } else if (c == '\n' || c == '\r') {
        if (c == '\r' && i + 1 >= text.size() && !eof_) return false;
        if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
        ++newlines;
        end_field();
        consumed = i + 1;
        return true;
      } else {
        // The run up to the field's end at once; a quote inside it is text.
        auto end = i + 1;
        while (end < text.size() && text[end] != delimiter_ && text[end] != '\n' && text[end] != '\r') ++end;
        field.append(text.substr(i, end - i));
        i = end;
        continue;
      }
      ++i;
    }
    if (!eof_ || quoted) {
      if (eof_ && quoted) {  // an unclosed quote at the end: keep what there is
        end_field();
        consumed = text.size();
        return true;
      }
      return false;
    }
    if (i == 0) return false;
    end_field();
    consumed = text.size();
    return true;
  }

  std::filesystem::path file_;
  std::string name_;
  std::ifstream in_;
  Encoding encoding_ = Encoding::utf8;
  // Owned, not closed by a destructor: that would not run when decoding the first chunk throws.
  std::unique_ptr<void, IconvClose> converter_;
  std::string pending_;  // raw bytes not yet decoded
  std::string text_;     // decoded UTF-8; parsed up to start_
  std::size_t start_ = 0;
  char delimiter_ = ',';
  std::size_t line_ = 1;
  bool eof_ = false;
};

}  // namespace

std::optional<Encoding> parse_encoding(std::string_view name) {
  auto lower = text::ascii_lower(name);
  if (lower == "utf-8" || lower == "utf8") return Encoding::utf8;
  if (lower == "gbk" || lower == "gb2312" || lower == "gb18030" || lower == "cp936") return Encoding::gb18030;
  if (lower == "utf-16le" || lower == "utf-16") return Encoding::utf16le;
  if (lower == "utf-16be") return Encoding::utf16be;
  return std::nullopt;
}

std::unique_ptr<SheetReader> open_csv(const std::filesystem::path& file, std::optional<Encoding> encoding) {
  return std::make_unique<CsvReader>(file, encoding);
}

}  // namespace kangle::import
