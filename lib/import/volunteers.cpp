// SPDX-License-Identifier: Apache-2.0
#include "import/volunteers.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>

#include "core/atomic_file.hpp"
#include "core/hash.hpp"
#include "core/i18n.hpp"
#include "core/table.hpp"
#include "core/text.hpp"
#include "import/normalize.hpp"
#include "people/store.hpp"

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

/// A row of sums under the data: a cell that is, or in Chinese starts with, a word for a
/// total ("合计：12人"). English words must stand alone: "Summer" is a name.
bool is_total_row(const Row& row) {
  static constexpr std::string_view chinese[] = {"合计", "总计", "小计", "共计", "总数"};
  static constexpr std::string_view english[] = {"total", "sum", "subtotal"};
  for (const auto& cell : row.cells) {
    auto text = normalize_header(cell.text);
    for (auto w : chinese) {
      if (text.starts_with(w)) return true;
    }
    for (auto w : english) {
      if (text == w) return true;
    }
  }
  return false;
}

/// A date as people type it: 2027-06-30, 2027/6/30, 2027.6.30, 2027年6月30日.
std::optional<Date> parse_loose_date(const std::string& raw) {
  std::string s = clean(raw);
  if (s.size() >= 10) {
    if (auto exact = parse_date(s.substr(0, 10))) return exact;  // also "2027-06-30 00:00"
  }
  std::vector<int> parts;
  int value = -1;
  for (std::size_t i = 0; i <= s.size(); ++i) {
    char c = i < s.size() ? s[i] : '/';
    if (c >= '0' && c <= '9') {
      value = (value < 0 ? 0 : value * 10) + (c - '0');
      if (value > 9999) return std::nullopt;
    } else if (value >= 0) {
      parts.push_back(value);
      value = -1;
    }
  }
  if (parts.size() != 3) return std::nullopt;
  Date date{std::chrono::year{parts[0]}, std::chrono::month{static_cast<unsigned>(parts[1])},
            std::chrono::day{static_cast<unsigned>(parts[2])}};
  if (!date.ok() || parts[0] < 1900) return std::nullopt;
  return date;
}

/// One row read as a volunteer, with the problems found on the way.
struct ParsedRow {
  Volunteer volunteer;
  std::vector<RowIssue> issues;
  bool rejected = false;
};

class RowParser {
public:
  RowParser(const Header& header, const config::Catalogue& catalogue) : header_(header), catalogue_(catalogue), skills_(catalogue) {}

  ParsedRow parse(const Row& row) const {
    ParsedRow out;
    auto& v = out.volunteer;
    auto issue = [&](Kind kind, const std::string& field, std::string message) {
      RowIssue i{kind, row.number, "", "", std::move(message)};
      if (auto it = header_.columns.find(field); it != header_.columns.end()) {
        i.column = column_letters(it->second);
        i.header = header_.titles[it->second];
      }
      if (kind == Kind::rejected) out.rejected = true;
      out.issues.push_back(std::move(i));
    };
    v.name = clean(cell(row, "name"));
    if (v.name.empty()) issue(Kind::rejected, "name", tr(Msg::import_no_name));

    auto phone_text = clean(cell(row, "phone"));
    if (!phone_text.empty()) {
      if (auto phone = normalize_phone(phone_text)) v.phone = *phone;
      else issue(Kind::rejected, "phone", tr(Msg::import_bad_phone, phone_text));
    }
    auto id_text = clean(cell(row, "id_number"));
    for (auto& c : id_text) c = (c == 'x') ? 'X' : c;
    if (!id_text.empty()) {
      if (is_id_number(id_text)) v.id_number = id_text;
      else issue(Kind::rejected, "id_number", tr(Msg::import_bad_id_number, people::mask_id_number(id_text)));
    }
    if (phone_text.empty() && id_text.empty()) issue(Kind::rejected, "phone", tr(Msg::import_no_phone));

    v.political_status = clean(cell(row, "political_status"));
    v.party_member = is_party_member(v.political_status);
    v.unit = clean(cell(row, "unit"));
    v.community = clean(cell(row, "community"));
    v.note = clean(cell(row, "note"));

    if (auto limit_text = clean(cell(row, "monthly_limit")); !limit_text.empty()) {
      int limit = 0;
      std::size_t digits = 0;
      while (digits < limit_text.size() && limit_text[digits] >= '0' && limit_text[digits] <= '9' && limit < 1000) {
        limit = limit * 10 + (limit_text[digits++] - '0');
      }
      if (digits > 0 && limit > 0) v.monthly_limit = limit;
      else issue(Kind::doubtful, "monthly_limit", tr(Msg::import_bad_limit, limit_text));
    }

    if (auto text = cell(row, "availability"); !clean(text).empty()) {
      std::string unreadable;
      if (auto availability = parse_availability(text, &unreadable)) v.availability = *availability;
      else issue(Kind::doubtful, "availability", tr(Msg::import_bad_availability, unreadable));
    }

    std::optional<Date> certificate_expires;
    if (auto text = clean(cell(row, "certificate_expires")); !text.empty()) {
      certificate_expires = parse_loose_date(text);
      if (!certificate_expires) issue(Kind::doubtful, "certificate_expires", tr(Msg::import_bad_date, text));
    }
    std::set<std::string> skill_ids;
    for (const auto& word : split_list(cell(row, "skills"))) {
      if (auto skill = skills_.match(word)) {
        skill_ids.insert(*skill);
      } else if (auto nearest = skills_.nearest(word)) {
        issue(Kind::doubtful, "skills", tr(Msg::import_unknown_skill_suggest, word, *nearest));
      } else {
        issue(Kind::doubtful, "skills", tr(Msg::import_unknown_skill, word));
      }
    }
    for (const auto& id : skill_ids) {
      const auto* skill = catalogue_.find_skill(id);
      bool certified = skill && !skill->certificate.empty();
      v.skills.push_back({id, certified ? certificate_expires : std::nullopt});
    }
    return out;
  }

private:
  std::string cell(const Row& row, const std::string& field) const {
    auto it = header_.columns.find(field);
    if (it == header_.columns.end() || it->second >= row.cells.size()) return {};
    return row.cells[it->second].text;
  }

