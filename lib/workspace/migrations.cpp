// SPDX-License-Identifier: Apache-2.0
#include "workspace/migrations.hpp"

namespace kangle::workspace {

const std::vector<std::string_view>& migrations() {
  static const std::vector<std::string_view> all = {
      // 1: the workspace itself.
      R"sql(
        CREATE TABLE meta (
          key   TEXT PRIMARY KEY,
          value TEXT NOT NULL
        );
        INSERT INTO meta (key, value) VALUES ('created_at', strftime('%Y-%m-%dT%H:%M:%SZ', 'now'));
      )sql",
  };
  return all;
}

}  // namespace kangle::workspace
