// SPDX-License-Identifier: Apache-2.0
#include "import/volunteers.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstdint>
#include <functional>
#include <limits>
#include <map>
#include <memory>
#include <optional>
#include <set>

#include "core/error.hpp"
#include "core/huge_pages.hpp"
#include "core/i18n.hpp"
#include "core/text.hpp"
#include "import/normalize.hpp"
#include "people/identity.hpp"
#include "people/store.hpp"
#include "storage/connection.hpp"

namespace kangle::import {
namespace {

using people::Volunteer;
using Kind = RowIssue::Kind;

constexpr std::string_view import_kind = "volunteers";

/// Skill words of sign-up forms mapped onto the catalogue's skills.
class SkillMatcher {
public:
  explicit SkillMatcher(const config::Catalogue& catalogue) {
    for (const auto& skill : catalogue.skills) {
      add(skill.id, skill.id);
      add(skill.name, skill.id);
      add(skill.name_en, skill.id);
      for (const auto& alias : skill.aliases) add(alias, skill.id);
    }
  }

  /// The skill `word` names: a name or alias, or else the longest one inside it ("会理发").
  std::optional<std::string> match(const std::string& word) const {
    auto key = normalize_header(word);
    if (auto it = words_.find(key); it != words_.end()) return it->second;
    std::optional<std::string> best;
    std::size_t best_length = 0;
    for (const auto& [known, skill] : words_) {
      if (known.size() > best_length && known.size() >= 3 && key.find(known) != std::string::npos) {
        best = skill;
        best_length = known.size();
      }
    }
    return best;
  }

  std::optional<std::string> nearest(const std::string& word) const {
    return text::closest(normalize_header(word), known_);
  }

private:
  void add(const std::string& word, const std::string& skill) {
    auto key = normalize_header(word);
    if (key.empty() || words_.contains(key)) return;
    words_.emplace(key, skill);
    known_.push_back(key);
  }
  std::map<std::string, std::string> words_;
  std::vector<std::string> known_;
};

/// The phones and ID numbers an import may find stored: a Bloom filter of their hashes. A
/// "maybe" costs a look-up in SQLite, a "no" is sure. Its size (16 bits a number stored
/// before the import, at least 4 MiB, one wrong "maybe" in some 370 when full) does not grow
/// with the file: a list of the numbers of a million rows took 70 bytes a row. A key's bits
/// lie in one cache line: four lines apart, its look-up and its addition missed the cache
/// four times each, three quarters of the time the storing thread spent in its own code.
/// Its zeroed memory comes in huge pages: in 4 KiB ones, a first import took a thousand page
/// faults to clear it.
class KeyFilter {
public:
  explicit KeyFilter(std::size_t expected_keys) : memory_(bytes_for(expected_keys)) {
    words_ = static_cast<std::uint64_t*>(memory_.data());  // zeroed by the kernel: no key yet
    lines_ = memory_.size() / (line_bits / 8);
  }
  void add(std::string_view key) {
    auto probe = probe_of(key);
    auto* line = words_ + probe.line * words_a_line;
    for (std::size_t w = 0; w < words_a_line; ++w) line[w] |= probe.bits[w];
  }
  bool may_contain(std::string_view key) const {
    auto probe = probe_of(key);
    const auto* line = words_ + probe.line * words_a_line;
    for (std::size_t w = 0; w < words_a_line; ++w) {
      if ((line[w] & probe.bits[w]) != probe.bits[w]) return false;
    }
    return true;
  }

private:
  static constexpr std::size_t line_bits = 512;
  static constexpr std::size_t words_a_line = line_bits / 64;
  struct Probe {
    std::size_t line;
    std::uint64_t bits[words_a_line];
  };

  static std::size_t bytes_for(std::size_t expected_keys) {
    std::size_t bits = std::size_t{1} << 25;
    while (bits < 16 * expected_keys) bits <<= 1;
    return bits / 8;
  }

