// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace kangle {

/// The whole of the file at `path`, or nothing with the system's reason in `why` when it
/// cannot be opened.
std::optional<std::string> read_file(const std::filesystem::path& path, std::string& why);

/// Writes `content` to `path` so that a reader, or a crash, sees either the old file or
/// the complete new one: a temporary file in the same folder, flushed, then renamed.
/// Throws WorkspaceError naming the path when the folder is read-only or the disk is full.
/// A path that is not a plain file (/dev/null, a named pipe) is written to in place.
void write_file_atomically(const std::filesystem::path& path, std::string_view content);

/// Fills `folder` so that a reader sees none of the new files or all of them: `fill` writes
/// into a staging folder beside it, which then moves in. Into a folder that exists (other
/// files of the user's, an earlier set) each file moves in by a rename. The number of files.
/// Throws UsageError when `folder` is a file, WorkspaceError when it cannot be written.
std::size_t write_folder_atomically(const std::filesystem::path& folder,
                                    const std::function<void(const std::filesystem::path& staging)>& fill);

/// An exclusive advisory lock (flock) on the file at `path`, held while the object lives:
/// another holder is waited for. For writes of several files that must not interleave
/// with another kangle's. Throws WorkspaceError when the file cannot be opened.
class FileLock {
public:
  explicit FileLock(const std::filesystem::path& path);
  ~FileLock();
  FileLock(const FileLock&) = delete;
  FileLock& operator=(const FileLock&) = delete;

private:
  int fd_ = -1;
};

}  // namespace kangle
