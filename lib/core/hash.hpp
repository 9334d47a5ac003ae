// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

namespace kangle {

/// The SHA-256 of the file's bytes in lower-case hex, read in chunks.
/// Throws InputError naming the file when it cannot be read.
std::string file_sha256(const std::filesystem::path& file);

/// The SHA-256 of `bytes` in lower-case hex.
std::string sha256_hex(std::string_view bytes);

}  // namespace kangle
