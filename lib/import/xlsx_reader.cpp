// SPDX-License-Identifier: Apache-2.0
#include "import/xlsx_reader.hpp"

#include <expat.h>
#include <isa-l/igzip_lib.h>
#include <zip.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <charconv>
#include <chrono>
#include <cmath>
#include <cstring>
#include <deque>
#include <exception>
#include <fstream>
#include <limits>
#include <map>
#include <new>
#include <optional>
#include <string_view>
#include <utility>

#include "core/dates.hpp"
#include "core/error.hpp"
#include "core/i18n.hpp"
#include "import/columns.hpp"
#include "import/read_ahead.hpp"

namespace kangle::import {
namespace fs = std::filesystem;
namespace {

constexpr std::size_t chunk_bytes = 64 * 1024;
constexpr std::size_t max_columns = 16384;  // XFD, Excel's last column
constexpr std::size_t max_rows = 1048576;   // Excel's last row
constexpr std::string_view workbook_part = "xl/workbook.xml";
constexpr std::string_view workbook_rels_part = "xl/_rels/workbook.xml.rels";

[[noreturn]] void fail(Message message) { throw InputError(std::move(message)); }

/// An element's or attribute's name without its namespace prefix (`x:row` is `row`, `r:id`
/// is `id`), compared with the names the code expects byte by byte: a sheet has millions of
/// elements, and finding each name's length, then comparing it as a std::string_view (a
/// call to memcmp), took a sixth of the reading thread's own time.
class XmlName {
public:
  explicit XmlName(const XML_Char* name) : local_(name) {
    const XML_Char* end = name;
    for (; *end != '\0'; ++end) {
      if (*end == ':') local_ = end + 1;
    }
    size_ = static_cast<std::size_t>(end - local_);
  }
  template <std::size_t N>
  bool operator==(const char (&expected)[N]) const {
    if (size_ != N - 1) return false;
    for (std::size_t i = 0; i + 1 < N; ++i) {
      if (local_[i] != expected[i]) return false;
    }
    return true;
  }

private:
  const XML_Char* local_;
  std::size_t size_;
};

/// The value of the attribute whose local name is `name`; nothing when absent.
template <std::size_t N>
const XML_Char* attribute(const XML_Char** attributes, const char (&name)[N]) {
  for (std::size_t i = 0; attributes[i] != nullptr; i += 2) {
    if (XmlName(attributes[i]) == name) return attributes[i + 1];
  }
  return nullptr;
}

std::string_view trim_ascii(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

template <typename Int>
std::optional<Int> parse_unsigned(std::string_view s) {
  s = trim_ascii(s);
  Int value{};
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
  if (s.empty() || ec != std::errc() || end != s.data() + s.size()) return std::nullopt;
  return value;
}

std::optional<double> parse_double(std::string_view s) {
  s = trim_ascii(s);
  double value = 0;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
  if (s.empty() || ec != std::errc() || end != s.data() + s.size() || !std::isfinite(value)) return std::nullopt;
  return value;
}

void append_utf8(std::string& out, char32_t c) {
  if (c < 0x80) {
    out += static_cast<char>(c);
  } else if (c < 0x800) {
    out += static_cast<char>(0xC0 | (c >> 6));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else if (c < 0x10000) {
    out += static_cast<char>(0xE0 | (c >> 12));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (c >> 18));
    out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  }
}

/// The `_xHHHH_` escape at `pos` (how OOXML writes control characters such as a line
/// break's `_x000D_`, and `_x005F_` for a literal underscore); nothing when there is none.
std::optional<char32_t> escape_at(std::string_view s, std::size_t pos) {
  if (pos + 7 > s.size() || s[pos] != '_' || s[pos + 1] != 'x' || s[pos + 6] != '_') return std::nullopt;
  unsigned value = 0;
  auto digits = s.substr(pos + 2, 4);
  auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), value, 16);
  if (ec != std::errc() || end != digits.data() + digits.size()) return std::nullopt;
  return static_cast<char32_t>(value);
}

/// The text with OOXML's `_xHHHH_` escapes replaced by the characters they stand for.
std::string decode_escapes(std::string_view s) {
  if (s.find("_x") == std::string_view::npos) return std::string(s);
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    auto code = escape_at(s, i);
    if (!code) {
      out += s[i++];
      continue;
    }
    char32_t c = *code;
    std::size_t used = 7;
    if (c >= 0xD800 && c <= 0xDBFF) {
      auto low = escape_at(s, i + 7);
      if (!low || *low < 0xDC00 || *low > 0xDFFF) {
        out += s[i++];  // a lone surrogate is no character: keep the text as written
        continue;
      }
      c = 0x10000 + ((c - 0xD800) << 10) + (*low - 0xDC00);
      used = 14;
    } else if (c >= 0xDC00 && c <= 0xDFFF) {
      out += s[i++];
      continue;
    }
    if (c != 0) append_utf8(out, c);
    i += used;
  }
  return out;
}

/// A cell reference such as `C5`: column 0-based, row 1-based.
struct CellRef {
  std::size_t column = 0;
  std::size_t row = 0;
};

std::optional<CellRef> parse_reference(std::string_view text) {
  CellRef ref;
  std::size_t i = 0;
  std::size_t column = 0;
  for (; i < text.size() && std::isalpha(static_cast<unsigned char>(text[i])); ++i) {
    if (i >= 3) return std::nullopt;
    column = column * 26 + static_cast<std::size_t>(std::toupper(static_cast<unsigned char>(text[i])) - 'A' + 1);
  }
  if (i == 0 || column > max_columns || i == text.size()) return std::nullopt;
  std::size_t row = 0;
  for (; i < text.size(); ++i) {
    if (text[i] < '0' || text[i] > '9') return std::nullopt;
    row = row * 10 + static_cast<std::size_t>(text[i] - '0');
    if (row > max_rows) return std::nullopt;
  }
  if (row == 0) return std::nullopt;
  ref.column = column - 1;
  ref.row = row;
  return ref;
}

/// Shortest text that reads back as the same double, without a trailing ".0".
std::string number_text(double value) {
  if (value == 0) return "0";  // also -0
  // A whole number of up to 15 digits reads the same as fmt's shortest form (checked over
  // 35 million values), at a fifth of the cost: a phone or a row's 序号 typed as a number.
  if (std::abs(value) < 1e15 && value == std::trunc(value)) return fmt::format_int(static_cast<std::int64_t>(value)).str();
  auto text = fmt::format("{}", value);
  if (text.ends_with(".0")) text.resize(text.size() - 2);
  return text;
}

/// How a number style shows a number.
enum class NumberStyle : std::uint8_t { plain, date, time };

NumberStyle builtin_style(unsigned id) {
  // 27–36 and 50–58 are the East Asian built-ins (yyyy"年"m"月"d"日", h"时"mm"分", …).
  if ((id >= 18 && id <= 21) || (id >= 32 && id <= 35) || (id >= 45 && id <= 47) || id == 55 || id == 56) {
    return NumberStyle::time;
  }
  if ((id >= 14 && id <= 17) || id == 22 || (id >= 27 && id <= 31) || id == 36 || (id >= 50 && id <= 54) || id == 57 ||
      id == 58) {
    return NumberStyle::date;
  }
  return NumberStyle::plain;
}

