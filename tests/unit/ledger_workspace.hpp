// SPDX-License-Identifier: Apache-2.0
// The example workspace with volunteers and service records stored by hand: what the
// points and report tests build their cases from.
#pragma once

#include <string>
#include <vector>

#include "import_report.hpp"
#include "people/store.hpp"
#include "points/actions.hpp"
#include "points/ledger.hpp"
#include "records/store.hpp"
#include "storage/connection.hpp"

namespace kangle::test {

constexpr const char* run_time = "2026-12-31T14:00:00Z";

inline kangle::Date day(const char* text) { return *kangle::parse_date(text); }

/// The example workspace with volunteers and records stored by hand.
class LedgerWorkspace : public ImportWorkspace {
public:
  std::int64_t volunteer(const std::string& name, bool party = false) {
    kangle::people::Volunteer v;
    v.name = name;
    v.phone = "1390000" + std::to_string(1000 + ++people_);
    v.party_member = party;
    return kangle::people::Store(sql()).insert(v, run_time);
  }
  /// A record at dingxiang of `service` on `date`, each volunteer serving `minutes`.
  std::int64_t record(const char* date, const std::string& service, std::vector<std::int64_t> volunteers,
                      int minutes = 120, kangle::config::Cadence cadence = kangle::config::Cadence::daily) {
    kangle::records::Record r;
    r.kiosk = "dingxiang";
    r.date = day(date);
    r.time = {9 * 60, 9 * 60 + minutes};
    r.cadence = cadence;
    r.service = service;
    if (service.empty()) r.title = "主题活动";
    for (auto v : volunteers) r.volunteers.push_back({v, minutes, false, ""});
    return *kangle::records::RecordStore(sql()).insert(r, run_time);
  }
  kangle::points::AwardReport award(bool dry_run = false) {
    return kangle::points::award(sql(), config_, std::nullopt, std::nullopt, actor, dry_run);
  }
  long balance(std::int64_t v) { return kangle::points::Ledger(sql()).balance(v); }
  std::int64_t entries() { return sql().query_integer("SELECT count(*) FROM points_ledger"); }
  /// Every entry as "volunteer rule points balance", in order.
  std::vector<std::string> ledger_lines() {
    std::vector<std::string> out;
    kangle::points::Ledger(sql()).for_each([&](const kangle::points::Entry& e) {
      out.push_back(std::to_string(e.volunteer) + " " + e.rule + " " + std::to_string(e.points) + " " +
                    std::to_string(e.balance));
    });
    return out;
  }
  kangle::config::Config& rules() { return config_; }
  kangle::points::Actor actor{"tester", run_time, kangle::local_date(run_time, "Asia/Shanghai"), kangle::Lang::en, "Asia/Shanghai"};

private:
  int people_ = 0;
};

}  // namespace kangle::test
