// SPDX-License-Identifier: Apache-2.0
#include "import/lists.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <initializer_list>
#include <map>
#include <optional>
#include <set>
#include <utility>

#include "core/error.hpp"
#include "core/i18n.hpp"
#include "core/text.hpp"
#include "import/categories.hpp"
#include "import/normalize.hpp"
#include "lists/lookup.hpp"
#include "lists/period.hpp"
#include "lists/store.hpp"
#include "people/identity.hpp"
#include "people/volunteer.hpp"
#include "storage/connection.hpp"

namespace kangle::import {
namespace {

using Kind = RowIssue::Kind;
using lists::Need;
using lists::ProviderKind;
using lists::RequesterKind;
using lists::Resource;

/// A row read as a record, and the fields the row gives: a known record takes those and
/// keeps the rest as they were.
template <typename Record>
struct Parsed {
  Record record;
  std::set<std::string> given;
  bool gives(const char* field) const { return given.contains(field); }
};

std::string lower(std::string s) {
  for (auto& c : s) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return s;
}

bool equals_any(std::string_view text, std::initializer_list<std::string_view> words) {
  for (auto w : words) {
    if (text == w) return true;
  }
  return false;
}

bool contains_any(std::string_view text, std::initializer_list<std::string_view> words) {
  for (auto w : words) {
    if (text.find(w) != std::string_view::npos) return true;
  }
  return false;
}

bool ends_with_any(std::string_view text, std::initializer_list<std::string_view> words) {
  for (auto w : words) {
    if (text.size() > w.size() && text.ends_with(w)) return true;
  }
  return false;
}

/// Words that name a vulnerable group (困难群体) in needs lists.
bool names_vulnerability(std::string_view text) {
  return contains_any(text, {"孤老", "孤寡", "独居", "空巢", "高龄", "残疾", "残障", "失能", "失智", "卧床", "低保",
                             "低收入", "特困", "困难", "失独", "优抚", "烈属", "重病", "大病", "留守", "五保",
                             "disab", "elderly", "alone", "hardship", "low income", "lonely"});
}

/// Words that say a resident is not in a vulnerable group.
bool denies_vulnerability(std::string_view text) {
  return equals_any(text, {"普通", "一般", "普通居民", "一般居民", "无", "否", "none", "-"}) || text.starts_with("非") ||
         text.starts_with("不");
}

/// Cells that say a need has no deadline, as opposed to one that cannot be read.
bool means_no_deadline(std::string_view text) {
  return equals_any(text, {"长期", "无", "不限", "无期限", "常年", "-", "/", "none", "ongoing"});
}

std::optional<RequesterKind> requester_kind_word(std::string_view text) {
  if (equals_any(text, {"居民", "个人", "本人", "群众", "resident", "person", "individual"})) return RequesterKind::resident;
  if (equals_any(text, {"家庭", "户", "家", "住户", "household", "family"})) return RequesterKind::household;
  if (equals_any(text, {"小区", "居民区", "楼栋", "楼组", "compound", "estate", "building"})) return RequesterKind::compound;
  if (equals_any(text, {"社区", "居委", "居委会", "居民委员会", "community"})) return RequesterKind::community;
  return std::nullopt;
}

/// Who asked, from how the requester's name ends: 康健社区, 樱花园小区, 王家一户.
RequesterKind infer_requester_kind(std::string_view name) {
  if (ends_with_any(name, {"社区", "居委会", "居委", "居民委员会"})) return RequesterKind::community;
  if (ends_with_any(name, {"小区", "居民区", "号楼", "楼栋", "楼组", "新村", "花园", "公寓"})) return RequesterKind::compound;
  if (ends_with_any(name, {"家庭", "一家", "之家", "户"})) return RequesterKind::household;
  return RequesterKind::resident;
}

std::optional<ProviderKind> provider_kind_word(std::string_view text) {
  if (equals_any(text, {"单位", "共建单位", "企业", "机构", "组织", "社会组织", "公司", "学校", "高校", "医院", "机关",
                        "事业单位", "unit", "organisation", "organization", "company"})) {
    return ProviderKind::unit;
  }
  if (equals_any(text, {"个人", "志愿者", "党员", "居民", "党员志愿者", "在职党员", "volunteer", "person", "individual"})) {
    return ProviderKind::volunteer;
  }
  return std::nullopt;
}

/// A volunteer when the provider's name reads as a person's (two to four Chinese
/// characters, none of the words units end with); a unit otherwise.
ProviderKind infer_provider_kind(std::string_view name) {
  if (contains_any(name, {"学院", "大学", "学校", "中学", "小学", "幼儿园", "中心", "公司", "银行", "医院", "卫生",
                          "事务所", "协会", "集团", "物业", "工作室", "街道", "居委", "委员会", "有限", "服务队",
                          "志愿队"})) {
    return ProviderKind::unit;
  }
  if (ends_with_any(name, {"所", "局", "委", "站", "部", "办", "厂", "店", "馆", "院", "会", "社", "队", "团", "组", "室",
                           "处", "科", "司", "行", "校"})) {
    return ProviderKind::unit;
  }
  bool chinese = name.size() >= 6 && name.size() <= 12 && name.size() % 3 == 0;
  for (std::size_t i = 0; chinese && i < name.size(); i += 3) {
    auto lead = static_cast<unsigned char>(name[i]);
    chinese = lead >= 0xE4 && lead <= 0xE9;
  }
  return chinese ? ProviderKind::volunteer : ProviderKind::unit;
}

/// The kinds in both languages, for a message: 居民、家庭、小区、社区.
template <typename KindEnum>
Localized kind_names(std::initializer_list<KindEnum> kinds) {
  return in_both_languages([&](Lang lang) {
    std::vector<std::string> names;
    for (auto kind : kinds) names.push_back(lists::display(kind, lang));
    return list_in(lang, names);
  });
}

Localized category_name(const config::Catalogue& catalogue, const std::string& id) {
  const auto* c = catalogue.find_category(id);
  if (!c) return {id, id};
  return {c->name, c->name_en.empty() ? c->name : c->name_en};
}

/// The services' names in both languages, listed: 理发、消杀.
Localized service_names(const config::Catalogue& catalogue, const std::vector<std::string>& ids) {
  return in_both_languages([&](Lang lang) {
    std::vector<std::string> names;
    for (const auto& id : ids) names.push_back(config::service_label(catalogue, id, lang));
    return list_in(lang, names);
  });
}

/// Reading the values both lists have: category, phone, coordinates, counts, money.
class ValueReader {
public:
  explicit ValueReader(const config::Catalogue& catalogue)
      : catalogue_(catalogue), categories_(catalogue), services_(catalogue) {}