/// A custom format code is a date when it holds d, m, y or h outside quoted text, escaped
/// characters and [brackets] (colours, locales, conditions); a time when it holds h (or an
/// elapsed [h], [mm], [ss]) but no d or y.
NumberStyle format_style(std::string_view code) {
  bool date = false;
  bool hour = false;
  bool month_or_minute = false;
  for (std::size_t i = 0; i < code.size(); ++i) {
    char c = static_cast<char>(std::tolower(static_cast<unsigned char>(code[i])));
    if (c == '"') {
      auto close = code.find('"', i + 1);
      if (close == std::string_view::npos) break;
      i = close;
    } else if (c == '[') {
      auto close = code.find(']', i + 1);
      if (close == std::string_view::npos) break;
      // [h], [mm], [ss]: elapsed time; any other bracket is a colour, locale or condition.
      auto inside = code.substr(i + 1, close - i - 1);
      if (!inside.empty() && inside.find_first_not_of("hHmMsS") == std::string_view::npos) hour = true;
      i = close;
    } else if (c == '\\' || c == '_' || c == '*') {
      ++i;  // the next character is literal text or padding
    } else if (c == 'd' || c == 'y') {
      date = true;
    } else if (c == 'h') {
      hour = true;
    } else if (c == 'm') {
      month_or_minute = true;
    }
  }
  if (date) return NumberStyle::date;
  if (hour) return NumberStyle::time;
  return month_or_minute ? NumberStyle::date : NumberStyle::plain;
}

/// Excel's serial number as text: "YYYY-MM-DD", " HH:MM" added when it has a time of day;
/// "HH:MM" alone for a time without a day. Nothing when Excel could not show it as a date.
std::optional<std::string> serial_text(double serial, bool date1904, NumberStyle style) {
  using namespace std::chrono;
  if (!(serial >= 0) || serial >= 2958466) return std::nullopt;  // 2958465 is 9999-12-31
  double whole = std::floor(serial);
  auto day_number = static_cast<long>(whole);
  auto second_of_day = std::llround((serial - whole) * 86400);
  if (second_of_day >= 86400) {
    ++day_number;
    second_of_day -= 86400;
  }
  auto clock = fmt::format("{:02}:{:02}", second_of_day / 3600, second_of_day / 60 % 60);
  // In the 1900 system day 0 is Excel's "1900-01-00": the value is a time of day alone.
  if ((day_number == 0 && !date1904) || (style == NumberStyle::time && serial < 1)) return clock;
  std::string date;
  if (date1904) {
    date = format_date(year_month_day{sys_days{year{1904} / January / 1} + days{day_number}});
  } else if (day_number == 60) {
    date = "1900-02-29";  // Excel's day that never was, kept from Lotus 1-2-3
  } else {
    auto base = day_number < 60 ? sys_days{year{1899} / December / 31} : sys_days{year{1899} / December / 30};
    date = format_date(year_month_day{base + days{day_number}});
  }
  if (second_of_day != 0) date += " " + clock;
  return date;
}

/// The serial number of an ISO 8601 date cell (t="d", rare): "2026-12-03" or "2026-12-03T09:30:00".
std::optional<double> iso_serial(std::string_view text, bool date1904) {
  using namespace std::chrono;
  auto date = parse_date(text.substr(0, 10));
  if (!date) return std::nullopt;
  double fraction = 0;
  if (text.size() > 10) {
    if (text[10] != 'T' || text.size() < 16 || text[13] != ':') return std::nullopt;
    auto h = parse_unsigned<int>(text.substr(11, 2));
    auto m = parse_unsigned<int>(text.substr(14, 2));
    if (!h || !m || *h > 23 || *m > 59) return std::nullopt;
    double s = 0;
    if (text.size() > 16) {
      if (text[16] != ':') return std::nullopt;
      auto parsed = parse_double(text.substr(17));
      if (!parsed || *parsed < 0 || *parsed >= 60) return std::nullopt;
      s = *parsed;
    }
    fraction = (*h * 3600 + *m * 60 + s) / 86400;
  }
  auto when = sys_days{*date};
  long serial = 0;
  if (date1904) {
    serial = (when - sys_days{year{1904} / January / 1}).count();
  } else if (when < sys_days{year{1900} / March / 1}) {
    serial = (when - sys_days{year{1899} / December / 31}).count();
  } else {
    serial = (when - sys_days{year{1899} / December / 30}).count();
  }
  if (serial < 0) return std::nullopt;
  return static_cast<double>(serial) + fraction;
}

struct ZipDiscard {
  void operator()(zip_t* zip) const { zip_discard(zip); }
};
struct ZipFileClose {
  void operator()(zip_file_t* file) const { zip_fclose(file); }
};

std::string zip_error_text(int code) {
  zip_error_t error;
  zip_error_init_with_code(&error, code);
  std::string text = zip_error_strerror(&error);
  zip_error_fini(&error);
  return text;
}

class Archive;

/// One entry of the zip read in chunks, its size and compression ratio checked against
/// the limits both as declared and as actually read (a zip may lie about its sizes).
/// A deflated entry (every part Excel, WPS and openpyxl write) is inflated by ISA-L from the
/// raw bytes libzip reads, three times as fast as libzip's zlib (bench/README.md, session
/// 39), and checked at its end: its CRC-32, as libzip checks it, and its size.
class ZipEntry {
public:
  ZipEntry(const Archive& archive, zip_uint64_t index, std::string name, std::uint64_t max_bytes);
  /// Reads up to `size` bytes; 0 at the end of the entry.
  std::size_t read(char* buffer, std::size_t size);
  const std::string& name() const { return name_; }

private:
  std::size_t inflate(char* buffer, std::size_t size);
  void check_size(std::uint64_t size) const;
  [[noreturn]] void damaged(const std::string& why) const;

  const Archive& archive_;
  std::string name_;
  std::uint64_t max_bytes_;
  std::uint64_t compressed_ = std::numeric_limits<std::uint64_t>::max();
  std::uint64_t read_ = 0;
  std::unique_ptr<zip_file_t, ZipFileClose> file_;
  std::unique_ptr<inflate_state> inflater_;  // a deflated entry's; nothing for libzip to inflate
  std::vector<unsigned char> deflated_;      // the raw bytes read, not yet inflated
  std::optional<std::uint32_t> declared_crc_;
  std::optional<std::uint64_t> declared_size_;
  bool all_read_ = false;  // the raw bytes
  bool finished_ = false;  // the inflated ones
};

