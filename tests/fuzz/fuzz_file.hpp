// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

namespace kangle::fuzz {

/// A file of this process's own under the temporary folder, rewritten with each input:
/// the readers take a path, as the CLI gives them. Removed at exit.
class InputFile {
public:
  explicit InputFile(const std::string& name) {
    dir_ = std::filesystem::temp_directory_path() / ("kangle-fuzz-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir_);
    path_ = dir_ / name;
  }
  InputFile(const InputFile&) = delete;
  InputFile& operator=(const InputFile&) = delete;
  ~InputFile() {
    std::error_code ec;
    std::filesystem::remove_all(dir_, ec);
  }

  const std::filesystem::path& write(const std::uint8_t* data, std::size_t size) const {
    std::ofstream out(path_, std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
    out.close();
    if (!out) std::abort();  // a full disk is no finding: stop rather than fuzz nothing
    return path_;
  }

  const std::filesystem::path& path() const { return path_; }

private:
  std::filesystem::path dir_;
  std::filesystem::path path_;
};

}  // namespace kangle::fuzz