  /// The category id of the row's category cell; rejects the row without one or with an unknown one.
  std::string category(RowFields& f) const {
    auto text = f.text("category");
    if (text.empty()) {
      f.issue(Kind::rejected, "category", Message(Msg::lists_no_category));
      return {};
    }
    if (auto id = categories_.match(text)) return *id;
    f.issue(Kind::rejected, "category", categories_.refusal(text));
    return {};
  }

  /// The services of `category` the category cell or the description names; doubtful
  /// when none is named and `asks_service`: the row is matched by its category alone.
  std::vector<std::string> services(RowFields& f, const std::string& category, const std::string& description,
                                    bool asks_service = true) const {
    if (category.empty()) return {};
    auto cell = f.text("category");
    auto ids = services_.named(category, cell, description);
    // A 服务项目 column: each item a service of the category, else said and left out.
    for (const auto& item : text::split_list(f.text("services"))) {
      auto named = services_.named(category, item, "");
      if (named.empty()) f.issue(Kind::doubtful, "services", services_.refusal(item, category));
      for (auto& id : named) {
        if (std::find(ids.begin(), ids.end(), id) == ids.end()) ids.push_back(std::move(id));
      }
    }
    std::sort(ids.begin(), ids.end(), [&](const std::string& a, const std::string& b) {
      return services_.order(a) < services_.order(b);
    });
    if (ids.empty() && asks_service) {
      f.issue(Kind::doubtful, "description",
              Message(Msg::lists_no_service, cell, description, category_name(catalogue_, category)));
    }
    return ids;
  }

  /// An 11-digit mobile number, or a landline's digits too when `landline` (a need's
  /// contact: elderly residents give one); empty when not given; rejects the row for anything else.
  std::string phone(RowFields& f, bool landline) const {
    auto text = f.text("phone");
    if (text.empty()) return {};
    if (auto phone = landline ? people::normalize_contact_phone(text) : people::normalize_phone(text)) return *phone;
    f.issue(Kind::rejected, "phone", Message(landline ? Msg::import_bad_contact_phone : Msg::import_bad_phone, text));
    return {};
  }

  /// Latitude and longitude, both or neither; doubtful when they cannot be read.
  std::optional<lists::Coordinates> location(RowFields& f) const {
    auto lat_text = f.text("lat");
    auto lon_text = f.text("lon");
    if (lat_text.empty() && lon_text.empty()) return std::nullopt;
    auto lat = parse_decimal(lat_text);
    auto lon = parse_decimal(lon_text);
    if (lat && lon && *lat >= -90 && *lat <= 90 && *lon >= -180 && *lon <= 180) return lists::Coordinates{*lat, *lon};
    f.issue(Kind::doubtful, lat && *lat >= -90 && *lat <= 90 ? "lon" : "lat",
            Message(Msg::lists_bad_coordinates, lat_text, lon_text));
    return std::nullopt;
  }

  /// A positive count; nothing when the cell is empty or cannot be read (doubtful then).
  std::optional<int> count(RowFields& f, const std::string& field) const {
    auto text = f.text(field);
    if (text.empty()) return std::nullopt;
    if (auto n = parse_count(text); n && *n > 0) return *n;
    f.issue(Kind::doubtful, field, Message(Msg::lists_bad_count, text));
    return std::nullopt;
  }

