// SPDX-License-Identifier: Apache-2.0
#include "people/edit.hpp"

#include <algorithm>

#include "core/error.hpp"
#include "core/i18n.hpp"
#include "core/text.hpp"
#include "people/store.hpp"
#include "storage/connection.hpp"

namespace kangle::people {
namespace {

std::string skill_ids(const std::vector<VolunteerSkill>& skills) {
  std::vector<std::string> ids;
  for (const auto& s : skills) ids.push_back(s.skill);
  return text::join(ids, ",");
}

}  // namespace

std::string absence_text(const Blackout& blackout) {
  auto text = format_date(blackout.from) + ".." + (blackout.to ? format_date(*blackout.to) : "");
  return blackout.reason.empty() ? text : text + " " + blackout.reason;
}

std::vector<VolunteerChange> edit_volunteer(storage::Connection& db, const config::Catalogue& catalogue, std::int64_t id,
                                            const VolunteerEdit& edit, const std::string& by, const std::string& now) {
  storage::Transaction transaction(db, storage::Transaction::write);
  Store store(db);
  auto found = store.find(id);
  if (!found) throw InputError(Message(Msg::volunteer_not_found, "#" + std::to_string(id)));
  Volunteer v = *found;
  std::vector<VolunteerChange> changes;
  auto change = [&](std::string field, std::string before, std::string after) {
    if (before != after) changes.push_back({now, by, std::move(field), std::move(before), std::move(after)});
  };
  if (edit.name) {
    change("name", v.name, *edit.name);
    v.name = *edit.name;
  }
  if (edit.phone) {
    if (auto holder = store.find_by_phone(*edit.phone); holder && holder->id != id) {
      throw InputError(Message(Msg::volunteer_phone_taken, mask_phone(*edit.phone), holder->name));
    }
    change("phone", v.phone, *edit.phone);
    v.phone = *edit.phone;
  }
  if (edit.availability) {
    change("availability", std::to_string(v.availability.bits()), std::to_string(edit.availability->bits()));
    v.availability = *edit.availability;
  }
  if (edit.monthly_limit) {
    auto limit = *edit.monthly_limit > 0 ? std::optional(*edit.monthly_limit) : std::nullopt;
    change("monthly_limit", v.monthly_limit ? std::to_string(*v.monthly_limit) : "", limit ? std::to_string(*limit) : "");
    v.monthly_limit = limit;
  }
  if (edit.skills) {
    std::vector<VolunteerSkill> skills;
    for (const auto& skill : *edit.skills) {
      if (!catalogue.find_skill(skill)) throw InputError(Message(Msg::volunteer_unknown_skill, skill));
      auto kept = std::find_if(v.skills.begin(), v.skills.end(), [&](const auto& s) { return s.skill == skill; });
      skills.push_back(kept != v.skills.end() ? *kept : VolunteerSkill{skill, std::nullopt});
    }
    std::sort(skills.begin(), skills.end(), [](const auto& a, const auto& b) { return a.skill < b.skill; });
    skills.erase(std::unique(skills.begin(), skills.end(), [](const auto& a, const auto& b) { return a.skill == b.skill; }),
                 skills.end());
    change("skills", skill_ids(v.skills), skill_ids(skills));
    v.skills = std::move(skills);
  }
  if (edit.certificate_expires) {
    bool any = false;
    for (auto& skill : v.skills) {
      const auto* known = catalogue.find_skill(skill.skill);
      if (!known || known->certificate.empty()) continue;
      any = true;
      change("certificate:" + skill.skill, skill.certificate_expires ? format_date(*skill.certificate_expires) : "",
             format_date(*edit.certificate_expires));
      skill.certificate_expires = edit.certificate_expires;
    }
    if (!any) throw InputError(Message(Msg::volunteer_no_certified_skill, v.name));
  }
  if (!changes.empty()) {
    store.update(v, now);
    for (const auto& c : changes) store.record_change(id, c);
  }
  transaction.commit();
  return changes;
}

Blackout remove_absence(storage::Connection& db, std::int64_t id, std::int64_t blackout_id, const std::string& by,
                        const std::string& now) {
  storage::Transaction transaction(db, storage::Transaction::write);
  Store store(db);
  auto found = store.find(id);
  std::optional<Blackout> absence;
  for (const auto& b : found ? found->blackouts : std::vector<Blackout>{}) {
    if (b.id == blackout_id) absence = b;
  }
  if (!absence || !store.remove_blackout(id, blackout_id)) {
    throw InputError(Message(Msg::volunteer_no_such_absence, found ? found->name : "#" + std::to_string(id), blackout_id));
  }
  store.record_change(id, {now, by, "away", absence_text(*absence), ""});
  transaction.commit();
  return *absence;
}

}  // namespace kangle::people
