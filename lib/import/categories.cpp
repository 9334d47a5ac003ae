// SPDX-License-Identifier: Apache-2.0
#include "import/categories.hpp"

#include <algorithm>
#include <set>

#include "core/error.hpp"
#include "core/i18n.hpp"
#include "core/text.hpp"
#include "import/columns.hpp"

namespace kangle::import {
namespace {

/// The words a list writes after a category's stem: 生活类, 生活服务, 法律类服务.
constexpr std::string_view category_suffixes[] = {"类服务", "类别", "服务类", "服务", "类"};

/// Words shorter than this (in bytes: two CJK characters) are not looked for inside others.
constexpr std::size_t shortest_inner_word = 6;

}  // namespace

CategoryMatcher::CategoryMatcher(const config::Catalogue& catalogue) {
  for (const auto& c : catalogue.categories) {
    add(c.id, c.id);
    add(c.name, c.id);
    add(c.name_en, c.id);
    for (auto suffix : category_suffixes) {
      if (c.name.size() > suffix.size() && c.name.ends_with(suffix)) add(c.name.substr(0, c.name.size() - suffix.size()), c.id);
    }
    names_zh_.push_back(c.name);
    names_en_.push_back(c.name_en.empty() ? c.name : c.name_en);
  }
  std::map<std::string, std::set<std::string>> categories_of_skill;
  for (const auto& s : catalogue.services) {
    add(s.id, s.category.value);
    add(s.name, s.category.value);
    add(s.name_en, s.category.value);
    categories_of_skill[s.skill.value].insert(s.category.value);
  }
  for (const auto& skill : catalogue.skills) {
    auto it = categories_of_skill.find(skill.id);
    if (skill.id == config::general_skill || it == categories_of_skill.end() || it->second.size() != 1) continue;
    const auto& category = *it->second.begin();
    add(skill.name, category);
    add(skill.name_en, category);
    for (const auto& alias : skill.aliases) add(alias, category);
  }
}

void CategoryMatcher::add(const std::string& word, const std::string& category) {
  auto key = normalize_header(word);
  if (key.empty() || words_.contains(key)) return;
  words_.emplace(key, category);
  spelling_.emplace(key, word);
  known_.push_back(key);
}

std::optional<std::string> CategoryMatcher::match(std::string_view text) const {
  auto key = normalize_header(text);
  if (key.empty()) return std::nullopt;
  if (auto it = words_.find(key); it != words_.end()) return it->second;
  for (auto suffix : category_suffixes) {
    if (key.size() > suffix.size() && key.ends_with(suffix)) {
      if (auto it = words_.find(key.substr(0, key.size() - suffix.size())); it != words_.end()) return it->second;
    }
  }
  std::optional<std::string> best;
  std::size_t best_length = 0;
  for (const auto& [known, category] : words_) {
    if (known.size() > best_length && known.size() >= shortest_inner_word && key.find(known) != std::string::npos) {
      best = category;
      best_length = known.size();
    }
  }
  return best;
}

std::optional<std::string> CategoryMatcher::nearest(std::string_view text) const {
  auto found = text::closest(normalize_header(text), known_);
  if (!found) return std::nullopt;
  return spelling_.at(*found);
}

std::vector<std::string> CategoryMatcher::names(Lang lang) const { return lang == Lang::en ? names_en_ : names_zh_; }

Message CategoryMatcher::refusal(std::string_view text) const {
  if (auto near = nearest(text)) return Message(Msg::lists_unknown_category_suggest, text, *near);
  return Message(Msg::lists_unknown_category, text, in_both_languages([&](Lang lang) { return list_in(lang, names(lang)); }));
}

namespace {

/// A text as a service's word is looked for inside it: Latin letters in lower case.
std::string searchable(std::string_view text) { return text::ascii_lower(text::clean(text)); }

}  // namespace

ServiceMatcher::ServiceMatcher(const config::Catalogue& catalogue) : catalogue_(catalogue) {
  for (std::size_t i = 0; i < catalogue.services.size(); ++i) {
    const auto& s = catalogue.services[i];
    ids_.push_back(s.id);
    categories_.push_back(s.category.value);
    std::vector<std::string> words{s.id, s.name, s.name_en};
    words.insert(words.end(), s.keywords.begin(), s.keywords.end());
    for (const auto& word : words) {
      if (!word.empty()) words_.push_back({normalize_header(word), searchable(word), i});
    }
  }
}

std::vector<std::string> ServiceMatcher::named(std::string_view category, std::string_view cell,
                                               std::string_view description) const {
  auto whole = normalize_header(cell);
  auto text = searchable(cell) + "\n" + searchable(description);
  std::vector<bool> found(ids_.size(), false);
  for (const auto& w : words_) {
    if (categories_[w.service] != category) continue;
    bool in_text = w.inner.size() >= shortest_inner_word && text.find(w.inner) != std::string::npos;
    if ((!whole.empty() && w.whole == whole) || in_text) found[w.service] = true;
  }
  std::vector<std::string> ids;
  for (std::size_t i = 0; i < ids_.size(); ++i) {
    if (found[i]) ids.push_back(ids_[i]);
  }
  return ids;
}

Message ServiceMatcher::refusal(std::string_view text, std::string_view category) const {
  auto category_name = [&](std::string_view id) {
    const auto* c = catalogue_.find_category(id);
    std::string name = c ? c->name : std::string(id);
    return Localized{name, c && !c->name_en.empty() ? c->name_en : name};
  };
  auto whole = normalize_header(text);
  for (const auto& w : words_) {
    if (w.whole == whole)
      return Message(Msg::match_add_service_elsewhere, text, category_name(categories_[w.service]), category_name(category));
  }
  return Message(Msg::unknown_reference, Msg::ref_service, text);
}

std::size_t ServiceMatcher::order(std::string_view id) const {
  return static_cast<std::size_t>(std::find(ids_.begin(), ids_.end(), id) - ids_.begin());
}

std::string require_category(const config::Catalogue& catalogue, std::string_view text) {
  CategoryMatcher matcher(catalogue);
  if (auto id = matcher.match(text)) return *id;
  throw UsageError(matcher.refusal(text));
}

}  // namespace kangle::import
