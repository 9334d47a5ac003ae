// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <filesystem>
#include <string_view>

namespace kangle {

/// Writes `content` to `path` so that a reader, or a crash, sees either the old file or
/// the complete new one: a temporary file in the same folder, flushed, then renamed.
/// Throws WorkspaceError naming the path when the folder is read-only or the disk is full.
/// A path that is not a plain file (/dev/null, a named pipe) is written to in place.
void write_file_atomically(const std::filesystem::path& path, std::string_view content);

}  // namespace kangle