/// The opened .xlsx file.
class Archive {
public:
  Archive(const fs::path& file, const XlsxLimits& limits) : file_(file.string()), limits_(limits) {
    std::ifstream in(file, std::ios::binary);
    if (!in) fail(Message(Msg::cannot_read_file, file_, std::strerror(errno)));
    std::string start(8, '\0');
    in.read(start.data(), static_cast<std::streamsize>(start.size()));
    start.resize(static_cast<std::size_t>(in.gcount()));
    in.close();
    // An OLE compound file: Excel 97–2003, or an encrypted workbook of any version.
    if (start == std::string_view("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8)) fail(Message(Msg::xlsx_old_xls, file_));
    // libzip opens an empty file as an empty archive.
    if (start.empty()) fail(Message(Msg::xlsx_not_zip, file_));
    int code = 0;
    zip_t* zip = zip_open(file.c_str(), ZIP_RDONLY, &code);
    if (zip == nullptr) {
      if (code == ZIP_ER_NOZIP || code == ZIP_ER_INCONS) {
        // A file that starts like a zip but has no readable directory was cut short.
        if (start.starts_with("PK")) fail(Message(Msg::xlsx_damaged, file_, zip_error_text(code)));
        fail(Message(Msg::xlsx_not_zip, file_));
      }
      fail(Message(Msg::xlsx_damaged, file_, zip_error_text(code)));
    }
    zip_.reset(zip);
  }

  const std::string& file() const { return file_; }
  const XlsxLimits& limits() const { return limits_; }

  std::optional<zip_uint64_t> find(const std::string& name) const {
    auto index = zip_name_locate(zip_.get(), name.c_str(), ZIP_FL_NOCASE);
    if (index < 0) return std::nullopt;
    return static_cast<zip_uint64_t>(index);
  }

  /// Opens the entry `name`; throws when the file does not hold it.
  std::unique_ptr<ZipEntry> open(const std::string& name, std::uint64_t max_bytes) const {
    auto index = find(name);
    if (!index) fail(Message(Msg::xlsx_missing_part, file_, name));
    return std::make_unique<ZipEntry>(*this, *index, name, max_bytes);
  }

  zip_t* get() const { return zip_.get(); }

private:
  std::string file_;
  XlsxLimits limits_;
  std::unique_ptr<zip_t, ZipDiscard> zip_;
};

ZipEntry::ZipEntry(const Archive& archive, zip_uint64_t index, std::string name, std::uint64_t max_bytes)
    : archive_(archive), name_(std::move(name)), max_bytes_(max_bytes) {
  zip_stat_t stat;
  zip_stat_init(&stat);
  if (zip_stat_index(archive_.get(), index, 0, &stat) != 0) damaged(zip_strerror(archive_.get()));
  if ((stat.valid & ZIP_STAT_COMP_SIZE) != 0) compressed_ = stat.comp_size;
  if ((stat.valid & ZIP_STAT_SIZE) != 0) {
    check_size(stat.size);
    declared_size_ = stat.size;
  }
  if ((stat.valid & ZIP_STAT_CRC) != 0) declared_crc_ = stat.crc;
  // Without a byte of it (no deflate stream is), libzip reads an entry as empty.
  const bool deflated = (stat.valid & ZIP_STAT_COMP_METHOD) != 0 && stat.comp_method == ZIP_CM_DEFLATE &&
                        (stat.valid & ZIP_STAT_COMP_SIZE) != 0 && stat.comp_size > 0;
  file_.reset(zip_fopen_index(archive_.get(), index, deflated ? ZIP_FL_COMPRESSED : 0));
  if (!file_) damaged(zip_strerror(archive_.get()));
  if (deflated) {
    inflater_ = std::make_unique<inflate_state>();
    isal_inflate_init(inflater_.get());
    inflater_->crc_flag = ISAL_GZIP_NO_HDR;  // raw deflate, with the CRC-32 of what it gives
    deflated_.resize(64 * 1024);
  }
}

std::size_t ZipEntry::read(char* buffer, std::size_t size) {
  std::size_t n = 0;
  if (inflater_) {
    n = inflate(buffer, size);
  } else {
    auto got = zip_fread(file_.get(), buffer, size);
    if (got < 0) damaged(zip_file_strerror(file_.get()));
    n = static_cast<std::size_t>(got);
  }
  read_ += n;
  check_size(read_);
  return n;
}

std::size_t ZipEntry::inflate(char* buffer, std::size_t size) {
  auto& state = *inflater_;
  state.next_out = reinterpret_cast<std::uint8_t*>(buffer);
  state.avail_out = static_cast<std::uint32_t>(std::min<std::size_t>(size, std::numeric_limits<std::uint32_t>::max()));
  const auto wanted = state.avail_out;
  while (!finished_ && state.avail_out > 0) {
    if (state.avail_in == 0 && !all_read_) {
      auto got = zip_fread(file_.get(), deflated_.data(), deflated_.size());
      if (got < 0) damaged(zip_file_strerror(file_.get()));
      all_read_ = got == 0;
      state.next_in = deflated_.data();
      state.avail_in = static_cast<std::uint32_t>(got);
    }
    const auto before = state.avail_out;
    if (isal_inflate(&state) != ISAL_DECOMP_OK) damaged(zip_error_text(ZIP_ER_COMPRESSED_DATA));
    if (state.block_state == ISAL_BLOCK_FINISH) {
      finished_ = true;
      if (declared_crc_ && state.crc != *declared_crc_) damaged(zip_error_text(ZIP_ER_CRC));
      // libzip let this pass: the bytes are sound, the zip's word of their size is not.
      if (declared_size_ && read_ + (wanted - state.avail_out) != *declared_size_) damaged(zip_error_text(ZIP_ER_INCONS));
    } else if (all_read_ && state.avail_in == 0 && state.avail_out == before) {
      damaged(zip_error_text(ZIP_ER_EOF));  // the raw bytes ended before the deflated stream did
    }
  }
  return wanted - state.avail_out;
}

void ZipEntry::damaged(const std::string& why) const { fail(Message(Msg::xlsx_damaged, archive_.file(), name_ + ": " + why)); }

void ZipEntry::check_size(std::uint64_t size) const {
  const auto& limits = archive_.limits();
  if (size > max_bytes_) fail(Message(Msg::xlsx_too_large, archive_.file(), name_, max_bytes_));
  if (size > limits.ratio_threshold_bytes &&
      static_cast<double>(size) > limits.max_ratio * static_cast<double>(compressed_)) {
    fail(Message(Msg::xlsx_ratio, archive_.file(), name_, limits.max_ratio));
  }
}

/// The entry name a relationship's target points to, from the folder of the part that
/// holds the relationship ("xl/"). Refuses names that climb out with ".." or are not
/// inside the file (a drive, a URL).
std::string resolve_target(const Archive& archive, std::string_view folder, std::string_view target) {
  std::string decoded;  // targets are URIs: "sheet%201.xml"
  for (std::size_t i = 0; i < target.size(); ++i) {
    unsigned value = 0;
    if (target[i] == '%' && i + 2 < target.size() &&
        std::from_chars(target.data() + i + 1, target.data() + i + 3, value, 16).ptr == target.data() + i + 3) {
      decoded += static_cast<char>(value);
      i += 2;
    } else {
      decoded += target[i] == '\\' ? '/' : target[i];
    }
  }
  bool absolute = decoded.starts_with('/');
  if (decoded.empty() || decoded.starts_with("//") || decoded.find(':') != std::string::npos ||
      decoded.find('\0') != std::string::npos) {
    fail(Message(Msg::xlsx_bad_part_name, archive.file(), target));
  }
  std::string path = absolute ? decoded.substr(1) : std::string(folder) + decoded;
  std::string out;
  std::size_t start = 0;
  while (start <= path.size()) {
    auto end = path.find('/', start);
    if (end == std::string::npos) end = path.size();
    auto segment = std::string_view(path).substr(start, end - start);
    if (segment == "..") fail(Message(Msg::xlsx_bad_part_name, archive.file(), target));
    if (!segment.empty() && segment != ".") {
      if (!out.empty()) out += '/';
      out += segment;
    }
    start = end + 1;
  }
  if (out.empty()) fail(Message(Msg::xlsx_bad_part_name, archive.file(), target));
  return out;
}

struct ParserFree {
  void operator()(XML_Parser parser) const { XML_ParserFree(parser); }
};

/// Expat, fed from a zip entry, with handlers as virtual functions. A handler's exception
/// cannot cross expat's C frames: it is kept, the parser stopped, and it is rethrown once
/// expat returns. A DOCTYPE stops the parser before any entity is declared, so no
/// external entity is ever fetched and no entity expansion ("billion laughs") happens.
class XmlReader {
public:
  XmlReader(std::string file, std::string part) : file_(std::move(file)), part_(std::move(part)) {
    parser_.reset(XML_ParserCreate(nullptr));
    if (!parser_) throw std::bad_alloc();
    XML_SetUserData(parser_.get(), this);
    XML_SetElementHandler(parser_.get(), &XmlReader::start_handler, &XmlReader::end_handler);
    XML_SetCharacterDataHandler(parser_.get(), &XmlReader::text_handler);
    XML_SetStartDoctypeDeclHandler(parser_.get(), &XmlReader::doctype_handler);
  }
  XmlReader(const XmlReader&) = delete;
  XmlReader& operator=(const XmlReader&) = delete;
  virtual ~XmlReader() = default;

  /// Parses until a handler suspends the parser (true) or the entry ends (false).
  bool parse_some(ZipEntry& entry) {
    for (;;) {
      XML_Status status;
      if (suspended_) {
        suspended_ = false;
        status = XML_ResumeParser(parser_.get());
      } else if (finished_) {
        return false;
      } else {
        void* buffer = XML_GetBuffer(parser_.get(), static_cast<int>(chunk_bytes));
        if (buffer == nullptr) throw std::bad_alloc();
        auto n = entry.read(static_cast<char*>(buffer), chunk_bytes);
        final_ = n == 0;
        status = XML_ParseBuffer(parser_.get(), static_cast<int>(n), final_ ? XML_TRUE : XML_FALSE);
      }
      if (status == XML_STATUS_SUSPENDED) {
        suspended_ = true;
        return true;
      }
      check(status);
      if (final_) finished_ = true;
    }
  }

  /// Parses the whole entry.
  void parse_all(ZipEntry& entry) {
    while (parse_some(entry)) {
    }
  }

protected:
  virtual void on_start(XmlName name, const XML_Char** attributes) = 0;
  virtual void on_end(XmlName name) = 0;
  virtual void on_text(std::string_view) {}
  /// Where the reader is, for messages: the file, or the file, sheet and row.
  virtual Message where() const { return Message(Msg::verbatim, file_); }

  /// Asks expat to return after the current handler; parse_some() then returns true.
  void suspend() { XML_StopParser(parser_.get(), XML_TRUE); }
  const std::string& file() const { return file_; }
  const std::string& part() const { return part_; }

private:
  void check(XML_Status status) {
    if (status != XML_STATUS_ERROR) return;
    if (error_) std::rethrow_exception(error_);
    if (doctype_) fail(Message(Msg::xlsx_doctype, where(), part_));
    auto code = XML_GetErrorCode(parser_.get());
    fail(Message(Msg::xlsx_bad_xml, where(), part_, XML_GetCurrentLineNumber(parser_.get()), XML_ErrorString(code)));
  }

  template <typename Call>
  static void guarded(void* data, Call call) {
    auto* self = static_cast<XmlReader*>(data);
    if (self->error_ || self->doctype_) return;
    try {
      call(*self);
    } catch (...) {
      self->error_ = std::current_exception();
      XML_StopParser(self->parser_.get(), XML_FALSE);
    }
  }
  static void XMLCALL start_handler(void* data, const XML_Char* name, const XML_Char** attributes) {
    guarded(data, [&](XmlReader& self) { self.on_start(XmlName(name), attributes); });
  }
  static void XMLCALL end_handler(void* data, const XML_Char* name) {
    guarded(data, [&](XmlReader& self) { self.on_end(XmlName(name)); });
  }
  static void XMLCALL text_handler(void* data, const XML_Char* text, int length) {
    guarded(data, [&](XmlReader& self) { self.on_text(std::string_view(text, static_cast<std::size_t>(length))); });
  }
  static void XMLCALL doctype_handler(void* data, const XML_Char*, const XML_Char*, const XML_Char*, int) {
    auto* self = static_cast<XmlReader*>(data);
    self->doctype_ = true;
    XML_StopParser(self->parser_.get(), XML_FALSE);
  }

  std::string file_;
  std::string part_;
  std::unique_ptr<XML_ParserStruct, ParserFree> parser_;
  std::exception_ptr error_;
  bool doctype_ = false;
  bool suspended_ = false;
  bool final_ = false;
  bool finished_ = false;
};

struct SheetEntry {
  std::string name;
  std::string relationship;  ///< r:id
};

class WorkbookParser final : public XmlReader {
public:
  using XmlReader::XmlReader;
  std::vector<SheetEntry> sheets;
  bool date1904 = false;

private:
  void on_start(XmlName name, const XML_Char** attributes) override {
    if (name == "sheet") {
      const auto* sheet_name = attribute(attributes, "name");
      const auto* id = attribute(attributes, "id");
      sheets.push_back({sheet_name ? sheet_name : "", id ? id : ""});
    } else if (name == "workbookPr") {
      const auto* value = attribute(attributes, "date1904");
      date1904 = value && (std::string_view(value) == "1" || std::string_view(value) == "true");
    }
  }
  void on_end(XmlName) override {}
};

struct Relationship {
  std::string id;
  std::string type;
  std::string target;
  bool external = false;
};

class RelationshipsParser final : public XmlReader {
public:
  using XmlReader::XmlReader;
  std::vector<Relationship> relationships;

private:
  void on_start(XmlName name, const XML_Char** attributes) override {
    if (name != "Relationship") return;
    const auto* id = attribute(attributes, "Id");
    const auto* type = attribute(attributes, "Type");
    const auto* target = attribute(attributes, "Target");
    const auto* mode = attribute(attributes, "TargetMode");
    relationships.push_back(
        {id ? id : "", type ? type : "", target ? target : "", mode && std::string_view(mode) == "External"});
  }
  void on_end(XmlName) override {}
};

class StylesParser final : public XmlReader {
public:
  using XmlReader::XmlReader;

  /// How each cell style (the `s` of a cell, an index into cellXfs) shows numbers.
  std::vector<NumberStyle> styles() const {
    std::vector<NumberStyle> out;
    out.reserve(xf_formats_.size());
    for (unsigned id : xf_formats_) {
      auto custom = custom_.find(id);
      out.push_back(custom != custom_.end() ? custom->second : builtin_style(id));
    }
    return out;
  }

private:
  void on_start(XmlName name, const XML_Char** attributes) override {
    if (name == "numFmts") {
      in_num_fmts_ = true;
    } else if (name == "numFmt" && in_num_fmts_) {  // not those of <dxfs>, for conditional formats
      const auto* id = attribute(attributes, "numFmtId");
      const auto* code = attribute(attributes, "formatCode");
      auto number = id ? parse_unsigned<unsigned>(id) : std::nullopt;
      if (number && code) custom_[*number] = format_style(code);
    } else if (name == "cellXfs") {
      in_cell_xfs_ = true;
    } else if (name == "xf" && in_cell_xfs_) {
      const auto* id = attribute(attributes, "numFmtId");
      xf_formats_.push_back(id ? parse_unsigned<unsigned>(id).value_or(0) : 0);
    }
  }
  void on_end(XmlName name) override {
    if (name == "cellXfs") in_cell_xfs_ = false;
    if (name == "numFmts") in_num_fmts_ = false;
  }

  std::map<unsigned, NumberStyle> custom_;
  std::vector<unsigned> xf_formats_;
  bool in_cell_xfs_ = false;
  bool in_num_fmts_ = false;
};

/// The shared strings, packed in one buffer: a vector of strings would cost 32 bytes per
/// string, which a table of millions of tiny strings turns into gigabytes.
class SharedStrings {
public:
  std::size_t size() const { return ends_.size(); }
  std::string_view operator[](std::size_t i) const {
    std::size_t begin = i == 0 ? 0 : ends_[i - 1];
    return std::string_view(pool_).substr(begin, ends_[i] - begin);
  }
  /// False when the pool would outgrow the 32-bit offsets.
  bool add(std::string_view s) {
    if (pool_.size() + s.size() > std::numeric_limits<std::uint32_t>::max()) return false;
    pool_ += s;
    ends_.push_back(static_cast<std::uint32_t>(pool_.size()));
    return true;
  }

private:
  std::string pool_;
  std::vector<std::uint32_t> ends_;
};

class SharedStringsParser final : public XmlReader {
public:
  SharedStringsParser(std::string file, std::string part, const XlsxLimits& limits, SharedStrings& strings)
      : XmlReader(std::move(file), std::move(part)), limits_(limits), strings_(strings) {}

private:
  void on_start(XmlName name, const XML_Char**) override {
    if (name == "si") {
      current_.clear();
      phonetic_ = 0;
    } else if (name == "rPh") {
      ++phonetic_;
    } else if (name == "t" && phonetic_ == 0) {
      capture_ = true;
    }
  }
  void on_end(XmlName name) override {
    if (name == "t") {
      capture_ = false;
    } else if (name == "rPh") {
      if (phonetic_ > 0) --phonetic_;
    } else if (name == "si") {
      if (!strings_.add(decode_escapes(current_))) {
        fail(Message(Msg::xlsx_too_large, file(), part(), std::numeric_limits<std::uint32_t>::max()));
      }
    }
  }
  void on_text(std::string_view text) override {
    if (!capture_) return;
    current_ += text;
    if (current_.size() > limits_.max_cell_bytes) fail(Message(Msg::xlsx_cell_too_long, file()));
  }

  const XlsxLimits& limits_;
  SharedStrings& strings_;
  std::string current_;
  int phonetic_ = 0;
  bool capture_ = false;
};

/// What the workbook part says, with the archive it came from.
struct Workbook {
  std::unique_ptr<Archive> archive;
  std::vector<SheetEntry> sheets;
  std::vector<Relationship> relationships;
  bool date1904 = false;
};

Workbook read_workbook(const fs::path& file, const XlsxLimits& limits) {
  Workbook book;
  book.archive = std::make_unique<Archive>(file, limits);
  const auto& archive = *book.archive;
  if (!archive.find(std::string(workbook_part))) fail(Message(Msg::xlsx_no_workbook, archive.file()));
  {
    auto entry = archive.open(std::string(workbook_part), limits.max_part_bytes);
    WorkbookParser parser(archive.file(), entry->name());
    parser.parse_all(*entry);
    book.sheets = std::move(parser.sheets);
    book.date1904 = parser.date1904;
  }
  auto entry = archive.open(std::string(workbook_rels_part), limits.max_part_bytes);
  RelationshipsParser parser(archive.file(), entry->name());
  parser.parse_all(*entry);
  book.relationships = std::move(parser.relationships);
  return book;
}

/// The entry a workbook relationship points to: by id, or else by the end of its type
/// ("/styles"). Empty when there is no such relationship.
std::string workbook_target(const Workbook& book, std::string_view id, std::string_view type_suffix) {
  for (const auto& r : book.relationships) {
    bool match = id.empty() ? r.type.ends_with(type_suffix) : r.id == id;
    if (!match) continue;
    if (r.external) fail(Message(Msg::xlsx_bad_part_name, book.archive->file(), r.target));
    return resolve_target(*book.archive, "xl/", r.target);
  }
  return {};
}

struct MergeRange {
  std::size_t top = 0;     ///< 1-based rows
  std::size_t bottom = 0;
  std::size_t left = 0;    ///< 0-based columns
  std::size_t right = 0;
};

/// What a sheet's cells need to be read.
struct SheetContext {
  std::string file;
  std::string sheet;
  std::string part;
  XlsxLimits limits;
  SharedStrings strings;
  std::vector<NumberStyle> styles;
  bool date1904 = false;
};

/// The merged ranges of a sheet, and the last row its data mentions: what the cells are
/// read against, and what the XML keeps after them.
struct SheetLayout {
  std::vector<MergeRange> merges;
  std::size_t last_row = 0;
};

/// Finds a sheet's layout by a scan of its bytes rather than a parse of its XML, which took
/// a third of an import. Outside comments, CDATA sections and processing instructions
/// every `<` starts a tag and no attribute value holds one, so only the bytes after each
/// `<` are looked at, and only the tags that matter (sheetData, row, a cell of a row
/// without a number, mergeCell) are read whole. Rows are numbered as SheetParser numbers
/// them. What is not well-formed, a DOCTYPE included, stops the scan and is left to the
/// parse of the cells, which refuses it.
class LayoutScanner {
public:
  explicit LayoutScanner(const SheetContext& context) : context_(context) {}

  /// The sheet inflated on a second thread while the scan reads the chunks before: each
  /// took half of the scan, which nothing else can go beside (the rows wait for the merged
  /// ranges it finds).
  SheetLayout scan(ZipEntry& entry) {
    ReadAhead<std::string, 2> chunks([&entry](std::string& chunk, bool) {
      chunk.resize(chunk_bytes);
      chunk.resize(entry.read(chunk.data(), chunk.size()));
      return !chunk.empty();
    });
    std::string chunk;
    for (bool first = true; state_ != State::done && chunks.next(chunk); first = false) {
      std::string_view data(chunk);
      if (first) {
        if (data.starts_with("\xFF\xFE") || data.starts_with(std::string_view("<\0", 2))) utf16_ = Utf16::little;
        if (data.starts_with("\xFE\xFF") || data.starts_with(std::string_view("\0<", 2))) utf16_ = Utf16::big;
      }
      feed(utf16_ == Utf16::none ? data : narrow(data));
    }
    return std::move(layout_);
  }

private:
  enum class State { text, markup, name, tag, comment, cdata, instruction, done };
  enum class Utf16 { none, little, big };

  /// UTF-16, which XML allows and no spreadsheet program writes, as bytes the scan reads:
  /// an ASCII character as itself, any other as 0x80, which no markup holds.
  std::string_view narrow(std::string_view data) {
    narrowed_.clear();
    for (char c : data) {
      if (!odd_byte_) {
        odd_byte_ = static_cast<unsigned char>(c);
        continue;
      }
      unsigned first = *odd_byte_, second = static_cast<unsigned char>(c);
      odd_byte_.reset();
      unsigned unit = utf16_ == Utf16::big ? (first << 8 | second) : (second << 8 | first);
      narrowed_ += unit < 0x80 ? static_cast<char>(unit) : '\x80';
    }
    return narrowed_;
  }

  /// From `i`, in the text of a row whose number is known, where its cells' tags end: at
  /// the next `</row`, comment, CDATA or processing instruction, or a `<` too near the
  /// chunk's end to tell, which are read as before. Nothing else there is wanted. They are
  /// found by the rarer bytes after their `<` (the `w` of `</row`, `!`, `?`): a search from
  /// each `<` to the next took most of the scan, at some nine bytes apart. Each kind's next
  /// place in the chunk is remembered until the scan passes it, so that a row of many
  /// comments does not search the rest of the chunk again after each.
  std::size_t past_cells(std::string_view data, std::size_t i) {
    constexpr std::string_view row_end = "</row";
    auto find_row_end = [&] {
      for (auto w = data.find('w', i + row_end.size() - 1); w != std::string_view::npos; w = data.find('w', w + 1)) {
        if (data.compare(w + 1 - row_end.size(), row_end.size(), row_end) == 0) return w + 1 - row_end.size();
      }
      return data.size();
    };
    auto find_opened = [&](char mark) {  // a `<` and `mark` after it
      for (auto at = data.find(mark, i + 1); at != std::string_view::npos; at = data.find(mark, at + 1)) {
        if (data[at - 1] == '<') return at - 1;
      }
      return data.size();
    };
    auto& [row_end_at, comment_at, instruction_at] = next_in_chunk_;
    auto stale = [&](std::size_t at) { return at == std::string_view::npos || at < i; };
    if (stale(row_end_at)) row_end_at = find_row_end();
    if (stale(comment_at)) comment_at = find_opened('!');  // CDATA too
    if (stale(instruction_at)) instruction_at = find_opened('?');
    const auto stop = std::min({row_end_at, comment_at, instruction_at});
    const auto near_end = data.size() - std::min(data.size(), row_end.size() - 1);
    for (auto at = std::max(i, near_end); at < stop; ++at) {
      if (data[at] == '<') return at;
    }
    return stop;
  }

  void feed(std::string_view data) {
    next_in_chunk_ = {};  // nothing looked for yet in this chunk
    for (std::size_t i = 0; i < data.size() && state_ != State::done;) {
      if (state_ == State::text) {
        if (in_row_ && row_number_ != 0 && !row_prefixed_) i = past_cells(data, i);
        auto open = data.find('<', i);
        if (open == std::string_view::npos) return;
        i = open + 1;
        // A tag whose name this chunk holds whole, as nearly every one: read in place.
        if (i < data.size() && data[i] != '!' && data[i] != '?') {
          auto end = i + (data[i] == '/' ? 1 : 0);
          while (end < data.size() && !ends_name(data[end])) ++end;
          if (end < data.size()) {
            on_name(data.substr(i, end - i), data[end]);
            i = end + 1;
            continue;
          }
        }
        markup_.clear();
        state_ = State::markup;
        continue;
      }
      char c = data[i++];
      switch (state_) {
        case State::markup: classify(c); break;
        case State::name: name_char(c); break;
        case State::tag: tag_char(c); break;
        case State::comment: close_with("-->", c); break;
        case State::cdata: close_with("]]>", c); break;
        case State::instruction: close_with("?>", c); break;
        case State::text:
        case State::done: break;
      }
    }
  }

  /// The first bytes after `<`, when a chunk ends among them: a comment, CDATA, a processing
  /// instruction, an end tag or a start tag. Any other declaration (a DOCTYPE) stops the scan.
  void classify(char c) {
    markup_ += c;
    constexpr std::string_view comment = "!--", cdata = "![CDATA[";
    std::string_view seen = markup_;
    if (seen == "?") {
      enter(State::instruction);
    } else if (seen == comment) {
      enter(State::comment);
    } else if (seen == cdata) {
      enter(State::cdata);
    } else if (seen.front() == '!') {
      if (!comment.starts_with(seen) && !cdata.starts_with(seen)) stop();
    } else {
      state_ = State::name;
      if (seen != "/" && ends_name(c)) {
        markup_.pop_back();
        name_char(c);
      }
    }
  }

  void enter(State state) {
    state_ = state;
    matched_ = 0;
  }

  /// Counts the bytes of `end` seen in a row; back to text once all are.
  void close_with(std::string_view end, char c) {
    if (c == end[matched_]) {
      if (++matched_ == end.size()) state_ = State::text;
    } else if (c == end[0]) {
      matched_ = (matched_ == 2 && end[1] == end[0]) ? 2 : 1;  // "--->", "]]]>"
    } else {
      matched_ = 0;
    }
  }

  static bool ends_name(char c) { return c == '>' || c == '/' || c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

  void name_char(char c) {
    if (ends_name(c)) on_name(markup_, c);
    else markup_ += c;
  }

  /// A tag's name (after `/` for an end tag) and the byte after it.
  void on_name(std::string_view markup, char after) {
    bool end_tag = markup.starts_with('/');
    if (end_tag) markup.remove_prefix(1);
    if (markup.empty()) return stop();  // `<>`, `< row`, `</ row`
    auto colon = markup.rfind(':');
    auto name = colon == std::string_view::npos ? markup : markup.substr(colon + 1);
    state_ = State::text;
    if (end_tag) {
      if (name == "sheetData") in_data_ = false;
      if (name == "row" && in_row_) finish_row();
      return;
    }
    bool wanted = name == "sheetData" || (in_data_ ? (name == "row" || (name == "c" && in_row_ && row_number_ == 0))
                                                   : name == "mergeCell");
    if (!wanted) return;  // its attributes hold no `<`: the next one starts the next markup
    if (name == "row") row_prefixed_ = colon != std::string_view::npos;
    element_.assign(name);
    markup_.clear();
    quote_ = 0;
    state_ = State::tag;
    tag_char(after);
  }

  /// The rest of a wanted start tag, up to its `>` outside quotes.
  void tag_char(char c) {
    if (quote_ != 0) {
      if (c == quote_) quote_ = 0;
    } else if (c == '"' || c == '\'') {
      quote_ = c;
    } else if (c == '>') {
      state_ = State::text;
      start_tag();
      return;
    }
    markup_ += c;
  }

  void start_tag() {
    bool empty = !markup_.empty() && markup_.back() == '/';
    if (element_ == "sheetData") {
      in_data_ = !empty;
    } else if (element_ == "mergeCell") {
      if (auto ref = attribute_value("ref")) add_merge(*ref);
    } else if (element_ == "row") {
      in_row_ = true;
      row_number_ = 0;
      if (auto r = attribute_value("r")) {
        auto number = parse_unsigned<std::size_t>(*r);
        if (!number || *number == 0 || *number > max_rows) return stop();
        row_number_ = *number;
      }
      if (empty) finish_row();
    } else if (auto r = attribute_value("r")) {  // a cell giving its row the number the row lacks
      auto ref = parse_reference(*r);
      if (!ref) return stop();
      row_number_ = ref->row;
    }
  }

  void finish_row() {
    in_row_ = false;
    std::size_t number = row_number_ != 0 ? row_number_ : previous_row_ + 1;
    if (number <= previous_row_) return stop();
    previous_row_ = number;
    layout_.last_row = number;
  }

  void stop() { state_ = State::done; }

  /// The value of the attribute of the tag read whose local name is `name`, its references
  /// replaced and white space normalised as XML does; nothing when it has none, or when it
  /// is not well-formed (which also stops the scan).
  std::optional<std::string> attribute_value(std::string_view name) {
    std::string_view s = markup_;
    auto space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
    std::size_t i = 0;
    for (;;) {
      while (i < s.size() && space(s[i])) ++i;
      if (i >= s.size() || s[i] == '/') return std::nullopt;
      auto equals = s.find('=', i);
      if (equals == std::string_view::npos) break;
      auto attribute = trim_ascii(s.substr(i, equals - i));
      i = equals + 1;
      while (i < s.size() && space(s[i])) ++i;
      if (i >= s.size() || (s[i] != '"' && s[i] != '\'')) break;
      auto close = s.find(s[i], i + 1);
      if (close == std::string_view::npos) break;
      auto raw = s.substr(i + 1, close - i - 1);
      i = close + 1;
      auto colon = attribute.rfind(':');
      if ((colon == std::string_view::npos ? attribute : attribute.substr(colon + 1)) != name) continue;
      if (auto value = decode_attribute(raw)) return value;
      break;
    }
    stop();
    return std::nullopt;
  }

  static std::optional<std::string> decode_attribute(std::string_view raw) {
    std::string out;
    for (std::size_t i = 0; i < raw.size(); ++i) {
      char c = raw[i];
      if (c == '\r' && i + 1 < raw.size() && raw[i + 1] == '\n') continue;  // a line end is one space
      if (c == '\t' || c == '\n' || c == '\r') {
        out += ' ';
        continue;
      }
      if (c == '<') return std::nullopt;
      if (c != '&') {
        out += c;
        continue;
      }
      auto semicolon = raw.find(';', i);
      if (semicolon == std::string_view::npos) return std::nullopt;
      auto entity = raw.substr(i + 1, semicolon - i - 1);
      i = semicolon;
      static constexpr std::pair<std::string_view, char> named[] = {
          {"lt", '<'}, {"gt", '>'}, {"amp", '&'}, {"quot", '"'}, {"apos", '\''}};
      auto known = std::find_if(std::begin(named), std::end(named), [&](const auto& e) { return e.first == entity; });
      if (known != std::end(named)) {
        out += known->second;
        continue;
      }
      if (entity.size() < 2 || entity[0] != '#') return std::nullopt;
      bool hex = entity[1] == 'x';
      auto digits = entity.substr(hex ? 2 : 1);
      std::uint32_t code = 0;
      auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), code, hex ? 16 : 10);
      if (digits.empty() || ec != std::errc() || end != digits.data() + digits.size() || code == 0 || code > 0x10FFFF ||
          (code >= 0xD800 && code <= 0xDFFF)) {
        return std::nullopt;
      }
      append_utf8(out, code);
    }
    return out;
  }

  void add_merge(std::string_view text) {
    auto where = [&] { return Message(Msg::xlsx_place_sheet, context_.file, context_.sheet); };
    auto colon = text.find(':');
    if (colon == std::string_view::npos) return;  // one cell: nothing to copy
    auto first = parse_reference(text.substr(0, colon));
    auto last = parse_reference(text.substr(colon + 1));
    if (!first || !last) fail(Message(Msg::xlsx_bad_reference, where(), text));
    layout_.merges.push_back({std::min(first->row, last->row), std::max(first->row, last->row),
                              std::min(first->column, last->column), std::max(first->column, last->column)});
    if (layout_.merges.size() > context_.limits.max_merged_cells) {
      fail(Message(Msg::xlsx_merges_too_large, where(), context_.limits.max_merged_cells));
    }
  }

  const SheetContext& context_;
  SheetLayout layout_;
  /// The next `</row`, `<!` and `<?` in the chunk being fed, as past_cells() last found them
  /// (the chunk's size: none); npos: not looked for.
  struct NextInChunk {
    std::size_t row_end = std::string_view::npos;
    std::size_t comment = std::string_view::npos;
    std::size_t instruction = std::string_view::npos;
  } next_in_chunk_;
  Utf16 utf16_ = Utf16::none;
  std::optional<unsigned> odd_byte_;  ///< of UTF-16: the first byte of a unit cut by the chunk's end
  std::string narrowed_;
  State state_ = State::text;
  std::string markup_;   ///< the bytes after `<` read so far; in a wanted tag, those after its name
  std::string element_;  ///< the local name of the wanted tag being read
  std::size_t matched_ = 0;
  char quote_ = 0;
  bool in_data_ = false;
  bool in_row_ = false;
  bool row_prefixed_ = false;  ///< the row's tag has a prefix: its end tag is not `</row`
  std::size_t row_number_ = 0;
  std::size_t previous_row_ = 0;
};

/// A cell's `t`: what its value is. An unknown one is read as "n", a number.
enum class CellType : std::uint8_t { number, shared_string, inline_string, formula_string, error, boolean, date };

CellType cell_type(std::string_view t) {
  if (t == "s") return CellType::shared_string;
  if (t == "inlineStr") return CellType::inline_string;
  if (t == "str") return CellType::formula_string;
  if (t == "e") return CellType::error;
  if (t == "b") return CellType::boolean;
  if (t == "d") return CellType::date;
  return CellType::number;
}

/// The cells of a sheet, read by expat, which is suspended after each row so that rows
/// come out one at a time.
class SheetParser final : public XmlReader {
public:
  explicit SheetParser(const SheetContext& context) : XmlReader(context.file, context.part), context_(context) {}

