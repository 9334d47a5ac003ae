// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "config/model.hpp"
#include "import/pipeline.hpp"
#include "people/edit.hpp"

namespace kangle::import {

/// Imports a volunteer sign-up sheet into the workspace database in one transaction
/// (rolled back for a dry run): one person per phone number (or ID number) across the
/// file and earlier imports, a later sign-up merging skills and availability and
/// updating the rest. Rejected rows are written with their header and a reason column
/// to the rejects file. Throws InputError when the file cannot be read at all.
ImportReport import_volunteers(storage::Connection& db, const config::Config& config, const ColumnAliases& aliases,
                               const ImportOptions& options, const std::string& now);

/// The skill ids a cell of skill words names (护士、测血压 → nurse), as the import reads
/// them: names, aliases, ids; the words it cannot place go to `unknown`.
std::vector<std::string> read_skills(const config::Catalogue& catalogue, std::string_view cell,
                                     std::vector<std::string>& unknown);

/// What `volunteers set` was given, as typed: only the fields given change.
struct VolunteerEditInput {
  std::optional<std::string> name, phone, availability, skills, certificate_expires;
  std::optional<int> monthly_limit;
};

/// Three sessions a day, every day: a monthly limit above is a typing mistake.
inline constexpr int max_monthly_limit = 31 * 3;

/// The edit `input` asks for, each value read as a sign-up sheet's is (names, phones,
/// availability, skills); a UsageError naming the first that cannot be read, or when
/// nothing is given.
people::VolunteerEdit read_volunteer_edit(const config::Catalogue& catalogue, const VolunteerEditInput& input);

}  // namespace kangle::import
