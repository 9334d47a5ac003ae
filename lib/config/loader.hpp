// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "config/diagnostics.hpp"
#include "config/model.hpp"

namespace kangle::config {

/// The street's residential compounds (config::Community); a workspace may do without.
inline constexpr const char* communities_file = "communities.toml";

/// An id is one word, in Chinese or not (梧桐SPACE, umbrella-repair): a file name, a key
/// and a code in every output, so no spaces, dots or slashes; and as NFKC writes it, so
/// that a full-width ＳＰＡＣＥ or an invisible filler cannot make a second 梧桐SPACE.
bool is_valid_id(std::string_view id);

/// Every config file of the workspace at `root`, with every problem found.
/// Never throws for bad content: a broken file becomes diagnostics, and
/// loading goes on with the other files so that `check` can list everything.
struct LoadResult {
  Config config;
  Diagnostics diagnostics;
};
LoadResult load_config(const std::filesystem::path& root);

/// The workspace's config files by their names in it ("kangle.toml", "kiosks/pubei.toml"),
/// their texts in memory.
using ConfigTexts = std::map<std::string, std::string, std::less<>>;

/// The same as `load_config(root)` on a folder holding exactly `files`: parsing and
/// checking without a disk, for tests and fuzzing. A missing file reads as absent.
LoadResult load_config_texts(const ConfigTexts& files);

/// The workspace at `root` as it will read once the files in `replacing` are written:
/// what an import checks before it writes anything.
LoadResult load_config(const std::filesystem::path& root, const ConfigTexts& replacing);

/// The workspace's config, or InputError naming the first problem when there is any.
Config load_valid_config(const std::filesystem::path& root);

/// The `language` of kangle.toml, read before anything else so that every
/// later message is in that language; nothing when unreadable or absent.
std::optional<Lang> peek_language(const std::filesystem::path& root);

}  // namespace kangle::config