  /// The line a key's hash picks, and four bits in it, each from nine bits of a second hash.
  Probe probe_of(std::string_view key) const {
    const std::uint64_t hash = std::hash<std::string_view>{}(key);
    Probe probe{static_cast<std::size_t>(hash & (lines_ - 1)), {}};
    const std::uint64_t within = (hash >> 32 | hash << 32) * 0x9E3779B97F4A7C15u;
    for (unsigned i = 1; i <= 4; ++i) {
      const auto bit = static_cast<std::size_t>(within >> (64 - 9 * i) & (line_bits - 1));
      probe.bits[bit / 64] |= std::uint64_t{1} << (bit % 64);
    }
    return probe;
  }
  HugePages memory_;
  std::uint64_t* words_;
  std::size_t lines_;  ///< a power of two
};

/// One row read as a volunteer, with the problems found on the way.
struct ParsedRow final : RowReading {
  Volunteer volunteer;
  /// A certificate's date in a row without skills: a renewal sheet (name, phone, date) for
  /// the skills resting on a certificate that the person holds already.
  std::optional<Date> renewed_certificate;
  bool rejected = false;
};

class RowParser {
public:
  RowParser(const Header& header, const config::Config& config)
      : header_(header), catalogue_(config.catalogue), kiosks_(config.kiosks), skills_(config.catalogue) {}

  /// The row as a volunteer; its issues go to `issues`.
  ParsedRow parse(const Row& row, std::vector<RowIssue>& issues) const {
    ParsedRow out;
    auto& v = out.volunteer;
    RowFields fields(header_, row, issues);
    auto issue = [&](Kind kind, const std::string& field, Message message) { fields.issue(kind, field, std::move(message)); };
    v.name = people::normalize_person_name(fields.raw("name"));
    if (v.name.empty()) issue(Kind::rejected, "name", Message(Msg::import_no_name));

    auto phone_text = fields.text("phone");
    people::NumberProblem problem{};
    if (!phone_text.empty()) {
      if (auto phone = people::normalize_phone(phone_text, &problem)) v.phone = *phone;
      else issue(Kind::rejected, "phone", people::phone_problem(problem, phone_text));
    }
    auto id_text = fields.text("id_number");
    if (!id_text.empty()) {
      if (auto id_number = people::normalize_id_number(id_text, &problem)) v.id_number = *id_number;
      else issue(Kind::rejected, "id_number", people::id_number_problem(problem, id_text));
    }
    if (phone_text.empty() && id_text.empty()) issue(Kind::rejected, "phone", Message(Msg::import_no_phone));

    v.political_status = fields.text("political_status");
    v.party_member = is_party_member(v.political_status);
    v.unit = fields.text("unit");
    v.community = fields.text("community");
    v.note = fields.text("note");

    if (auto limit_text = fields.text("monthly_limit"); !limit_text.empty()) {
      int limit = 0;
      std::size_t digits = 0;
      while (digits < limit_text.size() && limit_text[digits] >= '0' && limit_text[digits] <= '9' && limit < 1000) {
        limit = limit * 10 + (limit_text[digits++] - '0');
      }
      if (digits > 0 && limit > 0) v.monthly_limit = limit;
      else issue(Kind::doubtful, "monthly_limit", Message(Msg::import_bad_limit, limit_text));
    }

    if (auto text = fields.raw("availability"); !text::clean(text).empty()) {
      std::vector<std::string> unreadable;
      auto availability = parse_availability(text, &unreadable);
      if (availability) v.availability = *availability;
      if (!unreadable.empty()) {
        issue(Kind::doubtful, "availability",
              Message(availability ? Msg::import_availability_partly : Msg::import_bad_availability, listed(unreadable)));
      }
    }

    std::optional<Date> certificate_expires;
    if (auto text = fields.text("certificate_expires"); !text.empty()) {
      certificate_expires = parse_loose_date(text);
      if (!certificate_expires) issue(Kind::doubtful, "certificate_expires", Message(Msg::import_bad_date, text));
    }
    std::set<std::string> skill_ids;
    for (const auto& word : split_list(fields.raw("skills"))) {
      if (auto skill = skills_.match(word)) {
        skill_ids.insert(*skill);
      } else if (auto nearest = skills_.nearest(word)) {
        issue(Kind::doubtful, "skills", Message(Msg::import_unknown_skill_suggest, word, *nearest));
      } else {
        issue(Kind::doubtful, "skills", Message(Msg::import_unknown_skill, word));
      }
    }
    bool any_certified = false;
    for (const auto& id : skill_ids) {
      const auto* skill = catalogue_.find_skill(id);
      bool certified = skill && !skill->certificate.empty();
      any_certified = any_certified || certified;
      v.skills.push_back({id, certified ? certificate_expires : std::nullopt});
    }
    if (certificate_expires && split_list(fields.raw("skills")).empty()) {
      out.renewed_certificate = certificate_expires;
    } else if (certificate_expires && !any_certified) {
      issue(Kind::doubtful, "certificate_expires", Message(Msg::import_certificate_unused, format_date(*certificate_expires)));
    }
    for (const auto& word : split_list(fields.raw("preferences"))) {
      auto id = preference(word);
      if (!id) issue(Kind::doubtful, "preferences", Message(Msg::import_unknown_preference, word));
      else if (std::find(v.preferences.begin(), v.preferences.end(), *id) == v.preferences.end()) v.preferences.push_back(*id);
    }
    out.rejected = fields.rejected();
    return out;
  }

private:
  /// The kiosk or service a word of 服务意向 names: by id, name or short name.
  std::optional<std::string> preference(const std::string& word) const {
    for (const auto& k : kiosks_) {
      if (word == k.id || word == k.name || word == k.short_name || (!k.name_en.empty() && word == k.name_en)) return k.id;
    }
    for (const auto& service : catalogue_.services) {
      if (word == service.id || word == service.name || (!service.name_en.empty() && word == service.name_en)) return service.id;
    }
    return std::nullopt;
  }