  std::deque<Row>& rows() { return rows_; }

private:
  std::size_t current_row() const { return row_number_ != 0 ? row_number_ : previous_row_ + 1; }

  Message where() const override {
    if (in_row_) return Message(Msg::xlsx_place_row, file(), context_.sheet, current_row());
    return Message(Msg::xlsx_place_sheet, file(), context_.sheet);
  }
  Message cell_place() const {
    return Message(Msg::xlsx_place_cell, file(), context_.sheet, column_letters(column_) + std::to_string(current_row()));
  }

  void on_start(XmlName name, const XML_Char** attributes) override {
    if (name == "sheetData") {
      in_data_ = true;
    } else if (!in_data_) {
      return;
    } else if (name == "row") {
      start_row(attributes);
    } else if (!in_row_) {
      return;
    } else if (name == "c") {
      start_cell(attributes);
    } else if (!in_cell_) {
      return;
    } else if (name == "v") {
      capture_ = true;
      has_value_ = true;
    } else if (name == "is") {
      in_inline_ = true;
      has_inline_ = true;
    } else if (name == "rPh") {
      ++phonetic_;
    } else if (name == "t" && in_inline_ && phonetic_ == 0) {
      capture_ = true;
    }
  }

  void on_end(XmlName name) override {
    if (name == "sheetData") {
      in_data_ = false;
    } else if (!in_data_) {
      return;
    } else if (name == "row") {
      if (in_row_) finish_row();
    } else if (name == "c") {
      if (in_cell_) finish_cell();
      in_cell_ = false;
    } else if (name == "v" || name == "t") {
      capture_ = false;
    } else if (name == "is") {
      in_inline_ = false;
    } else if (name == "rPh") {
      if (phonetic_ > 0) --phonetic_;
    }
  }

