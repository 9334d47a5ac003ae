// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string_view>
#include <vector>

namespace kangle::workspace {

/// The schema's history: migration N (1-based) takes `user_version` from N-1 to N.
/// Never edit a migration that has shipped; add a new one at the end.
const std::vector<std::string_view>& migrations();

}  // namespace kangle::workspace
