// SPDX-License-Identifier: Apache-2.0
#include "present/emit.hpp"

#include <iconv.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <memory>

#include <fmt/format.h>

#include "core/atomic_file.hpp"
#include "core/error.hpp"
#include "core/i18n.hpp"
#include "present/render.hpp"

namespace kangle::present {
namespace {

/// Excel and WPS take a UTF-8 file for their own code page (GBK in China) without it.
constexpr std::string_view utf8_byte_order_mark = "\xEF\xBB\xBF";

struct CloseConverter {
  void operator()(void* converter) const { ::iconv_close(static_cast<iconv_t>(converter)); }
};

/// `utf8` in GB18030, which holds every Unicode character: nothing is lost.
std::string to_gb18030(const std::string& utf8) {
  iconv_t opened = ::iconv_open("GB18030", "UTF-8");
  if (opened == reinterpret_cast<iconv_t>(-1)) throw Error(fmt::format("iconv cannot write GB18030: {}", std::strerror(errno)));
  std::unique_ptr<void, CloseConverter> converter(opened);
  std::string out(utf8.size() * 2 + 16, '\0');  // a character takes at most 4 bytes in either
  char* in_ptr = const_cast<char*>(utf8.data());
  std::size_t in_left = utf8.size();
  char* out_ptr = out.data();
  std::size_t out_left = out.size();
  if (::iconv(static_cast<iconv_t>(converter.get()), &in_ptr, &in_left, &out_ptr, &out_left) == static_cast<std::size_t>(-1)) {
    throw Error(fmt::format("iconv cannot write GB18030: {}", std::strerror(errno)));
  }
  out.resize(out.size() - out_left);
  return out;
}

}  // namespace

std::string_view format_name(Format format) {
  switch (format) {
    case Format::text: return "text";
    case Format::json: return "json";
    case Format::csv: return "csv";
    case Format::md: return "md";
    case Format::html: return "html";
    case Format::xlsx: return "xlsx";
  }
  return "text";
}

std::string rendered(const Document& document, const Output& output, bool for_file) {
  if (output.encoding != Encoding::utf8 && output.format != Format::csv) throw UsageError(Message(Msg::encoding_csv_only));
  switch (output.format) {
    case Format::text: return render_text(document);
    case Format::json: return render_json(document);
    case Format::md: return render_markdown(document);
    case Format::html: return render_html(document);
    case Format::xlsx: throw UsageError(Message(Msg::xlsx_needs_output));
    case Format::csv: break;
  }
  std::string csv = render_csv(document);
  if (output.encoding == Encoding::gb18030) return to_gb18030(csv);
  return for_file ? std::string(utf8_byte_order_mark) + csv : csv;
}

void write(const Document& document, const Output& output) {
  if (output.format == Format::xlsx) {
    if (output.encoding != Encoding::utf8) throw UsageError(Message(Msg::encoding_csv_only));
    bool any_table = std::any_of(document.sections.begin(), document.sections.end(),
                                 [](const Section& s) { return !s.tables.empty(); });
    if (!any_table) throw UsageError(Message(Msg::csv_needs_table));
    write_xlsx(document, output.path);
  } else {
    write_file_atomically(output.path, rendered(document, output, true));
  }
}

}  // namespace kangle::present