  void on_text(std::string_view text) override {
    if (!capture_) return;
    value_ += text;
    if (value_.size() > context_.limits.max_cell_bytes) fail(Message(Msg::xlsx_cell_too_long, cell_place()));
  }

  void start_row(const XML_Char** attributes) {
    in_row_ = true;
    row_number_ = 0;
    next_column_ = 0;
    cells_.clear();
    if (const auto* r = attribute(attributes, "r")) {
      auto number = parse_unsigned<std::size_t>(r);
      if (!number || *number == 0 || *number > max_rows) fail(Message(Msg::xlsx_bad_reference, where(), r));
      row_number_ = *number;
    }
    // Rows a filter leaves out are hidden rows too: Excel writes both as hidden="1".
    const auto* hidden = attribute(attributes, "hidden");
    row_hidden_ = hidden != nullptr && (std::string_view(hidden) == "1" || std::string_view(hidden) == "true");
  }

  void start_cell(const XML_Char** attributes) {
    in_cell_ = true;
    column_ = next_column_;
    // One pass over the attributes, not one per attribute wanted: a sheet has millions of cells.
    const XML_Char* r = nullptr;
    const XML_Char* type = nullptr;
    const XML_Char* s = nullptr;
    for (std::size_t i = 0; attributes[i] != nullptr; i += 2) {
      const XmlName name(attributes[i]);
      const auto* value = attributes[i + 1];
      if (name == "r" && r == nullptr) r = value;
      else if (name == "t" && type == nullptr) type = value;
      else if (name == "s" && s == nullptr) s = value;
    }
    if (r != nullptr) {
      auto ref = parse_reference(r);
      if (!ref) fail(Message(Msg::xlsx_bad_reference, where(), r));
      column_ = ref->column;
      // A row without its own number takes the one its cells give.
      if (row_number_ == 0) row_number_ = ref->row;
    }
    if (column_ >= max_columns) fail(Message(Msg::xlsx_bad_reference, where(), column_letters(column_)));
    next_column_ = column_ + 1;
    type_ = cell_type(type ? type : "n");
    style_ = 0;
    if (s != nullptr) style_ = parse_unsigned<std::size_t>(s).value_or(0);
    value_.clear();
    has_value_ = false;
    has_inline_ = false;
    in_inline_ = false;
    capture_ = false;
    phonetic_ = 0;
  }

