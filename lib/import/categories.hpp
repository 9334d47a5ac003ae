// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "config/model.hpp"

namespace kangle::import {

/// The words of needs and resources lists mapped onto the catalogue's categories.
class CategoryMatcher {
public:
  explicit CategoryMatcher(const config::Catalogue& catalogue);

  /// The category id `text` names: a category's id, name or English name (also without
  /// 服务, or with 类: 生活类); a service's id or names (its category: 理发 → life); a
  /// skill's name or alias when every service of the skill is in one category (剪发 →
  /// life); or else the longest of these words inside the text (上门理发 → life).
  std::optional<std::string> match(std::string_view text) const;

  /// The known word nearest to `text`, as the catalogue writes it, when `text` looks
  /// like a typo of it.
  std::optional<std::string> nearest(std::string_view text) const;

  /// The categories' names in `lang`, in the catalogue's order.
  std::vector<std::string> names(Lang lang) const;

  /// Why `text` names no category, as imports and `match add` say it: the nearest word
  /// ("did you mean"), or else every category.
  Message refusal(std::string_view text) const;

private:
  void add(const std::string& word, const std::string& category);
  std::map<std::string, std::string> words_;     // normalised word → category id
  std::map<std::string, std::string> spelling_;  // normalised word → as the catalogue writes it
  std::vector<std::string> known_;               // normalised words, in the order added
  std::vector<std::string> names_zh_, names_en_;
};

/// The words of needs and resources lists mapped onto the catalogue's services: what a
/// need asks for and a resource offers, finer than its category.
class ServiceMatcher {
public:
  explicit ServiceMatcher(const config::Catalogue& catalogue);

  /// The services of `category` that a row names: the one its category cell names as a
  /// whole (消杀), and those whose words (id, names, keywords) its description holds
  /// (楼道灭蟑螂 → disinfection); in the catalogue's order, each once. Empty when none.
  std::vector<std::string> named(std::string_view category, std::string_view cell, std::string_view description) const;
  /// Why `text` names no service of `category`: the service of another category it
  /// names, or else that it names none.
  Message refusal(std::string_view text, std::string_view category) const;
  /// The place of service `id` in the catalogue's order (past the end when unknown).
  std::size_t order(std::string_view id) const;

private:
  struct Word {
    std::string whole;   // as a whole cell is compared (normalize_header)
    std::string inner;   // as it is looked for inside a description
    std::size_t service;
  };
  std::vector<Word> words_;
  std::vector<std::string> ids_, categories_;  // by the catalogue's order of services
  const config::Catalogue& catalogue_;
};

/// The category id `text` names, as CategoryMatcher reads it; a UsageError saying why
/// when it names none (what `match list --category` and `match add` were given).
std::string require_category(const config::Catalogue& catalogue, std::string_view text);

}  // namespace kangle::import
