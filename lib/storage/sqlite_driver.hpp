// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <memory>
#include <string>

#include "storage/driver.hpp"

namespace kangle::storage {

/// A connection to the SQLite file `file` (":memory:" for one in memory), used by one
/// thread; `create` makes the file when missing. Waits `busy_timeout_ms` for another
/// connection's write lock before failing as busy.
std::unique_ptr<ConnectionDriver> open_sqlite(const std::string& file, Access access, bool create, int busy_timeout_ms);

}  // namespace kangle::storage
