// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace kangle::table {

/// A table for the terminal: columns padded to their widest cell in display
/// columns (CJK characters count two), separated by two spaces, no trailing blanks.
std::string render_text(const std::vector<std::string>& headers, const std::vector<std::vector<std::string>>& rows);

/// The same, within `width` display columns: a table wider than that is cut into
/// parts of as many columns as fit, each part repeating the first `key_columns`
/// columns (what names a row), one after another with an empty line between.
std::string render_text_within(const std::vector<std::string>& headers,
                               const std::vector<std::vector<std::string>>& rows, std::size_t width,
                               std::size_t key_columns = 1);

/// A Markdown table (pipes in cells escaped), for pasting into WeChat notes or documents.
std::string render_markdown(const std::vector<std::string>& headers, const std::vector<std::vector<std::string>>& rows);

/// One CSV line (RFC 4180: fields quoted when they hold , " or a line break), ending in CRLF.
std::string csv_line(const std::vector<std::string>& fields);

/// The CSS font-family of kangle's HTML pages: the Chinese system fonts of each platform
/// first, so that a page looks the same printed from Linux, Windows or a Mac.
inline constexpr std::string_view html_font_family =
    "\"Noto Sans CJK SC\", \"Source Han Sans SC\", \"Microsoft YaHei\", \"PingFang SC\", sans-serif";

/// Text with &, <, >, " and ' escaped for HTML.
std::string html_escape(std::string_view text);

}  // namespace kangle::table
