// SPDX-License-Identifier: Apache-2.0
#include "lists/lookup.hpp"

#include <algorithm>
#include <string>

#include "core/error.hpp"
#include "core/i18n.hpp"
#include "core/text.hpp"

namespace kangle::lists {
namespace {

std::optional<std::int64_t> number_of(std::string_view ref) {
  if (ref.starts_with("#")) ref.remove_prefix(1);
  if (ref.empty() || ref.size() > 15 || !std::all_of(ref.begin(), ref.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    return std::nullopt;
  }
  return std::stoll(std::string(ref));
}

template <typename Record, typename ByCode, typename ById, typename Codes>
Record named(std::string_view raw, ByCode by_code, ById by_id, Codes codes, Msg unknown, Msg unknown_suggest) {
  auto ref = text::clean(raw);
  if (auto found = by_code(ref)) return *found;
  if (auto number = number_of(ref)) {
    if (auto found = by_id(*number)) return *found;
  }
  if (auto near = text::closest(ref, codes())) throw InputError(Message(unknown_suggest, ref, *near));
  throw InputError(Message(unknown, ref));
}

}  // namespace

Need need_named(Store& store, std::string_view ref) {
  return named<Need>(
      ref, [&](const std::string& code) { return store.find_need_by_code(code); },
      [&](std::int64_t id) { return store.find_need(id); }, [&] { return store.need_codes(); }, Msg::lists_need_unknown,
      Msg::lists_need_unknown_suggest);
}

Resource resource_named(Store& store, std::string_view ref) {
  return named<Resource>(
      ref, [&](const std::string& code) { return store.find_resource_by_code(code); },
      [&](std::int64_t id) { return store.find_resource(id); }, [&] { return store.resource_codes(); },
      Msg::lists_resource_unknown, Msg::lists_resource_unknown_suggest);
}

}  // namespace kangle::lists
