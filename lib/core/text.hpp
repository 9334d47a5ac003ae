// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kangle::text {

/// The string without leading and trailing white space, ideographic space (U+3000) included.
std::string_view trim(std::string_view s);

/// The string with A–Z made a–z and every other byte (UTF-8 included) as it was.
std::string ascii_lower(std::string_view s);

/// Edit distance (insertions, deletions, substitutions, swaps of neighbours) in code points, so that 理发 and 理法 are one edit apart.
std::size_t edit_distance(std::string_view a, std::string_view b);

/// The candidate nearest to `word` when it is close enough to be a likely typo
/// (at most a third of the word's length, and at least one edit); nothing otherwise.
std::optional<std::string> closest(std::string_view word, const std::vector<std::string>& candidates);

/// Columns a terminal gives the UTF-8 text: 2 for CJK wide characters, 0 for combining marks.
std::size_t display_width(std::string_view s);

/// `s` followed by spaces up to `width` display columns.
std::string pad_right(std::string_view s, std::size_t width);

/// The longest start of `s` that fits in `width` display columns, cut between characters.
std::string_view fit_width(std::string_view s, std::size_t width);

/// The first `count` characters (code points) of `s`; all of it when shorter.
std::string_view first_chars(std::string_view s, std::size_t count);

/// True when `s` is valid UTF-8.
bool is_valid_utf8(std::string_view s);

/// Joins the parts with the separator.
std::string join(const std::vector<std::string>& parts, std::string_view separator);

/// The non-empty pieces of `s` between `separator`s: the inverse of join for items without it.
std::vector<std::string> split(std::string_view s, char separator);

/// The items of a list typed into one cell: split on 、 , ， ; ； / ／ and white space,
/// cleaned, empty items dropped.
std::vector<std::string> split_list(std::string_view text);

/// NFKC-normalised and trimmed (U+3000 included): full-width digits and letters
/// become ASCII ("１３８" → "138"), compatibility forms fold, stray spaces go.
std::string clean(std::string_view text);

/// True when NFKC leaves `text` as it is, known without folding it: it holds only ASCII,
/// CJK ideographs (U+4000–U+9FFF) and the punctuation of Chinese lists and titles that
/// NFKC keeps (、。“”‘’—·《》「」『』【】〈〉), as most cells of a Chinese sheet do. clean()
/// then only trims.
bool nfkc_stable(std::string_view text);

/// Free text (a description, an address, a note) trimmed, with full-width letters and
/// digits made ASCII and U+3000 a space, but Chinese punctuation (，。（）：) kept as
/// written, which NFKC would turn into ASCII.
std::string clean_prose(std::string_view text);

/// True when `s` is not empty and holds only letters and digits of any script (汉字,
/// A–Z, a–z, 0–9, …) and the ASCII characters of `also`.
bool letters_digits_and(std::string_view s, std::string_view also);

/// A word and what it stands for, for take_longest.
struct Word {
  std::string_view text;
  unsigned value;
};

/// Removes the longest of `words` found at the front of `s` and gives its value; nothing
/// (and `s` untouched) when none is there.
std::optional<unsigned> take_longest(std::string_view& s, std::initializer_list<Word> words);

/// A database's address with any password in it as ***: postgresql://user:secret@host,
/// and password=secret in a URL's query or a key=value string.
std::string mask_password(const std::string& address);

}  // namespace kangle::text