  void finish_cell() {
    Cell cell;
    if (type_ == CellType::inline_string || (!has_value_ && has_inline_)) {
      cell.text = decode_escapes(value_);
    } else if (!has_value_) {
      return;  // a styled blank, or a formula never calculated
    } else if (type_ == CellType::shared_string) {
      auto index = parse_unsigned<std::size_t>(value_);
      if (!index || *index >= context_.strings.size()) {
        fail(Message(Msg::xlsx_bad_shared_string, cell_place(), trim_ascii(value_)));
      }
      cell.text = context_.strings[*index];
    } else if (type_ == CellType::formula_string) {
      cell.text = decode_escapes(value_);
    } else if (type_ == CellType::error) {
      cell.text = value_;
    } else if (type_ == CellType::boolean) {
      auto v = trim_ascii(value_);
      if (v.empty()) return;
      bool truth = v != "0" && v != "false";
      cell.kind = Cell::Kind::boolean;
      cell.text = truth ? "TRUE" : "FALSE";
      cell.number = truth ? 1 : 0;
    } else if (type_ == CellType::date) {
      auto v = trim_ascii(value_);
      auto serial = iso_serial(v, context_.date1904);
      auto text = serial ? serial_text(*serial, context_.date1904, NumberStyle::date) : std::nullopt;
      if (text) {
        cell.kind = Cell::Kind::date;
        cell.text = *text;
        cell.number = *serial;
      } else {
        cell.text = v;
      }
    } else {
      if (trim_ascii(value_).empty()) return;
      auto number = parse_double(value_);
      if (!number) fail(Message(Msg::xlsx_bad_number, cell_place(), value_));
      cell.kind = Cell::Kind::number;
      cell.number = *number;
      auto style = style_ < context_.styles.size() ? context_.styles[style_] : NumberStyle::plain;
      std::optional<std::string> date;
      if (style != NumberStyle::plain) date = serial_text(*number, context_.date1904, style);
      if (date) {
        cell.kind = Cell::Kind::date;
        cell.text = std::move(*date);
      } else {
        cell.text = number_text(*number);
      }
    }
    if (cell.kind == Cell::Kind::empty) {
      if (cell.text.empty()) return;
      cell.kind = Cell::Kind::text;
    }
    if (cells_.size() == column_) {
      cells_.push_back(std::move(cell));  // the next column, as cells mostly come
      return;
    }
    if (cells_.size() < column_) cells_.resize(column_ + 1);
    cells_[column_] = std::move(cell);
  }