  /// An amount in fen; doubtful when it cannot be read; nothing when the cell is empty.
  std::optional<std::int64_t> money(RowFields& f, const std::string& field, bool& given) const {
    auto text = f.text(field);
    given = false;
    if (text.empty()) return std::nullopt;
    if (auto fen = parse_money_fen(text)) {
      given = true;
      return fen;
    }
    f.issue(Kind::doubtful, field, Message(Msg::lists_bad_money, text));
    return std::nullopt;
  }

private:
  const config::Catalogue& catalogue_;
  CategoryMatcher categories_;
  ServiceMatcher services_;
};

// ─── needs ───────────────────────────────────────────────────────────────────────

class NeedParser {
public:
  NeedParser(const OpenTable& table, const config::Catalogue& catalogue)
      : values_(catalogue), micro_wish_sheet_(table.reader->name().find("微心愿") != std::string::npos) {}

  Parsed<Need> parse(RowFields& f) const {
    Parsed<Need> out;
    auto& n = out.record;
    auto give = [&](const char* field, bool when = true) {
      if (when) out.given.insert(field);
    };
    n.code = f.text("code");
    give("code", !n.code.empty());
    n.requester = f.text("requester");
    n.compound = f.text("compound");
    give("compound", !n.compound.empty());
    std::optional<RequesterKind> kind;
    if (auto text = f.text("requester_kind"); !text.empty()) {
      kind = requester_kind_word(lower(text));
      if (!kind) {
        kind = infer_requester_kind(n.requester.empty() ? n.compound : n.requester);
        f.issue(Kind::doubtful, "requester_kind",
                Message(Msg::lists_bad_kind, text, kind_names({RequesterKind::resident, RequesterKind::household, RequesterKind::compound,
                                                       RequesterKind::community}),
                   in_both_languages([&](Lang lang) { return lists::display(*kind, lang); })));
      }
    }
    if (n.requester.empty() && !n.compound.empty()) {  // the compound itself asks
      n.requester = n.compound;
      n.requester_kind = kind.value_or(RequesterKind::compound);
    } else {
      n.requester_kind = kind.value_or(infer_requester_kind(n.requester));
    }
    if (n.requester.empty()) f.issue(Kind::rejected, "requester", Message(Msg::lists_no_requester));
    give("requester", !n.requester.empty());
    give("requester_kind", !n.requester.empty());

    n.phone = values_.phone(f, true);
    give("phone", !n.phone.empty());
    n.address = text::clean_prose(f.raw("address"));
    give("address", !n.address.empty());
    n.location = values_.location(f);
    give("location", n.location.has_value());
    n.category = values_.category(f);
    n.description = text::clean_prose(f.raw("description"));
    give("category");
    give("description", !n.description.empty());

    if (auto people = values_.count(f, "people")) {
      n.people = *people;
      give("people");
    }
    if (auto wanted = values_.count(f, "wanted")) {
      n.wanted = *wanted;
      give("wanted");
    }
    if (auto text = f.text("deadline"); !text.empty()) {
      if (means_no_deadline(lower(text))) {
        give("deadline");
      } else if (auto date = parse_loose_date(text)) {
        n.deadline = date;
        give("deadline");
      } else {
        f.issue(Kind::doubtful, "deadline", Message(Msg::lists_bad_deadline, text));
      }
    }
    read_vulnerability(f, n, out.given);

    auto type = lower(f.text("type"));
    n.micro_wish = micro_wish_sheet_ || contains_any(type, {"微心愿", "心愿", "micro-wish", "microwish", "wish"});
    give("micro_wish", micro_wish_sheet_ || !type.empty());
    // A micro-wish asks for a thing (收音机, 老花镜), not a service: its category is all there is.
    n.services = values_.services(f, n.category, n.description, !n.micro_wish);
    give("services", !n.services.empty());
    bool value_given = false;
    n.value_fen = values_.money(f, "value", value_given);
    give("value", value_given);
    n.note = text::clean_prose(f.raw("note"));
    give("note", !n.note.empty());
    return out;
  }

private:
  /// 是否困难群体 (a yes or no, or a group's name) and 困难类型 (the group) together.
  void read_vulnerability(RowFields& f, Need& n, std::set<std::string>& given) const {
    auto flag = f.text("vulnerable");
    auto group = f.text("vulnerability");
    std::optional<bool> vulnerable;
    if (!flag.empty()) {
      if (auto yes = parse_yes_no(flag)) {
        vulnerable = *yes;
      } else if (names_vulnerability(lower(flag)) && !denies_vulnerability(flag)) {
        vulnerable = true;
        n.vulnerability = flag;
      } else if (denies_vulnerability(lower(flag))) {
        vulnerable = false;
      } else {
        f.issue(Kind::doubtful, "vulnerable", Message(Msg::lists_bad_vulnerable, flag));
      }
    }
    if (!group.empty()) {
      if (auto yes = parse_yes_no(group)) {
        vulnerable = vulnerable.value_or(false) || *yes;
      } else if (denies_vulnerability(lower(group))) {
        vulnerable = vulnerable.value_or(false);
      } else {
        vulnerable = true;  // the column names the group: any group it names is one
        n.vulnerability = group;
      }
    }
    if (!vulnerable) return;
    n.vulnerable = *vulnerable;
    if (!n.vulnerable) n.vulnerability.clear();
    given.insert("vulnerable");
  }

