// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/dates.hpp"

#include "core/i18n.hpp"

namespace kangle::lists {

/// Who asked: one resident, a household, a residential compound, or the community itself.
enum class RequesterKind { resident, household, compound, community };

/// Where a need is in its life. Projects move it on; `match close` ends it (solved
/// elsewhere, moved away, withdrawn); an import never does.
enum class NeedStatus { open, matched, done, cancelled, closed };

/// Who offers a resource: a co-building unit (共建单位) or one volunteer.
enum class ProviderKind { unit, volunteer };

/// A point on the map, WGS-84 degrees.
struct Coordinates {
  double lat = 0, lon = 0;
  friend bool operator==(const Coordinates&, const Coordinates&) = default;
};

/// One line of the needs list (需求清单), micro-wishes (微心愿) included.
struct Need {
  std::int64_t id = 0;
  std::string code;                 ///< the sheet's own number (编号); empty when it has none
  RequesterKind requester_kind = RequesterKind::resident;
  std::string requester;            ///< a person's, household's, compound's or community's name
  std::string phone;                ///< 11 digits; empty when not given
  std::string compound;             ///< 所在小区 / 居民区
  std::string address;
  std::optional<Coordinates> location;
  std::string category;             ///< a category id of services.toml
  std::vector<std::string> services;  ///< the services of that category it asks for; empty: the category alone
  std::string description;
  int people = 1;                   ///< how many people it serves
  std::optional<Date> deadline;
  bool vulnerable = false;          ///< from a vulnerable resident: served first
  std::string vulnerability;        ///< 孤老, 独居老人, 残疾, 低保, 困难家庭 … (may be empty when vulnerable)
  bool micro_wish = false;
  std::optional<std::int64_t> value_fen;  ///< a micro-wish's value, in fen
  int wanted = 1;                   ///< how many resources it asks for (a wish claimed by several donors)
  NeedStatus status = NeedStatus::open;
  std::string closed_reason;        ///< why it was closed; empty unless closed
  std::string note;
  friend bool operator==(const Need&, const Need&) = default;
};

/// One line of the resources list (资源清单).
struct Resource {
  std::int64_t id = 0;
  std::string code;                 ///< the sheet's own number (编号); empty when it has none
  std::string provider;             ///< the unit's or the volunteer's name
  ProviderKind provider_kind = ProviderKind::unit;
  std::string unit;                 ///< the unit: the provider itself, or the volunteer's employer
  std::string contact;              ///< 联系人
  std::string phone;                ///< 11 digits; empty when not given
  std::string category;             ///< a category id of services.toml
  std::vector<std::string> services;  ///< the services of that category it offers; empty: the category alone
  std::string description;
  std::optional<Coordinates> location;
  std::string address;
  std::optional<int> radius_m;      ///< how far it reaches; nothing = anywhere in the street, 0 = its own place
  int capacity = 1;                 ///< how many needs it can take in its period
  std::string period;               ///< "2026Q4", or free text; empty when not given
  std::optional<std::int64_t> cost_fen;  ///< 0 = free; nothing = not said
  std::string note;
  friend bool operator==(const Resource&, const Resource&) = default;
};

/// The word the database keeps: "resident", "open", "unit" …
std::string_view to_string(RequesterKind kind);
std::string_view to_string(NeedStatus status);
std::string_view to_string(ProviderKind kind);

/// The value a database word names; nothing for any other text.
std::optional<RequesterKind> parse_requester_kind(std::string_view word);
std::optional<NeedStatus> parse_need_status(std::string_view word);
std::optional<ProviderKind> parse_provider_kind(std::string_view word);

/// The kind or status as `lang` shows it: 居民, 待对接, 单位 …
std::string display(RequesterKind kind, Lang lang);
std::string display(NeedStatus status, Lang lang);
std::string display(ProviderKind kind, Lang lang);

/// An amount in fen as people read it: 200元, 12.50元 ("¥200" in English); 0 is 免费 (free).
std::string display_money(std::int64_t fen, Lang lang);

/// A radius as people read it: 500米, 1.5公里, 全街道 for none.
std::string display_radius(const std::optional<int>& metres, Lang lang);


}  // namespace kangle::lists