  void finish_row() {
    in_row_ = false;
    in_cell_ = false;
    std::size_t number = current_row();
    if (number <= previous_row_) fail(Message(Msg::xlsx_rows_out_of_order, where(), number, previous_row_));
    previous_row_ = number;
    row_number_ = 0;
    std::size_t width = cells_.size();
    rows_.push_back(Row{number, std::move(cells_), 0, row_hidden_});
    cells_.clear();
    cells_.reserve(width);  // the next row is as wide, most likely: one allocation instead of five
    suspend();
  }

  const SheetContext& context_;
  std::deque<Row> rows_;
  bool in_data_ = false;
  bool in_row_ = false;
  bool in_cell_ = false;
  std::size_t row_number_ = 0;  ///< 0 until the row or one of its cells gives it
  bool row_hidden_ = false;
  std::size_t previous_row_ = 0;
  std::size_t next_column_ = 0;
  std::size_t column_ = 0;
  std::vector<Cell> cells_;
  CellType type_ = CellType::number;
  std::size_t style_ = 0;
  std::string value_;
  bool has_value_ = false;
  bool has_inline_ = false;
  bool in_inline_ = false;
  bool capture_ = false;
  int phonetic_ = 0;
};

class XlsxSheetReader final : public SheetReader {
public:
  XlsxSheetReader(std::unique_ptr<Archive> archive, SheetContext context)
      : archive_(std::move(archive)), context_(std::move(context)) {
    collect_merges();
    entry_ = archive_->open(context_.part, context_.limits.max_sheet_bytes);
    parser_ = std::make_unique<SheetParser>(context_);
  }