  const Header& header_;
  const config::Catalogue& catalogue_;
  const std::vector<config::Kiosk>& kiosks_;
  SkillMatcher skills_;
};

/// `earlier` with what `later` adds: skills and availability together, other fields
/// replaced where the later sign-up gives them. Describes the changes in `changes`.
Volunteer merge(const Volunteer& earlier, const ParsedRow& row, const config::Catalogue& catalogue,
               std::vector<Message>& changes) {
  const auto& later = row.volunteer;
  auto skill_name = [&](const std::string& id) {
    const auto* skill = catalogue.find_skill(id);
    if (!skill) return Localized{id, id};
    return Localized{skill->name, skill->name_en.empty() ? skill->name : skill->name_en};
  };
  Volunteer v = earlier;
  auto replace = [&](std::string& field, const std::string& value, Msg what) {
    if (value.empty() || value == field) return;
    changes.push_back(Message(Msg::import_change, what, field, value));
    field = value;
  };
  auto add_key = [&](std::string& field, const std::string& value, Msg what, std::string shown) {
    if (!field.empty() || value.empty()) return;
    changes.push_back(Message(Msg::import_change, what, "-", shown));
    field = value;
  };
  add_key(v.phone, later.phone, Msg::field_phone, people::mask_phone(later.phone));
  add_key(v.id_number, later.id_number, Msg::field_id_number, people::mask_id_number(later.id_number));
  replace(v.political_status, later.political_status, Msg::field_political_status);
  v.party_member = is_party_member(v.political_status);
  replace(v.unit, later.unit, Msg::field_unit);
  replace(v.community, later.community, Msg::field_community);
  replace(v.note, later.note, Msg::field_note);
  if (!later.preferences.empty() && later.preferences != v.preferences) {
    changes.push_back(Message(Msg::import_change, Msg::field_preferences,
                         text::join(v.preferences, ","), text::join(later.preferences, ",")));
    v.preferences = later.preferences;
  }
  if (later.monthly_limit && later.monthly_limit != v.monthly_limit) {
    changes.push_back(Message(Msg::import_change, Msg::field_monthly_limit,
                         v.monthly_limit ? std::to_string(*v.monthly_limit) : "-", *later.monthly_limit));
    v.monthly_limit = later.monthly_limit;
  }
  auto before = v.availability;
  v.availability.merge(later.availability);
  if (!(before == v.availability)) changes.push_back(Message(Msg::import_more_availability, in_both_languages([&](Lang lang) { return describe_availability(later.availability, lang); })));
  for (const auto& skill : later.skills) {
    auto it = std::find_if(v.skills.begin(), v.skills.end(), [&](const auto& s) { return s.skill == skill.skill; });
    if (it == v.skills.end()) {
      v.skills.push_back(skill);
      changes.push_back(Message(Msg::import_new_skill, skill_name(skill.skill)));
    } else if (skill.certificate_expires && skill.certificate_expires != it->certificate_expires) {
      it->certificate_expires = skill.certificate_expires;
      changes.push_back(Message(Msg::import_new_certificate, skill_name(skill.skill), format_date(*skill.certificate_expires)));
    }
  }
  if (row.renewed_certificate) {
    for (auto& skill : v.skills) {
      const auto* known = catalogue.find_skill(skill.skill);
      if (!known || known->certificate.empty() || skill.certificate_expires >= row.renewed_certificate) continue;
      skill.certificate_expires = row.renewed_certificate;
      changes.push_back(Message(Msg::import_new_certificate, skill_name(skill.skill), format_date(*row.renewed_certificate)));
    }
  }
  std::sort(v.skills.begin(), v.skills.end(), [](const auto& a, const auto& b) { return a.skill < b.skill; });
  return v;
}

/// True when `v` holds a skill that rests on a certificate.
bool holds_certified_skill(const Volunteer& v, const config::Catalogue& catalogue) {
  return std::any_of(v.skills.begin(), v.skills.end(), [&](const auto& s) {
    const auto* skill = catalogue.find_skill(s.skill);
    return skill && !skill->certificate.empty();
  });
}

/// Volunteers for the import pipeline: one person per phone number (or ID number).
class VolunteerImporter final : public ListImporter {
public:
  VolunteerImporter(const config::Config& config, const std::string& now)
      : config_(config), catalogue_(config.catalogue), now_(now) {}

