// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string_view>
#include <vector>

namespace kangle::config {

/// A file of config/ or examples/ compiled into the binary (scripts/embed_files.cmake).
struct EmbeddedFile {
  std::string_view path;  ///< relative to the source tree, e.g. `config/services.toml`
  std::string_view content;
};

/// Every embedded file, in the order CMake lists them.
const std::vector<EmbeddedFile>& embedded_files();

/// The names of the bundled examples (`kangjian`), from the embedded `examples/NAME/` folders.
std::vector<std::string_view> example_names();

}  // namespace kangle::config