  const std::string& name() const override { return context_.sheet; }

  bool next(Row& row) override {
    for (;;) {
      if (!parser_->rows().empty()) {
        auto& parsed = parser_->rows().front();
        if (auto covered = next_covered_row(emitted_ + 1, parsed.number - 1)) {
          row = merged_only_row(*covered);
          return true;
        }
        Row taken = std::move(parsed);
        parser_->rows().pop_front();
        emitted_ = taken.number;
        apply_merges(taken);
        if (taken.cells.empty()) continue;
        row = std::move(taken);
        return true;
      }
      if (!done_) {
        done_ = !parser_->parse_some(*entry_);
        continue;
      }
      if (auto covered = next_covered_row(emitted_ + 1, last_row_)) {
        row = merged_only_row(*covered);
        return true;
      }
      return false;
    }
  }

private:
  struct ActiveMerge {
    MergeRange range;
    Cell value;
  };

  /// The first pass: merged ranges, cut to the rows the sheet has (a range over a whole
  /// column says A1:A1048576), sorted by their first row.
  void collect_merges() {
    auto entry = archive_->open(context_.part, context_.limits.max_sheet_bytes);
    auto layout = LayoutScanner(context_).scan(*entry);
    last_row_ = layout.last_row;
    std::uint64_t area = 0;
    for (auto range : layout.merges) {
      if (range.top > last_row_) continue;
      range.bottom = std::min(range.bottom, last_row_);
      area += static_cast<std::uint64_t>(range.bottom - range.top + 1) * (range.right - range.left + 1);
      if (area > context_.limits.max_merged_cells) {
        fail(Message(Msg::xlsx_merges_too_large, Message(Msg::xlsx_place_sheet, context_.file, context_.sheet),
                context_.limits.max_merged_cells));
      }
      merges_.push_back(range);
    }
    std::stable_sort(merges_.begin(), merges_.end(),
                     [](const MergeRange& a, const MergeRange& b) { return a.top < b.top; });
  }

  /// The first row in [from, to] that a merged range with a value covers below its first row.
  std::optional<std::size_t> next_covered_row(std::size_t from, std::size_t to) const {
    std::optional<std::size_t> best;
    for (const auto& active : active_) {
      auto low = std::max(from, active.range.top + 1);
      auto high = std::min(to, active.range.bottom);
      if (low <= high && (!best || low < *best)) best = low;
    }
    return best;
  }

  /// A row the XML leaves out but a merged range spanning rows covers.
  Row merged_only_row(std::size_t number) {
    Row row{number, {}, 0};
    emitted_ = number;
    apply_merges(row);
    return row;
  }

  /// Starts the ranges whose top-left cell is in `row` and copies every live range's value
  /// into its cells of `row`.
  void apply_merges(Row& row) {
    while (next_merge_ < merges_.size() && merges_[next_merge_].top < row.number) ++next_merge_;
    while (next_merge_ < merges_.size() && merges_[next_merge_].top == row.number) {
      const auto& range = merges_[next_merge_++];
      if (range.left < row.cells.size() && row.cells[range.left].kind != Cell::Kind::empty) {
        active_.push_back({range, row.cells[range.left]});
      }
    }
    for (const auto& active : active_) {
      if (active.range.top > row.number || active.range.bottom < row.number) continue;
      if (row.cells.size() <= active.range.right) row.cells.resize(active.range.right + 1);
      for (auto c = active.range.left; c <= active.range.right; ++c) row.cells[c] = active.value;
    }
    std::erase_if(active_, [&](const ActiveMerge& a) { return a.range.bottom <= row.number; });
  }

  std::unique_ptr<Archive> archive_;
  SheetContext context_;
  std::unique_ptr<ZipEntry> entry_;
  std::unique_ptr<SheetParser> parser_;
  std::vector<MergeRange> merges_;
  std::size_t next_merge_ = 0;
  std::vector<ActiveMerge> active_;
  std::size_t last_row_ = 0;
  std::size_t emitted_ = 0;  ///< the last row number handed out or skipped
  bool done_ = false;
};

}  // namespace

std::vector<std::string> xlsx_sheet_names(const fs::path& file, const XlsxLimits& limits) {
  auto book = read_workbook(file, limits);
  std::vector<std::string> names;
  names.reserve(book.sheets.size());
  for (auto& sheet : book.sheets) names.push_back(std::move(sheet.name));
  return names;
}

std::unique_ptr<SheetReader> open_xlsx_sheet(const fs::path& file, std::size_t sheet_index, const XlsxLimits& limits) {
  auto book = read_workbook(file, limits);
  const auto& archive = *book.archive;
  if (sheet_index >= book.sheets.size()) {
    fail(Message(Msg::xlsx_no_such_sheet, archive.file(), sheet_index + 1, book.sheets.size()));
  }
  const auto& sheet = book.sheets[sheet_index];
  SheetContext context;
  context.file = archive.file();
  context.sheet = sheet.name;
  context.limits = limits;
  context.date1904 = book.date1904;
  context.part = sheet.relationship.empty() ? std::string() : workbook_target(book, sheet.relationship, "");
  if (context.part.empty()) fail(Message(Msg::xlsx_missing_part, archive.file(), sheet.relationship));
  if (!archive.find(context.part)) fail(Message(Msg::xlsx_missing_part, archive.file(), context.part));

  auto styles_part = workbook_target(book, "", "/styles");
  if (!styles_part.empty() && archive.find(styles_part)) {
    auto entry = archive.open(styles_part, limits.max_part_bytes);
    StylesParser parser(archive.file(), entry->name());
    parser.parse_all(*entry);
    context.styles = parser.styles();
  }
  auto strings_part = workbook_target(book, "", "/sharedStrings");
  if (!strings_part.empty() && archive.find(strings_part)) {
    auto entry = archive.open(strings_part, limits.max_shared_strings_bytes);
    SharedStringsParser parser(archive.file(), entry->name(), limits, context.strings);
    parser.parse_all(*entry);
  }
  return std::make_unique<XlsxSheetReader>(std::move(book.archive), std::move(context));
}

}  // namespace kangle::import
