// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "config/model.hpp"
#include "records/record.hpp"

namespace kangle::points {

/// Points one rule of points.toml earns one volunteer for one record.
struct Award {
  std::int64_t volunteer = 0;
  int points = 0;
  std::string rule;    ///< per_session, service:ID, per_hour, outreach, holiday, themed_event
  std::string source;  ///< record:ID:VOLUNTEER:RULE, unique in the ledger
  Message reason;      ///< the record and the rule, in words
};

/// The source prefix of every award for `volunteer` at `record`.
std::string record_source_prefix(std::int64_t record, std::int64_t volunteer);

/// What the rules earn each volunteer present at `record`, one award per rule that
/// pays: the session (or the service's own points), each whole hour served, and the
/// bonuses for an outreach visit, a day off (weekend, public holiday or 调休 make-up
/// day) and a monthly themed event. Rules worth nothing give no award.
std::vector<Award> awards_for(const config::Config& config, const records::Record& record);

/// A rule as people read it: 每班次, 每小时, 上门服务奖励…; `service:haircut` by the service's name.
std::string rule_label(const config::Catalogue& catalogue, const std::string& rule, Lang lang);


}  // namespace kangle::points
