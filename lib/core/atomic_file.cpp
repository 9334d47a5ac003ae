// SPDX-License-Identifier: Apache-2.0
#include "core/atomic_file.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "core/i18n.hpp"

namespace kangle {
namespace {

/// Why a write failed: in words of the catalogue for what a clerk can act on, the system's otherwise.
[[noreturn]] void fail(const std::filesystem::path& path, int error) {
  switch (error) {
    case ENOSPC:
    case EDQUOT: throw WorkspaceError(Message(Msg::cannot_write_file, path.string(), Msg::reason_disk_full));
    case EROFS:
    case EACCES:
    case EPERM: throw WorkspaceError(Message(Msg::cannot_write_file, path.string(), Msg::reason_not_writable));
    default: throw WorkspaceError(Message(Msg::cannot_write_file, path.string(), std::strerror(error)));
  }
}

/// Writes all of `content` to `fd`; the errno of the failure, or 0.
int write_all(int fd, std::string_view content) {
  const char* data = content.data();
  std::size_t left = content.size();
  while (left > 0) {
    ssize_t written = ::write(fd, data, left);
    if (written < 0) {
      if (errno == EINTR) continue;
      return errno;
    }
    data += written;
    left -= static_cast<std::size_t>(written);
  }
  return 0;
}

}  // namespace

std::optional<std::string> read_file(const std::filesystem::path& path, std::string& why) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    why = std::strerror(errno);
    return std::nullopt;
  }
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

void write_file_atomically(const std::filesystem::path& path, std::string_view content) {
  // /dev/null, /dev/stdout or a named pipe: written to as they are. A rename would put
  // a plain file in their place (and, as root, break /dev/null for the whole machine).
  std::error_code ec;
  auto status = std::filesystem::status(path, ec);
  if (!ec && std::filesystem::is_directory(status)) throw WorkspaceError(Message(Msg::output_is_folder, path.string()));
  if (!ec && std::filesystem::exists(status) && !std::filesystem::is_regular_file(status)) {
    int fd = ::open(path.c_str(), O_WRONLY | O_CLOEXEC);
    if (fd < 0) fail(path, errno);
    int error = write_all(fd, content);
    ::close(fd);
    if (error != 0) fail(path, error);
    return;
  }
  auto temporary = path;
  temporary += ".tmp-" + std::to_string(::getpid());
  int fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) fail(path, errno);
  if (int error = write_all(fd, content); error != 0) {
    ::close(fd);
    ::unlink(temporary.c_str());
    fail(path, error);
  }
  int synced = ::fsync(fd);
  int sync_error = errno;
  int closed = ::close(fd);
  if (synced != 0 || closed != 0) {
    int error = synced != 0 ? sync_error : errno;
    ::unlink(temporary.c_str());
    fail(path, error);
  }
  if (::rename(temporary.c_str(), path.c_str()) != 0) {
    int error = errno;
    ::unlink(temporary.c_str());
    fail(path, error);
  }
  // Make the rename itself durable.
  int dir = ::open(path.has_parent_path() ? path.parent_path().c_str() : ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dir >= 0) {
    ::fsync(dir);
    ::close(dir);
  }
}

std::size_t write_folder_atomically(const std::filesystem::path& folder,
                                    const std::function<void(const std::filesystem::path& staging)>& fill) {
  namespace fs = std::filesystem;
  if (fs::exists(folder) && !fs::is_directory(folder)) throw UsageError(Message(Msg::folder_is_file, folder.string()));
  std::error_code error;
  auto parent = folder.parent_path().empty() ? fs::path(".") : folder.parent_path();
  fs::create_directories(parent, error);
  if (error) throw WorkspaceError(Message(Msg::cannot_create_folder, parent.string(), error.message()));
  // Beside the target, on the same file system, so that moving it in is a rename.
  auto staging = parent / ("." + folder.filename().string() + ".kangle-" + std::to_string(::getpid()));
  fs::remove_all(staging, error);
  fs::create_directory(staging, error);
  if (error) throw WorkspaceError(Message(Msg::cannot_create_folder, staging.string(), error.message()));
  try {
    fill(staging);
    std::vector<fs::path> names;
    for (const auto& entry : fs::directory_iterator(staging)) names.push_back(entry.path().filename());
    fs::rename(staging, folder, error);
    if (error) {
      fs::create_directories(folder);
      for (const auto& name : names) fs::rename(staging / name, folder / name);
      fs::remove(staging);
    }
    return names.size();
  } catch (const fs::filesystem_error& e) {
    fs::remove_all(staging, error);
    throw WorkspaceError(Message(Msg::cannot_write_file, folder.string(), e.code().message()));
  } catch (...) {
    fs::remove_all(staging, error);
    throw;
  }
}

FileLock::FileLock(const std::filesystem::path& path) {
  fd_ = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd_ < 0) throw WorkspaceError(Message(Msg::cannot_read_file, path.string(), std::strerror(errno)));
  while (::flock(fd_, LOCK_EX) != 0) {
    if (errno == EINTR) continue;
    int error = errno;
    ::close(fd_);
    throw WorkspaceError(Message(Msg::cannot_read_file, path.string(), std::strerror(error)));
  }
}

FileLock::~FileLock() { ::close(fd_); }  // closing the file releases the lock

}  // namespace kangle