  ValueReader values_;
  bool micro_wish_sheet_;
};

Need merge(const Need& stored, const Parsed<Need>& later) {
  Need n = stored;
  const auto& l = later.record;
  if (later.gives("code")) n.code = l.code;
  if (later.gives("requester")) n.requester = l.requester;
  if (later.gives("requester_kind")) n.requester_kind = l.requester_kind;
  if (later.gives("phone")) n.phone = l.phone;
  if (later.gives("compound")) n.compound = l.compound;
  if (later.gives("address")) n.address = l.address;
  if (later.gives("location")) n.location = l.location;
  if (later.gives("category")) n.category = l.category;
  if (later.gives("description")) n.description = l.description;
  if (later.gives("services") || n.category != stored.category) n.services = l.services;
  if (later.gives("people")) n.people = l.people;
  if (later.gives("wanted")) n.wanted = l.wanted;
  if (later.gives("deadline")) n.deadline = l.deadline;
  if (later.gives("vulnerable")) {
    n.vulnerable = l.vulnerable;
    n.vulnerability = l.vulnerability;
  }
  if (later.gives("micro_wish")) n.micro_wish = l.micro_wish;
  if (later.gives("value")) n.value_fen = l.value_fen;
  if (later.gives("note")) n.note = l.note;
  return n;
}

using Shown = std::vector<std::pair<Msg, Localized>>;

Localized same(std::string text) { return {text, text}; }

Localized shown_location(const std::optional<lists::Coordinates>& at) {
  return same(at ? fmt::format("{}, {}", at->lat, at->lon) : "");
}

Localized yes_no(bool value) {
  return in_both_languages([&](Lang lang) { return std::string(message_text(value ? Msg::word_yes : Msg::word_no, lang)); });
}

/// Every field a merge may change, as a report shows it.
Shown shown(const Need& n, const config::Catalogue& catalogue) {
  return {{Msg::field_code, same(n.code)},
          {Msg::field_requester, same(n.requester)},
          {Msg::field_kind, in_both_languages([&](Lang lang) { return lists::display(n.requester_kind, lang); })},
          {Msg::field_phone, same(n.phone.empty() ? "" : people::mask_phone(n.phone))},
          {Msg::field_compound, same(n.compound)},
          {Msg::field_address, same(n.address)},
          {Msg::field_coordinates, shown_location(n.location)},
          {Msg::field_category, category_name(catalogue, n.category)},
          {Msg::field_services, service_names(catalogue, n.services)},
          {Msg::field_description, same(n.description)},
          {Msg::field_people, same(std::to_string(n.people))},
          {Msg::field_wanted, same(std::to_string(n.wanted))},
          {Msg::field_deadline, same(n.deadline ? format_date(*n.deadline) : "")},
          {Msg::field_vulnerable, n.vulnerable ? (n.vulnerability.empty() ? yes_no(true) : same(n.vulnerability)) : yes_no(false)},
          {Msg::field_micro_wish, yes_no(n.micro_wish)},
          {Msg::field_value, in_both_languages([&](Lang lang) { return n.value_fen ? lists::display_money(*n.value_fen, lang) : ""; })},
          {Msg::field_note, same(n.note)}};
}

struct NeedList {
  using Record = Need;
  using Parser = NeedParser;
  static constexpr std::string_view kind = "needs";
  static constexpr Msg merged_message = Msg::lists_merged_need;
  static constexpr Msg updated_message = Msg::lists_updated_need;
  static std::optional<Need> find_by_code(lists::Store& s, const std::string& code) { return s.find_need_by_code(code); }
  static std::optional<Need> find_by_key(lists::Store& s, const Need& like, lists::KeyScope scope) {
    return s.find_need_by_key(like, scope);
  }
};

// ─── resources ───────────────────────────────────────────────────────────────────

class ResourceParser {
public:
  ResourceParser(const OpenTable&, const config::Catalogue& catalogue) : values_(catalogue) {}