  static bool is_id_number(const std::string& s) {
    auto digits = [&](std::size_t n) {
      return std::all_of(s.begin(), s.begin() + static_cast<std::ptrdiff_t>(n), [](char c) { return c >= '0' && c <= '9'; });
    };
    if (s.size() == 15) return digits(15);
    return s.size() == 18 && digits(17) && ((s[17] >= '0' && s[17] <= '9') || s[17] == 'X');
  }

  const Header& header_;
  const config::Catalogue& catalogue_;
  SkillMatcher skills_;
};

/// `earlier` with what `later` adds: skills and availability together, other fields
/// replaced where the later sign-up gives them. Describes the changes in `changes`.
Volunteer merge(const Volunteer& earlier, const Volunteer& later, const config::Catalogue& catalogue,
               std::vector<std::string>& changes) {
  auto skill_name = [&](const std::string& id) {
    const auto* skill = catalogue.find_skill(id);
    return skill ? (language() == Lang::en && !skill->name_en.empty() ? skill->name_en : skill->name) : id;
  };
  Volunteer v = earlier;
  auto replace = [&](std::string& field, const std::string& value, Msg what) {
    if (value.empty() || value == field) return;
    changes.push_back(tr(Msg::import_change, message_text(what, language()), field, value));
    field = value;
  };
  replace(v.name, later.name, Msg::field_name);
  if (v.phone.empty()) v.phone = later.phone;
  if (v.id_number.empty()) v.id_number = later.id_number;
  replace(v.political_status, later.political_status, Msg::field_political_status);
  v.party_member = is_party_member(v.political_status);
  replace(v.unit, later.unit, Msg::field_unit);
  replace(v.community, later.community, Msg::field_community);
  replace(v.note, later.note, Msg::field_note);
  if (later.monthly_limit && later.monthly_limit != v.monthly_limit) {
    changes.push_back(tr(Msg::import_change, message_text(Msg::field_monthly_limit, language()),
                         v.monthly_limit ? std::to_string(*v.monthly_limit) : "-", *later.monthly_limit));
    v.monthly_limit = later.monthly_limit;
  }
  auto before = v.availability;
  v.availability.merge(later.availability);
  if (!(before == v.availability)) changes.push_back(tr(Msg::import_more_availability, describe_availability(later.availability)));
  for (const auto& skill : later.skills) {
    auto it = std::find_if(v.skills.begin(), v.skills.end(), [&](const auto& s) { return s.skill == skill.skill; });
    if (it == v.skills.end()) {
      v.skills.push_back(skill);
      changes.push_back(tr(Msg::import_new_skill, skill_name(skill.skill)));
    } else if (skill.certificate_expires && skill.certificate_expires != it->certificate_expires) {
      it->certificate_expires = skill.certificate_expires;
      changes.push_back(tr(Msg::import_new_certificate, skill_name(skill.skill), format_date(*skill.certificate_expires)));
    }
  }
  std::sort(v.skills.begin(), v.skills.end(), [](const auto& a, const auto& b) { return a.skill < b.skill; });
  return v;
}

}  // namespace