  std::string_view kind() const override { return import_kind; }
  std::string_view required_field() const override { return "name"; }

  void begin(const OpenTable& table, storage::Connection& db) override {
    store_.emplace(db);
    header_ = &table.header;
    parser_.emplace(table.header, config_);
    const auto stored = static_cast<std::size_t>(store_->count());  // a scan of the table: once
    known_keys_.emplace(2 * stored);
    // SQLite numbers people in sequence: every id stored is within the people stored, unless
    // one was set by hand far beyond them, and every person this import adds comes after the
    // largest. Their first rows are then held by id, 8 bytes a person; only where ids
    // stored lie far apart are theirs held apart (a map, some 48 bytes a person).
    const auto largest = store_->largest_id();
    if (largest > static_cast<std::int64_t>(stored) + 1'000'000) {
      first_dense_id_ = largest == std::numeric_limits<std::int64_t>::max() ? largest : largest + 1;
    }
    store_->each_key([&](std::string_view key) { known_keys_->add(key); });
    // Into a table without people, from a text file, the people's indexes are built once at
    // the end: a million rows' first import in 11-12 s instead of 17. Not from a workbook,
    // whose XML keeps the reading thread as busy as the storing one: the indexes' build
    // would only come after (bench/README.md, "Session 30").
    if (table.csv && stored == 0) store_->defer_indexes();
  }

  void finish() override {
    store_->flush();
    store_->restore_indexes();
  }

  std::unique_ptr<RowReading> read(const Row& row, std::vector<RowIssue>& issues) const override {
    return std::make_unique<ParsedRow>(parser_->parse(row, issues));
  }