  Parsed<Resource> parse(RowFields& f) const {
    Parsed<Resource> out;
    auto& r = out.record;
    auto give = [&](const char* field, bool when = true) {
      if (when) out.given.insert(field);
    };
    r.code = f.text("code");
    give("code", !r.code.empty());
    r.provider = f.text("provider");
    r.unit = f.text("unit");
    if (r.provider.empty()) r.provider = r.unit;  // the unit offers it
    if (r.provider.empty()) f.issue(Kind::rejected, "provider", Message(Msg::lists_no_provider));
    give("provider", !r.provider.empty());
    std::optional<ProviderKind> kind;
    if (auto text = f.text("provider_kind"); !text.empty()) {
      kind = provider_kind_word(lower(text));
      if (!kind) {
        kind = infer_provider_kind(r.provider);
        f.issue(Kind::doubtful, "provider_kind",
                Message(Msg::lists_bad_kind, text, kind_names({ProviderKind::unit, ProviderKind::volunteer}),
                        in_both_languages([&](Lang lang) { return lists::display(*kind, lang); })));
      }
    }
    r.provider_kind = kind.value_or(infer_provider_kind(r.provider));
    give("provider_kind", !r.provider.empty());
    if (r.unit.empty() && r.provider_kind == ProviderKind::unit) r.unit = r.provider;
    give("unit", !r.unit.empty());
    r.contact = f.text("contact");
    give("contact", !r.contact.empty());
    r.phone = values_.phone(f, false);
    give("phone", !r.phone.empty());
    r.category = values_.category(f);
    give("category");
    r.description = text::clean_prose(f.raw("description"));
    give("description", !r.description.empty());
    // A donor of micro-wishes (认领微心愿) offers things, not a service, as the wishes ask.
    r.services = values_.services(f, r.category, r.description, !contains_any(lower(r.description), {"心愿", "wish"}));
    give("services", !r.services.empty());
    r.address = text::clean_prose(f.raw("address"));
    give("address", !r.address.empty());
    r.location = values_.location(f);
    give("location", r.location.has_value());
    if (auto text = f.text("radius"); !text.empty()) {
      if (auto radius = parse_radius(text)) {
        if (!radius->anywhere) r.radius_m = radius->metres;
        give("radius");
      } else {
        f.issue(Kind::doubtful, "radius", Message(Msg::lists_bad_radius, text));
      }
    }
    if (auto capacity = values_.count(f, "capacity")) {
      r.capacity = *capacity;
      give("capacity");
    }
    r.period = normalize_period(f.raw("period"));
    if (!lists::parse_service_period(r.period)) {
      f.issue(Kind::doubtful, "period", Message(Msg::lists_bad_period, r.period));
      r.period.clear();
    }
    give("period", !r.period.empty());
    bool cost_given = false;
    r.cost_fen = values_.money(f, "cost", cost_given);
    give("cost", cost_given);
    r.note = text::clean_prose(f.raw("note"));
    give("note", !r.note.empty());
    return out;
  }

private:
  ValueReader values_;
};

Resource merge(const Resource& stored, const Parsed<Resource>& later) {
  Resource r = stored;
  const auto& l = later.record;
  if (later.gives("code")) r.code = l.code;
  if (later.gives("provider")) r.provider = l.provider;
  if (later.gives("provider_kind")) r.provider_kind = l.provider_kind;
  if (later.gives("unit")) r.unit = l.unit;
  if (later.gives("contact")) r.contact = l.contact;
  if (later.gives("phone")) r.phone = l.phone;
  if (later.gives("category")) r.category = l.category;
  if (later.gives("description")) r.description = l.description;
  if (later.gives("services") || r.category != stored.category) r.services = l.services;
  if (later.gives("address")) r.address = l.address;
  if (later.gives("location")) r.location = l.location;
  if (later.gives("radius")) r.radius_m = l.radius_m;
  if (later.gives("capacity")) r.capacity = l.capacity;
  if (later.gives("period")) r.period = l.period;
  if (later.gives("cost")) r.cost_fen = l.cost_fen;
  if (later.gives("note")) r.note = l.note;
  return r;
}

Shown shown(const Resource& r, const config::Catalogue& catalogue) {
  return {{Msg::field_code, same(r.code)},
          {Msg::field_provider, same(r.provider)},
          {Msg::field_kind, in_both_languages([&](Lang lang) { return lists::display(r.provider_kind, lang); })},
          {Msg::field_unit, same(r.unit)},
          {Msg::field_contact, same(r.contact)},
          {Msg::field_phone, same(r.phone.empty() ? "" : people::mask_phone(r.phone))},
          {Msg::field_category, category_name(catalogue, r.category)},
          {Msg::field_services, service_names(catalogue, r.services)},
          {Msg::field_description, same(r.description)},
          {Msg::field_address, same(r.address)},
          {Msg::field_coordinates, shown_location(r.location)},
          {Msg::field_radius, in_both_languages([&](Lang lang) { return lists::display_radius(r.radius_m, lang); })},
          {Msg::field_capacity, same(std::to_string(r.capacity))},
          {Msg::field_period, same(r.period)},
          {Msg::field_cost, in_both_languages([&](Lang lang) { return r.cost_fen ? lists::display_money(*r.cost_fen, lang) : ""; })},
          {Msg::field_note, same(r.note)}};
}

struct ResourceList {
  using Record = Resource;
  using Parser = ResourceParser;
  static constexpr std::string_view kind = "resources";
  static constexpr Msg merged_message = Msg::lists_merged_resource;
  static constexpr Msg updated_message = Msg::lists_updated_resource;
  static std::optional<Resource> find_by_code(lists::Store& s, const std::string& code) { return s.find_resource_by_code(code); }
  static std::optional<Resource> find_by_key(lists::Store& s, const Resource& like, lists::KeyScope scope) {
    return s.find_resource_by_key(like, scope);
  }
};

// ─── both ────────────────────────────────────────────────────────────────────────

/// "截止日期：2026-12-31 → 2027-01-15" for each field that differs.
std::vector<Message> changes(const Shown& before, const Shown& after) {
  auto or_dash = [](const Localized& value) {
    return Localized{value.zh.empty() ? "-" : value.zh, value.en.empty() ? "-" : value.en};
  };
  std::vector<Message> out;
  for (std::size_t i = 0; i < before.size() && i < after.size(); ++i) {
    const auto& [was, is] = std::pair(before[i].second, after[i].second);
    if (was.zh == is.zh && was.en == is.en) continue;
    out.push_back(Message(Msg::import_change, before[i].first, or_dash(was), or_dash(is)));
  }
  return out;
}

/// A list for the import pipeline: a row is the stored record with its code, or else the
/// one with the same requester (or provider), category and description; a known record
/// takes what the row gives, an unknown one is added.
template <typename List>
class ListRows final : public ListImporter {
public:
  using Record = typename List::Record;

