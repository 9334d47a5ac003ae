// SPDX-License-Identifier: Apache-2.0
#include "schedule/build.hpp"

#include <algorithm>
#include <tuple>

#include "core/error.hpp"
#include "core/i18n.hpp"
#include "people/store.hpp"
#include "schedule/store.hpp"
#include "storage/connection.hpp"

namespace kangle::schedule {

namespace {

/// The day of the run in the workspace's time zone.
Date today(const config::Config& config, const std::string& now) { return local_date(now, config.settings.timezone); }

std::vector<CertificateWarning> certificates_running_out(const config::Config& config, const Month& month,
                                                         const std::vector<people::Volunteer>& volunteers) {
  auto horizon = Date{std::chrono::sys_days{month.last()} + std::chrono::days{config.settings.certificate_warning_days}};
  std::vector<CertificateWarning> out;
  for (const auto& v : volunteers) {
    for (const auto& held : v.skills) {
      const auto* skill = config.catalogue.find_skill(held.skill);
      if (!skill || skill->certificate.empty() || !held.certificate_expires || *held.certificate_expires > horizon) continue;
      out.push_back({v.id, v.name, held.skill, *held.certificate_expires, *held.certificate_expires <= month.first()});
    }
  }
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) {
    return std::tie(a.expires, a.name, a.skill) < std::tie(b.expires, b.name, b.skill);
  });
  return out;
}

/// Plans the month again from what is stored, and stores the new rota: days before
/// `history_ends` keep their seats as stored. No transaction: the callers hold one.
BuildReport rebuild(storage::Connection& db, const config::Config& config, const Month& month, const std::string& now,
                    bool force, const Date& history_ends, std::ostream* network_out = nullptr,
                    const std::function<void(std::int64_t)>& solving = {}) {
  BuildReport report;
  report.month = month;
  RotaStore rota(db);
  if (auto published = rota.published_at(month); published && !force) {
    throw UsageError(Message(Msg::schedule_published_refuse, month.text(), in_both_languages([&](Lang lang) {
                              return time_for_people(*published, config.settings.timezone, lang);
                            })));
  }
  AssignOptions options;
  auto kept = rota.kept(month);
  report.rebuilt = kept.stored;
  options.previous = std::move(kept.held);
  options.locked = std::move(kept.locked);
  if (report.rebuilt) options.frozen_before = history_ends;
  // The weekly limit and the days in a row do not start again on the 1st: the seats of
  // the neighbouring months' rotas, a week (or the cap, if longer) either side, count.
  auto reach = std::chrono::days{std::max(6, config.settings.max_consecutive_days.value_or(0))};
  options.outside = rota.days_served_around(month, Date{std::chrono::sys_days{month.first()} - reach},
                                            Date{std::chrono::sys_days{month.last()} + reach});
  options.network_out = network_out;
  options.solving = solving;
  auto volunteers = people::Store(db).list({});
  report.sessions = expand_month(config, month);
  report.plan = assign(config, report.sessions, volunteers, options);
  report.certificates = certificates_running_out(config, month, volunteers);
  rota.replace(month, report.sessions, report.plan, now, force);
  return report;
}

}  // namespace

BuildReport build_rota(storage::Connection& db, const config::Config& config, const Month& month,
                       const std::string& now, bool dry_run, bool force, std::ostream* network_out,
                       const std::function<void(std::int64_t)>& solving) {
  storage::Transaction transaction(db, storage::Transaction::write);
  auto report = rebuild(db, config, month, now, force || dry_run, today(config, now), network_out, solving);
  if (!dry_run) transaction.commit();
  return report;
}

int publish_rota(storage::Connection& db, const Month& month, const std::string& now) {
  storage::Transaction transaction(db, storage::Transaction::write);
  RotaStore rota(db);
  if (rota.month(month).empty()) throw InputError(Message(Msg::schedule_none, month.text()));
  int filled = rota.publish(month, now);
  transaction.commit();
  return filled;
}

BuildReport drop_volunteer(storage::Connection& db, const config::Config& config, const Month& month,
                           std::int64_t volunteer, const Date& from, const std::string& reason,
                           const std::string& now) {
  storage::Transaction transaction(db, storage::Transaction::write);
  people::Store(db).add_blackout(volunteer, {from, std::nullopt, reason}, now);
  RotaStore(db).unlock_from(month, volunteer, from);
  // A drop-out cannot wait for the next month; the days before they leave stay as they were.
  auto report = rebuild(db, config, month, now, true, std::max(from, today(config, now)));
  transaction.commit();
  return report;
}

}  // namespace kangle::schedule
