// SPDX-License-Identifier: Apache-2.0
#include "core/text.hpp"

#include <utf8proc.h>

#include <algorithm>
#include <cstdlib>
#include <memory>
#include <regex>

namespace kangle::text {
namespace {

std::vector<utf8proc_int32_t> code_points(std::string_view s) {
  std::vector<utf8proc_int32_t> out;
  auto* p = reinterpret_cast<const utf8proc_uint8_t*>(s.data());
  utf8proc_ssize_t left = static_cast<utf8proc_ssize_t>(s.size());
  while (left > 0) {
    utf8proc_int32_t cp = 0;
    utf8proc_ssize_t n = utf8proc_iterate(p, left, &cp);
    if (n <= 0) {  // invalid byte: count it as one replacement character
      cp = 0xFFFD;
      n = 1;
    }
    out.push_back(cp);
    p += n;
    left -= n;
  }
  return out;
}

/// The length in bytes of the longest start of `s` whose characters `keep` accepts, asked
/// in order; an invalid byte counts as one replacement character, as in code_points().
template <class Keep>
std::size_t prefix_length(std::string_view s, Keep keep) {
  auto* p = reinterpret_cast<const utf8proc_uint8_t*>(s.data());
  std::size_t used = 0;
  while (used < s.size()) {
    utf8proc_int32_t cp = 0;
    utf8proc_ssize_t n = utf8proc_iterate(p + used, static_cast<utf8proc_ssize_t>(s.size() - used), &cp);
    if (n <= 0) {
      cp = 0xFFFD;
      n = 1;
    }
    if (!keep(cp)) break;
    used += static_cast<std::size_t>(n);
  }
  return used;
}

constexpr std::string_view ideographic_space = "\xE3\x80\x80";

bool is_ascii_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

}  // namespace

std::string ascii_lower(std::string_view s) {
  std::string out(s);
  for (auto& c : out) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  return out;
}

std::string_view trim(std::string_view s) {
  for (;;) {
    if (s.starts_with(ideographic_space)) s.remove_prefix(ideographic_space.size());
    else if (!s.empty() && is_ascii_space(s.front())) s.remove_prefix(1);
    else break;
  }
  for (;;) {
    if (s.ends_with(ideographic_space)) s.remove_suffix(ideographic_space.size());
    else if (!s.empty() && is_ascii_space(s.back())) s.remove_suffix(1);
    else break;
  }
  return s;
}

std::size_t edit_distance(std::string_view a, std::string_view b) {
  auto x = code_points(a);
  auto y = code_points(b);
  // Optimal string alignment: a swap of two neighbours ("chekc") is one edit, as typists make it.
  std::vector<std::vector<std::size_t>> d(x.size() + 1, std::vector<std::size_t>(y.size() + 1));
  for (std::size_t i = 0; i <= x.size(); ++i) d[i][0] = i;
  for (std::size_t j = 0; j <= y.size(); ++j) d[0][j] = j;
  for (std::size_t i = 1; i <= x.size(); ++i) {
    for (std::size_t j = 1; j <= y.size(); ++j) {
      std::size_t cost = x[i - 1] == y[j - 1] ? 0 : 1;
      d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
      if (i > 1 && j > 1 && x[i - 1] == y[j - 2] && x[i - 2] == y[j - 1]) d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[x.size()][y.size()];
}

std::optional<std::string> closest(std::string_view word, const std::vector<std::string>& candidates) {
  std::size_t limit = std::max<std::size_t>(1, code_points(word).size() / 3);
  std::optional<std::string> best;
  std::size_t best_distance = limit + 1;
  for (const auto& candidate : candidates) {
    std::size_t d = edit_distance(word, candidate);
    if (d < best_distance || (d == best_distance && best && candidate < *best)) {
      best_distance = d;
      best = candidate;
    }
  }
  if (best_distance > limit || best_distance == 0) return std::nullopt;
  return best;
}

std::size_t display_width(std::string_view s) {
  // Walked in place, not copied into code points: a table of a district's proposals asks
  // this of every cell, twice.
  std::size_t width = 0;
  prefix_length(s, [&](utf8proc_int32_t cp) {
    width += static_cast<std::size_t>(std::max(utf8proc_charwidth(cp), 0));
    return true;
  });
  return width;
}

std::string pad_right(std::string_view s, std::size_t width) {
  std::string out(s);
  std::size_t have = display_width(s);
  if (have < width) out.append(width - have, ' ');
  return out;
}

std::string_view fit_width(std::string_view s, std::size_t width) {
  std::size_t used = 0;
  return s.substr(0, prefix_length(s, [&](utf8proc_int32_t cp) {
                    used += static_cast<std::size_t>(std::max(utf8proc_charwidth(cp), 0));
                    return used <= width;
                  }));
}

std::string_view first_chars(std::string_view s, std::size_t count) {
  std::size_t taken = 0;
  return s.substr(0, prefix_length(s, [&](utf8proc_int32_t) { return taken++ < count; }));
}

bool is_valid_utf8(std::string_view s) {
  auto* p = reinterpret_cast<const utf8proc_uint8_t*>(s.data());
  utf8proc_ssize_t left = static_cast<utf8proc_ssize_t>(s.size());
  while (left > 0) {
    utf8proc_int32_t cp = 0;
    utf8proc_ssize_t n = utf8proc_iterate(p, left, &cp);
    if (n <= 0) return false;
    p += n;
    left -= n;
  }
  return true;
}

std::string join(const std::vector<std::string>& parts, std::string_view separator) {
  std::string out;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    if (i > 0) out += separator;
    out += parts[i];
  }
  return out;
}

std::vector<std::string> split(std::string_view s, char separator) {
  std::vector<std::string> out;
  while (!s.empty()) {
    auto end = std::min(s.find(separator), s.size());
    if (end > 0) out.emplace_back(s.substr(0, end));
    s.remove_prefix(std::min(end + 1, s.size()));
  }
  return out;
}

namespace {

/// Splits on any of `separators`, keeping non-empty cleaned pieces.
std::vector<std::string> split_on(std::string_view text, std::initializer_list<std::string_view> separators) {
  std::vector<std::string> out;
  std::size_t start = 0;
  for (std::size_t i = 0; i < text.size();) {
    std::size_t matched = 0;
    auto lead = static_cast<unsigned char>(text[i]);
    if (lead >= 0x80 && lead != 0xE3 && lead != 0xEF) {  // no separator starts so: skip the comparisons
      ++i;
      continue;
    }
    for (auto sep : separators) {
      if (text.substr(i).starts_with(sep)) {
        matched = sep.size();
        break;
      }
    }
    if (matched == 0) {
      ++i;
      continue;
    }
    if (auto piece = text::trim(text.substr(start, i - start)); !piece.empty()) out.emplace_back(piece);
    i += matched;
    start = i;
  }
  if (auto piece = text::trim(text.substr(start)); !piece.empty()) out.emplace_back(piece);
  return out;
}

}  // namespace

std::vector<std::string> split_list(std::string_view text) {
  std::vector<std::string> out;
  for (auto& piece : split_on(text, {"、", ",", "，", ";", "；", "/", "／", " ", "\t", "\n", "\r", "\xE3\x80\x80"})) {
    if (auto c = text::clean(piece); !c.empty()) out.push_back(std::move(c));
  }
  return out;
}

bool nfkc_stable(std::string_view text) {
  for (std::size_t i = 0; i < text.size();) {
    auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {
      ++i;
      continue;
    }
    auto at = [&](std::size_t k) { return i + k < text.size() ? static_cast<unsigned char>(text[i + k]) : 0u; };
    if (c >= 0xE4 && c <= 0xE9 && i + 2 < text.size()) {
      i += 3;
    } else if (c == 0xE2 && at(1) == 0x80 && (at(2) == 0x94 || at(2) == 0x98 || at(2) == 0x99 || at(2) == 0x9C || at(2) == 0x9D)) {
      i += 3;  // — ‘ ’ “ ”
    } else if (c == 0xE3 && at(1) == 0x80 && (at(2) == 0x81 || at(2) == 0x82 || (at(2) >= 0x88 && at(2) <= 0x91))) {
      i += 3;  // 、 。 〈 〉 《 》 「 」 『 』 【 】
    } else if (c == 0xC2 && at(1) == 0xB7) {
      i += 2;  // ·
    } else {
      return false;
    }
  }
  return true;
}

std::string clean(std::string_view text) {
  if (nfkc_stable(text)) return std::string(trim(text));
  std::string owned(text);
  std::unique_ptr<utf8proc_uint8_t, decltype(&std::free)> folded(
      utf8proc_NFKC(reinterpret_cast<const utf8proc_uint8_t*>(owned.c_str())), &std::free);
  if (!folded) return std::string(trim(text));  // not UTF-8: leave it to the caller's checks
  return std::string(trim(reinterpret_cast<const char*>(folded.get())));
}

std::string clean_prose(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    auto b = [&](std::size_t k) { return static_cast<unsigned char>(text[i + k]); };
    if (b(0) == 0xEF && i + 2 < text.size() && (b(1) == 0xBC || b(1) == 0xBD)) {
      // U+FF10–FF19, U+FF21–FF3A (EF BC), U+FF41–FF5A (EF BD): full-width digits and letters.
      unsigned code = 0xFF00u + ((b(1) == 0xBD) ? 0x40u : 0u) + (b(2) - 0x80u);
      bool alphanumeric = (code >= 0xFF10 && code <= 0xFF19) || (code >= 0xFF21 && code <= 0xFF3A) ||
                          (code >= 0xFF41 && code <= 0xFF5A);
      if (alphanumeric) {
        out += static_cast<char>(code - 0xFF00u + 0x20u);
        i += 2;
        continue;
      }
    }
    if (b(0) == 0xE3 && i + 2 < text.size() && b(1) == 0x80 && b(2) == 0x80) {  // U+3000
      out += ' ';
      i += 2;
      continue;
    }
    out += text[i];
  }
  return std::string(trim(out));
}

bool letters_digits_and(std::string_view s, std::string_view also) {
  if (s.empty() || !is_valid_utf8(s)) return false;
  auto accepted = prefix_length(s, [&](utf8proc_int32_t cp) {
    if (cp < 0x80) {
      auto c = static_cast<char>(cp);
      return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
             also.find(c) != std::string_view::npos;
    }
    switch (utf8proc_category(cp)) {
      case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LL: case UTF8PROC_CATEGORY_LT:
      case UTF8PROC_CATEGORY_LM: case UTF8PROC_CATEGORY_LO: case UTF8PROC_CATEGORY_ND:
        return true;
      default:
        return false;
    }
  });
  return accepted == s.size();
}

std::optional<unsigned> take_longest(std::string_view& s, std::initializer_list<Word> words) {
  const Word* best = nullptr;
  for (const auto& w : words) {
    if (s.starts_with(w.text) && (!best || w.text.size() > best->text.size())) best = &w;
  }
  if (!best) return std::nullopt;
  s.remove_prefix(best->text.size());
  return best->value;
}

std::string mask_password(const std::string& address) {
  static const std::regex in_authority(R"((://[^:/@]*:)[^@]*@)");
  static const std::regex as_parameter(R"((password\s*=\s*)[^&\s]+)");
  return std::regex_replace(std::regex_replace(address, in_authority, "$1***@"), as_parameter, "$1***");
}

}  // namespace kangle::text
