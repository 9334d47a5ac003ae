// SPDX-License-Identifier: Apache-2.0
// The values shell completion offers from the workspace: its kiosks, its people, the
// months a coordinator works on.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/dates.hpp"

namespace kangle::workspace {

/// What a value names, as the completion scripts ask for it.
enum class Completed { kiosks, people, months };

/// The word the completion scripts ask for `what` by: `kiosks`, `people`, `months`.
std::string_view completed_word(Completed what);

/// What `completed_word` names; nothing for another word.
std::optional<Completed> parse_completed(std::string_view word);

/// The values of `what` in the workspace at `root`, read without writing anything:
/// kiosks by id and short name; volunteers by name (not the forgotten), none before the
/// database exists; the month before `today`'s, its own and the two after (YYYY-MM),
/// the next month first as the one most often built.
std::vector<std::string> completion_values(const std::filesystem::path& root, Completed what, const Date& today);

}  // namespace kangle::workspace