  ListRows(const config::Catalogue& catalogue, const std::string& now) : catalogue_(catalogue), now_(now) {}

  std::string_view kind() const override { return List::kind; }
  std::string_view required_field() const override { return "category"; }

  void begin(const OpenTable& table, storage::Connection& db) override {
    header_ = &table.header;
    store_.emplace(db);
    parser_.emplace(table, catalogue_);
  }

  RowOutcome take(const Row& row, RowReading*, std::vector<RowIssue>& issues) override {
    RowFields fields(*header_, row, issues);
    auto parsed = parser_->parse(fields);
    if (fields.rejected()) return RowOutcome::rejected;
    const auto& incoming = parsed.record;
    std::optional<Record> existing;
    if (!incoming.code.empty()) {
      existing = List::find_by_code(*store_, incoming.code);
      // A code given to a record first imported without one.
      if (!existing) existing = List::find_by_key(*store_, incoming, lists::KeyScope::uncoded);
    } else {
      existing = List::find_by_key(*store_, incoming, lists::KeyScope::any);
    }
    if (!existing) {
      first_row_of_.emplace(store_->insert(incoming, now_), row.number);
      return RowOutcome::added;
    }
    auto merged = merge(*existing, parsed);
    auto changed = changes(shown(*existing, catalogue_), shown(merged, catalogue_));
    auto all_changed = listed(changed);
    auto outcome = RowOutcome::unchanged;
    if (auto first = first_row_of_.find(existing->id); first != first_row_of_.end()) {
      outcome = RowOutcome::merged;
      Message merged_with(List::merged_message, first->second);
      auto message = changed.empty() ? merged_with
                                     : Message(Msg::verbatim, in_both_languages([&](Lang lang) {
                                         return merged_with.in(lang) + std::string(message_text(Msg::colon, lang)) +
                                                all_changed.in(lang);
                                       }));
      issues.push_back({Kind::merged, row.number, "", "", std::move(message)});
    } else if (!changed.empty()) {
      outcome = RowOutcome::updated;
      issues.push_back({Kind::updated, row.number, "", "", Message(List::updated_message, all_changed)});
    }
    first_row_of_.emplace(existing->id, row.number);
    if (!(merged == *existing)) store_->update(merged, now_);
    return outcome;
  }

private:
  const config::Catalogue& catalogue_;
  std::string now_;
  const Header* header_ = nullptr;
  std::optional<lists::Store> store_;
  std::optional<typename List::Parser> parser_;
  std::map<std::int64_t, std::size_t> first_row_of_;  // a stored record's id → the first row of this file that was it
};

// ─── by hand ─────────────────────────────────────────────────────────────────────

std::optional<lists::Coordinates> hand_coordinates(const HandEntry& e) {
  if (!e.lat && !e.lon) return std::nullopt;
  if (!e.lat || !e.lon) throw UsageError(Message(Msg::match_add_both_coordinates));
  if (std::abs(*e.lat) > 90) throw UsageError(Message(Msg::bad_latitude));
  if (std::abs(*e.lon) > 180) throw UsageError(Message(Msg::bad_longitude));
  return lists::Coordinates{*e.lat, *e.lon};
}

/// A resource's phone is a mobile; a need's may be a landline (see ValueReader::phone).
/// `--radius` as metres; nothing when not given or 全街道 (the whole street).
std::optional<int> hand_radius(const HandEntry& e) {
  if (e.radius.empty()) return std::nullopt;
  auto radius = parse_radius(e.radius);
  if (!radius) throw UsageError(Message(Msg::match_add_bad_radius, e.radius));
  return radius->anywhere ? std::nullopt : std::optional<int>(radius->metres);
}

std::string hand_phone(const HandEntry& e, bool landline) {
  if (e.phone.empty()) return "";
  auto phone = landline ? people::normalize_contact_phone(e.phone) : people::normalize_phone(e.phone);
  if (!phone) throw UsageError(Message(landline ? Msg::match_add_bad_contact_phone : Msg::match_add_bad_phone, e.phone));
  return *phone;
}

/// A kind as the database writes it (resident) or as a sheet does (居民).
template <typename KindEnum>
KindEnum hand_kind(const std::string& word, std::optional<KindEnum> (*stored)(std::string_view),
                   std::optional<KindEnum> (*sheet)(std::string_view), KindEnum fallback) {
  if (word.empty()) return fallback;
  if (auto kind = stored(word)) return *kind;
  if (auto kind = sheet(lower(text::clean(word)))) return *kind;
  throw UsageError(Message(Msg::match_add_bad_kind, word));
}

/// The services `e` names with --service, each of `category`; else those its category and
/// description name.
std::vector<std::string> hand_services(const config::Catalogue& catalogue, const HandEntry& e,
                                       const std::string& category, const std::string& description) {
  if (e.services.empty()) return ServiceMatcher(catalogue).named(category, e.category, description);
  std::set<std::string> asked;
  for (const auto& text : e.services) {
    const auto& service = config::resolve_service(catalogue, text);
    const auto& id = service.id;
    if (service.category.value != category) {
      throw UsageError(Message(Msg::match_add_service_elsewhere, text, category_name(catalogue, service.category.value),
                               category_name(catalogue, category)));
    }
    asked.insert(id);
  }
  std::vector<std::string> ids;  // in the catalogue's order, as an import gives them
  for (const auto& service : catalogue.services) {
    if (asked.contains(service.id)) ids.push_back(service.id);
  }
  return ids;
}

std::optional<std::int64_t> hand_money(const std::string& text) {
  if (text.empty()) return std::nullopt;
  auto fen = parse_money_fen(text);
  if (!fen) throw UsageError(Message(Msg::match_add_bad_money, text));
  return fen;
}

std::string hand_period(const std::string& text) {
  auto period = normalize_period(text);
  if (!lists::parse_service_period(period)) throw UsageError(Message(Msg::match_add_bad_period, text));
  return period;
}

}  // namespace

lists::Need add_need(storage::Connection& db, const config::Catalogue& catalogue, const HandEntry& e, const std::string& now) {
  Need n;
  n.code = text::clean(e.code);
  n.requester = text::clean(e.who);
  n.requester_kind = hand_kind(e.kind, lists::parse_requester_kind, requester_kind_word, infer_requester_kind(n.requester));
  n.phone = hand_phone(e, true);
  n.compound = text::clean(e.compound);
  n.address = text::clean(e.address);
  n.location = hand_coordinates(e);
  n.category = require_category(catalogue, e.category);
  n.description = text::clean_prose(e.description);
  n.services = hand_services(catalogue, e, n.category, n.description);
  n.people = e.people.value_or(1);
  if (!e.deadline.empty()) {
    n.deadline = parse_loose_date(e.deadline);
    if (!n.deadline) throw UsageError(Message(Msg::toml_bad_date, e.deadline));
  }
  n.vulnerable = !e.vulnerable.empty();
  n.vulnerability = text::clean(e.vulnerable);
  n.micro_wish = e.micro_wish;
  n.value_fen = hand_money(e.value);
  n.wanted = e.wanted.value_or(1);
  n.note = text::clean_prose(e.note);
  storage::Transaction transaction(db, storage::Transaction::write);
  lists::Store store(db);
  if (!n.code.empty() && store.find_need_by_code(n.code)) throw InputError(Message(Msg::match_add_code_taken, n.code));
  n.id = store.insert(n, now);
  transaction.commit();
  return n;
}

lists::Resource add_resource(storage::Connection& db, const config::Catalogue& catalogue, const HandEntry& e,
                             const std::string& now) {
  Resource r;
  r.code = text::clean(e.code);
  r.provider = text::clean(e.who);
  r.provider_kind = hand_kind(e.kind, lists::parse_provider_kind, provider_kind_word, ProviderKind::unit);
  r.unit = e.unit.empty() && r.provider_kind == ProviderKind::unit ? r.provider : text::clean(e.unit);
  r.contact = text::clean(e.contact);
  r.phone = hand_phone(e, false);
  r.category = require_category(catalogue, e.category);
  r.description = text::clean_prose(e.description);
  r.services = hand_services(catalogue, e, r.category, r.description);
  r.location = hand_coordinates(e);
  r.address = text::clean(e.address);
  r.radius_m = hand_radius(e);
  r.capacity = e.capacity.value_or(1);
  r.period = hand_period(e.period);
  r.cost_fen = hand_money(e.cost);
  r.note = text::clean_prose(e.note);
  storage::Transaction transaction(db, storage::Transaction::write);
  lists::Store store(db);
  if (!r.code.empty() && store.find_resource_by_code(r.code)) throw InputError(Message(Msg::match_add_code_taken, r.code));
  r.id = store.insert(r, now);
  transaction.commit();
  return r;
}

namespace {

/// The fields `given` of `later` written over the record `find` reads, in one
/// transaction; what changed, as an import says it.
template <typename Record, typename Find, typename Settle>
Changed<Record> set_fields(storage::Connection& db, const config::Catalogue& catalogue, const HandEntry& entry, Record later,
                           std::set<std::string> given, const std::string& now, Find&& find, Settle&& settle) {
  if (given.empty() && entry.services.empty()) throw UsageError(Message(Msg::match_set_nothing));
  storage::Transaction transaction(db, storage::Transaction::write);
  lists::Store store(db);
  auto stored = find(store);
  // --service, or a new description, names the services again, as an import reads them.
  if (given.contains("description") || !entry.services.empty()) {
    const auto& description = given.contains("description") ? later.description : stored.description;
    later.services = hand_services(catalogue, entry, stored.category, description);
    given.insert("services");
  }
  Changed<Record> out{merge(stored, Parsed<Record>{later, given}), {}};
  out.changes = changes(shown(stored, catalogue), shown(out.record, catalogue));
  if (!out.changes.empty()) {
    store.update(out.record, now);
    settle(out.record.id);
  }
  transaction.commit();
  return out;
}

}  // namespace

Changed<lists::Need> set_need(storage::Connection& db, const config::Catalogue& catalogue, const std::string& ref,
                              const HandEntry& e, const std::string& now,
                              const std::function<void(std::int64_t need)>& settle) {
  Need later;  // the values given, read as match add reads them
  std::set<std::string> given;
  auto give = [&](const char* field, bool when) {
    if (when) given.insert(field);
  };
  later.phone = hand_phone(e, true);
  give("phone", !later.phone.empty());
  later.compound = text::clean(e.compound);
  give("compound", !later.compound.empty());
  later.address = text::clean(e.address);
  give("address", !later.address.empty());
  later.location = hand_coordinates(e);
  give("location", later.location.has_value());
  later.description = text::clean_prose(e.description);
  give("description", !later.description.empty());
  later.people = e.people.value_or(1);
  give("people", e.people.has_value());
  later.wanted = e.wanted.value_or(1);
  give("wanted", e.wanted.has_value());
  if (!e.deadline.empty()) {
    later.deadline = parse_loose_date(e.deadline);
    if (!later.deadline) throw UsageError(Message(Msg::toml_bad_date, e.deadline));
  }
  give("deadline", later.deadline.has_value());
  later.vulnerable = !e.vulnerable.empty();
  later.vulnerability = text::clean(e.vulnerable);
  give("vulnerable", later.vulnerable);
  later.value_fen = hand_money(e.value);
  give("value", later.value_fen.has_value());
  later.note = text::clean_prose(e.note);
  give("note", !later.note.empty());
  return set_fields(db, catalogue, e, later, given, now, [&](lists::Store& store) { return lists::need_named(store, ref); },
                    settle);
}

Changed<lists::Resource> set_resource(storage::Connection& db, const config::Catalogue& catalogue, const std::string& ref,
                                      const HandEntry& e, const std::string& now) {
  Resource later;
  std::set<std::string> given;
  auto give = [&](const char* field, bool when) {
    if (when) given.insert(field);
  };
  later.unit = text::clean(e.unit);
  give("unit", !later.unit.empty());
  later.contact = text::clean(e.contact);
  give("contact", !later.contact.empty());
  later.phone = hand_phone(e, false);
  give("phone", !later.phone.empty());
  later.description = text::clean_prose(e.description);
  give("description", !later.description.empty());
  later.location = hand_coordinates(e);
  give("location", later.location.has_value());
  later.address = text::clean(e.address);
  give("address", !later.address.empty());
  later.radius_m = hand_radius(e);
  give("radius", !e.radius.empty());
  later.capacity = e.capacity.value_or(1);
  give("capacity", e.capacity.has_value());
  later.period = hand_period(e.period);
  give("period", !later.period.empty());
  later.cost_fen = hand_money(e.cost);
  give("cost", later.cost_fen.has_value());
  later.note = text::clean_prose(e.note);
  give("note", !later.note.empty());
  return set_fields(db, catalogue, e, later, given, now, [&](lists::Store& store) { return lists::resource_named(store, ref); },
                    [](std::int64_t) {});
}

ImportReport import_needs(storage::Connection& db, const config::Config& config, const ColumnAliases& aliases,
                          const ImportOptions& options, const std::string& now) {
  ListRows<NeedList> needs(config.catalogue, now);
  return run_import(db, aliases, options, now, needs);
}

ImportReport import_resources(storage::Connection& db, const config::Config& config, const ColumnAliases& aliases,
                              const ImportOptions& options, const std::string& now) {
  ListRows<ResourceList> resources(config.catalogue, now);
  return run_import(db, aliases, options, now, resources);
}

}  // namespace kangle::import
