// SPDX-License-Identifier: Apache-2.0
#include "lists/model.hpp"

#include <fmt/format.h>

#include <array>
#include <utility>

#include "core/i18n.hpp"

namespace kangle::lists {
namespace {

template <typename Enum, std::size_t N>
std::optional<Enum> find_word(const std::array<std::pair<Enum, std::string_view>, N>& words, std::string_view word) {
  for (const auto& [value, text] : words) {
    if (text == word) return value;
  }
  return std::nullopt;
}

template <typename Enum, std::size_t N>
std::string_view word_of(const std::array<std::pair<Enum, std::string_view>, N>& words, Enum value) {
  for (const auto& [v, text] : words) {
    if (v == value) return text;
  }
  return {};
}

constexpr std::array<std::pair<RequesterKind, std::string_view>, 4> requester_words{{
    {RequesterKind::resident, "resident"},
    {RequesterKind::household, "household"},
    {RequesterKind::compound, "compound"},
    {RequesterKind::community, "community"},
}};

constexpr std::array<std::pair<NeedStatus, std::string_view>, 5> status_words{{
    {NeedStatus::open, "open"},
    {NeedStatus::matched, "matched"},
    {NeedStatus::done, "done"},
    {NeedStatus::cancelled, "cancelled"},
    {NeedStatus::closed, "closed"},
}};

constexpr std::array<std::pair<ProviderKind, std::string_view>, 2> provider_words{{
    {ProviderKind::unit, "unit"},
    {ProviderKind::volunteer, "volunteer"},
}};

std::string text_of(Msg id, Lang lang) { return std::string(message_text(id, lang)); }

/// `fen` as yuan: whole yuan without decimals, otherwise two.
std::string yuan(std::int64_t fen) {
  if (fen % 100 == 0) return std::to_string(fen / 100);
  return fmt::format("{}.{:02}", fen / 100, fen % 100);
}

}  // namespace

std::string_view to_string(RequesterKind kind) { return word_of(requester_words, kind); }
std::string_view to_string(NeedStatus status) { return word_of(status_words, status); }
std::string_view to_string(ProviderKind kind) { return word_of(provider_words, kind); }

std::optional<RequesterKind> parse_requester_kind(std::string_view word) { return find_word(requester_words, word); }
std::optional<NeedStatus> parse_need_status(std::string_view word) { return find_word(status_words, word); }
std::optional<ProviderKind> parse_provider_kind(std::string_view word) { return find_word(provider_words, word); }

std::string display(RequesterKind kind, Lang lang) {
  switch (kind) {
    case RequesterKind::resident: return text_of(Msg::lists_kind_resident, lang);
    case RequesterKind::household: return text_of(Msg::lists_kind_household, lang);
    case RequesterKind::compound: return text_of(Msg::lists_kind_compound, lang);
    case RequesterKind::community: return text_of(Msg::lists_kind_community, lang);
  }
  return {};
}

std::string display(NeedStatus status, Lang lang) {
  switch (status) {
    case NeedStatus::open: return text_of(Msg::lists_status_open, lang);
    case NeedStatus::matched: return text_of(Msg::lists_status_matched, lang);
    case NeedStatus::done: return text_of(Msg::lists_status_done, lang);
    case NeedStatus::cancelled: return text_of(Msg::lists_status_cancelled, lang);
    case NeedStatus::closed: return text_of(Msg::lists_status_closed, lang);
  }
  return {};
}

std::string display(ProviderKind kind, Lang lang) {
  return text_of(kind == ProviderKind::unit ? Msg::lists_kind_unit : Msg::lists_kind_volunteer, lang);
}

std::string display_money(std::int64_t fen, Lang lang) {
  if (fen == 0) return text_of(Msg::lists_money_free, lang);
  return tr(lang, Msg::lists_money_yuan, yuan(fen));
}

std::string display_radius(const std::optional<int>& metres, Lang lang) {
  if (!metres) return text_of(Msg::lists_radius_anywhere, lang);
  if (*metres >= 1000 && *metres % 100 == 0) {
    auto km = fmt::format("{}.{}", *metres / 1000, *metres % 1000 / 100);
    if (km.ends_with(".0")) km.resize(km.size() - 2);
    return tr(lang, Msg::lists_radius_km, km);
  }
  return tr(lang, Msg::lists_radius_m, *metres);
}

}  // namespace kangle::lists