  RowOutcome take(const Row& row, RowReading* reading, std::vector<RowIssue>& issues) override {
    auto& parsed = static_cast<ParsedRow&>(*reading);  // read() made it
    if (parsed.rejected) return RowOutcome::rejected;
    auto& incoming = parsed.volunteer;
    // The first row of this file that was this person, if any.
    auto earlier_row = [&](std::int64_t id) -> std::optional<std::size_t> {
      if (!dense(id)) {
        if (auto it = far_first_row_of_.find(id); it != far_first_row_of_.end()) return it->second;
      } else if (auto at = static_cast<std::size_t>(id - first_dense_id_); at < first_row_of_.size() && first_row_of_[at] != 0) {
        return first_row_of_[at];
      }
      return std::nullopt;
    };
    // The person's numbers, for the rows after (before the store takes the volunteer), and
    // this row as the first of their id, unless an earlier one was.
    auto remember_numbers = [&](const Volunteer& v) {
      for (const auto* key : {&v.phone, &v.id_number}) {
        if (!key->empty()) known_keys_->add(*key);
      }
    };
    auto remember_row = [&](std::int64_t id) {
      if (!dense(id)) {
        far_first_row_of_.emplace(id, row.number);
      } else {
        auto at = static_cast<std::size_t>(id - first_dense_id_);
        if (at >= first_row_of_.size()) first_row_of_.resize(at + 1, 0);
        if (first_row_of_[at] == 0) first_row_of_[at] = row.number;
      }
    };
    // Only a number stored before this import, or by an earlier row of it, can find anyone.
    auto may_be_stored = [&](const std::string& key) { return !key.empty() && known_keys_->may_contain(key); };
    auto by_phone = may_be_stored(incoming.phone) ? store_->find_by_phone(incoming.phone) : std::nullopt;
    auto by_id_number = may_be_stored(incoming.id_number) ? store_->find_by_id_number(incoming.id_number) : std::nullopt;
    auto existing = by_phone ? by_phone : by_id_number;
    if (existing && conflicts(row, incoming, *existing, by_phone, by_id_number, issues)) return RowOutcome::rejected;
    if (parsed.renewed_certificate && !holds_certified_skill(existing ? *existing : incoming, catalogue_)) {
      RowFields(*header_, row, issues)
          .issue(Kind::doubtful, "certificate_expires", Message(Msg::import_certificate_unused, format_date(*parsed.renewed_certificate)));
    }
    for (const auto& skill : existing && parsed.renewed_certificate ? existing->skills : std::vector<people::VolunteerSkill>{}) {
      if (skill.certificate_expires > parsed.renewed_certificate) {  // an old sheet, or a typo: never shortened by a renewal
        RowFields(*header_, row, issues)
            .issue(Kind::doubtful, "certificate_expires",
                   Message(Msg::import_certificate_earlier, format_date(*parsed.renewed_certificate),
                      format_date(*skill.certificate_expires)));
        break;
      }
    }
    if (!existing) {
      std::sort(incoming.skills.begin(), incoming.skills.end(), [](const auto& a, const auto& b) { return a.skill < b.skill; });
      remember_numbers(incoming);
      remember_row(store_->insert_later(std::move(incoming), now_));
      return RowOutcome::added;
    }
    std::vector<Message> changes;
    auto merged = merge(*existing, parsed, catalogue_, changes);
    auto all_changes = listed(changes);
    RowOutcome outcome = RowOutcome::unchanged;
    if (auto first = earlier_row(existing->id)) {
      outcome = RowOutcome::merged;
      issues.push_back({Kind::merged, row.number, "", "", Message(Msg::import_merged, *first, all_changes)});
    } else if (!changes.empty()) {
      outcome = RowOutcome::updated;
      issues.push_back({Kind::updated, row.number, "", "", Message(Msg::import_updated, all_changes)});
    }
    remember_numbers(merged);
    remember_row(existing->id);
    if (!(merged == *existing)) store_->update_later(std::move(merged), now_);
    return outcome;
  }

private:
  /// True, with the rejection in `issues`, when the row's phone or ID number belongs to
  /// someone stored under another name or ID number, or they belong to two people: taking
  /// it as an update would rename one person to another, or merge two into one.
  bool conflicts(const Row& row, const Volunteer& incoming, const Volunteer& existing, const std::optional<Volunteer>& by_phone,
                 const std::optional<Volunteer>& by_id_number, std::vector<RowIssue>& issues) const {
    RowFields fields(*header_, row, issues);
    if (by_phone && by_id_number && by_phone->id != by_id_number->id) {
      fields.issue(Kind::rejected, "id_number", Message(Msg::import_conflict_two_people, by_phone->name, by_id_number->name));
      return true;
    }
    if (people::normalize_person_name(existing.name) != incoming.name) {
      bool phone = by_phone.has_value();
      fields.issue(Kind::rejected, "name",
                   Message(Msg::import_conflict_name, phone ? Msg::field_phone : Msg::field_id_number,
                      phone ? people::mask_phone(incoming.phone) : people::mask_id_number(incoming.id_number), existing.name,
                      incoming.name));
      return true;
    }
    if (!existing.id_number.empty() && !incoming.id_number.empty() && existing.id_number != incoming.id_number) {
      fields.issue(Kind::rejected, "id_number",
                   Message(Msg::import_conflict_id_number, existing.name, people::mask_id_number(existing.id_number),
                      people::mask_id_number(incoming.id_number)));
      return true;
    }
    if (!by_phone && !existing.phone.empty() && !incoming.phone.empty()) {
      fields.issue(Kind::doubtful, "phone",
                   Message(Msg::import_phone_not_taken, existing.name, people::mask_phone(existing.phone), people::mask_phone(incoming.phone)));
    }
    return false;
  }

