// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string_view>
#include <vector>

namespace kangle::storage {

/// The schema's history: migration N (1-based) takes `user_version` from N-1 to N.
/// Never edit a migration that has shipped; add a new one at the end.
const std::vector<std::string_view>& migrations();

/// How a migration that rebuilds a table begins: the runner turns the foreign keys off
/// for it (SQLite's way to change a table's definition) and checks them after.
inline constexpr std::string_view foreign_keys_off = "-- foreign keys off";

}  // namespace kangle::storage
