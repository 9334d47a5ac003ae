// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string>

#include "config/model.hpp"
#include "records/record.hpp"
#include "storage/connection.hpp"

namespace kangle::records {

/// Stores `grant` (hours granted by hand) and returns it with its id. InputError when its
/// day is after today or before 2000, or its minutes pass `[records] max_grant_hours`.
Grant grant_hours(storage::Connection& db, const config::Config& config, Grant grant, const std::string& now);

/// Revokes grant `id` by a new grant of the opposite minutes, on its day, that names it:
/// both stay, and hours are counted net. Returns the revocation with its id. InputError
/// when there is no such grant, it is a revocation itself, or it was revoked before.
Grant revoke_grant(storage::Connection& db, std::int64_t id, const std::string& reason, const std::string& approved_by,
                   const std::string& now);

}  // namespace kangle::records