  const config::Config& config_;
  const config::Catalogue& catalogue_;
  const Header* header_ = nullptr;
  std::string now_;
  std::optional<people::Store> store_;
  std::optional<RowParser> parser_;
  /// Whether first_row_of_ holds `id`'s first row (at `id - first_dense_id_`).
  bool dense(std::int64_t id) const { return id >= first_dense_id_; }

  std::int64_t first_dense_id_ = 0;        // 0, or past the largest id stored where ids lie far apart (begin)
  std::vector<std::size_t> first_row_of_;  // by id less first_dense_id_: the person's first row in this file, 0 if none yet
  std::map<std::int64_t, std::size_t> far_first_row_of_;  // the same, for an id before first_dense_id_
  std::optional<KeyFilter> known_keys_;    // the numbers stored before this import and by its rows
};

}  // namespace

std::vector<std::string> read_skills(const config::Catalogue& catalogue, std::string_view cell,
                                     std::vector<std::string>& unknown) {
  SkillMatcher skills(catalogue);
  std::vector<std::string> ids;
  for (const auto& word : split_list(cell)) {
    auto skill = skills.match(word);
    if (!skill) unknown.push_back(word);
    else if (std::find(ids.begin(), ids.end(), *skill) == ids.end()) ids.push_back(*skill);
  }
  return ids;
}

ImportReport import_volunteers(storage::Connection& db, const config::Config& config, const ColumnAliases& aliases,
                               const ImportOptions& options, const std::string& now) {
  VolunteerImporter volunteers(config, now);
  return run_import(db, aliases, options, now, volunteers);
}

people::VolunteerEdit read_volunteer_edit(const config::Catalogue& catalogue, const VolunteerEditInput& input) {
  people::VolunteerEdit edit;
  if (input.name) {
    edit.name = people::normalize_person_name(*input.name);
    if (edit.name->empty()) throw UsageError(Message(Msg::import_no_name));
  }
  if (input.phone) {
    people::NumberProblem problem{};
    edit.phone = people::normalize_phone(*input.phone, &problem);
    if (!edit.phone) throw UsageError(people::phone_problem(problem, *input.phone));
  }
  if (input.availability) {
    std::vector<std::string> unreadable;
    edit.availability = parse_availability(*input.availability, &unreadable);
    if (!unreadable.empty()) throw UsageError(Message(Msg::volunteer_bad_availability, listed(unreadable)));
  }
  if (input.monthly_limit) {
    if (*input.monthly_limit < 0 || *input.monthly_limit > max_monthly_limit) {
      throw UsageError(Message(Msg::volunteer_bad_monthly_limit, *input.monthly_limit, max_monthly_limit));
    }
    edit.monthly_limit = *input.monthly_limit;
  }
  if (input.skills) {
    std::vector<std::string> unknown;
    edit.skills = read_skills(catalogue, *input.skills, unknown);
    if (!unknown.empty()) throw UsageError(Message(Msg::volunteer_unknown_skill, unknown.front()));
  }
  if (input.certificate_expires) {
    edit.certificate_expires = parse_date(*input.certificate_expires);
    if (!edit.certificate_expires) throw UsageError(Message(Msg::toml_bad_date, *input.certificate_expires));
  }
  if (!edit.name && !edit.phone && !edit.availability && !edit.monthly_limit && !edit.skills && !edit.certificate_expires) {
    throw UsageError(Message(Msg::volunteer_set_needs_a_field));
  }
  return edit;
}

}  // namespace kangle::import