ImportReport import_volunteers(SQLite::Database& db, const config::Config& config, const ColumnAliases& aliases,
                               const ImportOptions& options, const std::string& now) {
  ImportReport report;
  report.file = options.file.string();
  report.dry_run = options.dry_run;
  auto hash = file_sha256(options.file);
  auto table = open_table(options.file, options.table, aliases, "name");
  report.sheet = table.reader->name();
  report.csv = table.csv;
  report.header_row = table.header.row;
  report.ignored_columns = table.header.ignored;

  SQLite::Transaction transaction(db, SQLite::TransactionBehavior::IMMEDIATE);
  {
    SQLite::Statement seen(db, "SELECT imported_at FROM imports WHERE kind = ? AND sha256 = ?");
    seen.bind(1, std::string(import_kind));
    seen.bind(2, hash);
    if (seen.executeStep()) {
      report.already_imported_at = seen.getColumn(0).getString();
      return report;  // the transaction rolls back: nothing was written
    }
  }

  people::Store store(db);
  RowParser parser(table.header, config.catalogue);
  std::map<std::string, std::size_t> first_row_of;  // phone or ID number → its first row in this file
  std::string rejects = "\xEF\xBB\xBF";               // a BOM, so that Excel opens the UTF-8 file as such
  auto reject_header = table.header.titles;
  reject_header.push_back(std::string(message_text(Msg::import_reason_column, language())));
  rejects += table::csv_line(reject_header);

  Row row;
  std::size_t last_row = table.header.row;
  while (table.reader->next(row)) {
    report.blank_rows += row.number - last_row - 1;
    last_row = row.last_line();
    if (is_total_row(row)) {
      ++report.total_rows;
      continue;
    }
    auto parsed = parser.parse(row);
    if (parsed.rejected) {
      ++report.rejected;
      // The row as it was, under its header, with the reasons in a last column.
      std::vector<std::string> fields(table.header.titles.size());
      for (std::size_t c = 0; c < row.cells.size() && c < fields.size(); ++c) fields[c] = row.cells[c].text;
      std::vector<std::string> reasons;
      for (const auto& i : parsed.issues) {
        if (i.kind == Kind::rejected) reasons.push_back(i.message);
      }
      fields.push_back(text::join(reasons, "; "));
      rejects += table::csv_line(fields);
      for (auto& i : parsed.issues) {
        if (i.kind == Kind::rejected) report.issues.push_back(std::move(i));
      }
      continue;
    }
    for (auto& i : parsed.issues) report.issues.push_back(std::move(i));
    auto& incoming = parsed.volunteer;
    // Rows of this file by the phone and the ID number of the person they were (either tells).
    auto earlier_row = [&]() -> std::optional<std::size_t> {
      for (const auto* key : {&incoming.phone, &incoming.id_number}) {
        if (auto it = first_row_of.find(*key); !key->empty() && it != first_row_of.end()) return it->second;
      }
      return std::nullopt;
    };
    auto remember = [&](const Volunteer& v) {
      for (const auto* key : {&v.phone, &v.id_number}) {
        if (!key->empty()) first_row_of.emplace(*key, row.number);
      }
    };
    auto existing = !incoming.phone.empty() ? store.find_by_phone(incoming.phone) : std::nullopt;
    if (!existing && !incoming.id_number.empty()) existing = store.find_by_id_number(incoming.id_number);
    if (!existing) {
      std::sort(incoming.skills.begin(), incoming.skills.end(), [](const auto& a, const auto& b) { return a.skill < b.skill; });
      store.insert(incoming, now);
      ++report.added;
      remember(incoming);
      continue;
    }
    std::vector<std::string> changes;
    auto merged = merge(*existing, incoming, config.catalogue, changes);
    if (auto first = earlier_row()) {
      ++report.merged;
      report.issues.push_back({Kind::merged, row.number, "", "",
                               tr(Msg::import_merged, *first, text::join(changes, message_text(Msg::rhythm_list_separator, language())))});
    } else if (changes.empty()) {
      ++report.unchanged;
    } else {
      ++report.updated;
      report.issues.push_back({Kind::updated, row.number, "", "", tr(Msg::import_updated, text::join(changes, message_text(Msg::rhythm_list_separator, language())))});
    }
    remember(merged);
    if (!(merged == *existing)) store.update(merged, now);
  }
  std::stable_sort(report.issues.begin(), report.issues.end(), [](const auto& a, const auto& b) { return a.row < b.row; });

  SQLite::Statement record(db,
                           "INSERT INTO imports (kind, file_name, sha256, imported_at, added, updated, unchanged, skipped, rejected) "
                           "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
  record.bind(1, std::string(import_kind));
  record.bind(2, options.file.filename().string());
  record.bind(3, hash);
  record.bind(4, now);
  record.bind(5, static_cast<std::int64_t>(report.added));
  record.bind(6, static_cast<std::int64_t>(report.updated + report.merged));
  record.bind(7, static_cast<std::int64_t>(report.unchanged));
  record.bind(8, static_cast<std::int64_t>(report.blank_rows + report.total_rows));
  record.bind(9, static_cast<std::int64_t>(report.rejected));
  record.exec();

  if (options.dry_run) return report;  // the transaction rolls back
  if (report.rejected > 0) {
    auto path = options.rejects_file.value_or(options.file.parent_path() / (options.file.stem().string() + ".rejects.csv"));
    write_file_atomically(path, rejects);
    report.rejects_file = path;
  }
  transaction.commit();
  return report;
}

}  // namespace kangle::import
