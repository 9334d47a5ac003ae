// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <string_view>

#include "import/sheet.hpp"

namespace kangle::import {

enum class Encoding { utf8, gb18030, utf16le, utf16be };

/// `utf-8`, `gbk`, `gb2312`, `gb18030`, `utf-16le`, `utf-16be` (any case); nothing otherwise.
std::optional<Encoding> parse_encoding(std::string_view name);

/// A CSV or tab-separated text file as rows of text cells: RFC 4180 quoting (quotes
/// doubled inside quotes, line breaks inside quotes), the delimiter (, ; or tab)
/// detected from the first lines, and the encoding detected unless given: a BOM
/// says UTF-8 or UTF-16 (Excel's "Unicode text"); text that is valid UTF-8 is
/// UTF-8; anything else is GB18030, which includes GBK and GB2312 (the default of
/// Excel and WPS on Chinese Windows). Reads in chunks: memory does not grow with
/// the file. Throws InputError naming the file and line for undecodable text.
std::unique_ptr<SheetReader> open_csv(const std::filesystem::path& file, std::optional<Encoding> encoding = {});

}  // namespace kangle::import
