// SPDX-License-Identifier: Apache-2.0
// What `kangle volunteers` prints: the list, one volunteer with the changes kept of
// them, the declared absences, and what a change did. Phones and ID numbers masked
// unless revealed; yes and no are flags, fields and kinds codes, the same in every language.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "config/model.hpp"
#include "core/dates.hpp"
#include "import/volunteers.hpp"
#include "people/store.hpp"
#include "present/document.hpp"

namespace kangle::storage {
class Connection;
}

namespace kangle::volunteers {

/// `volunteers list`: the volunteers `filter` keeps, by name.
present::Document volunteers_listing(storage::Connection& db, const config::Config& config, const people::VolunteerFilter& filter,
                                     bool reveal, Lang lang);

/// `volunteers show`: a section for each volunteer `who` names (a phone, or a name several
/// may share): their details (a row a field, its code and value) and the changes kept of them.
present::Document volunteer_document(storage::Connection& db, const config::Config& config, const std::string& who,
                                     bool reveal, Lang lang);

/// `volunteers away` as typed: alone (or with only `who`) the list of declared absences,
/// with `from` (and `to`, `reason`) one declared, with `undo` one taken back.
struct AwayInput {
  std::string who, from, to, reason, by;
  std::optional<std::int64_t> undo;
};

/// The absences, or the one declared (and the seats of built rotas it falls on) or taken
/// back, each in one transaction. A bad date is a UsageError, so is a change without `who`.
present::Document away_document(storage::Connection& db, const config::Config& config, const AwayInput& input,
                                const std::string& now, Lang lang);

/// `volunteers set`: the fields `input` gives, read (import::read_volunteer_edit) and
/// changed in one transaction; says each change, or that nothing changed.
present::Document edit_document(storage::Connection& db, const config::Config& config, const std::string& who,
                                const import::VolunteerEditInput& input, const std::string& by, const std::string& now,
                                Lang lang);

}  // namespace kangle::volunteers
