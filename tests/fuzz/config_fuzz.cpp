// SPDX-License-Identifier: Apache-2.0
// libFuzzer target: any text as one of a workspace's config files, loaded and checked as
// `kangle check` does, beside those files of the bundled example that it refers to or
// that refer to it (the rest are left out: parsing them would only slow each run). The
// file is named by a first line "# kiosks/dingxiang.toml" (as the seeds have it), else
// by the first byte.
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "config/embedded.hpp"
#include "config/loader.hpp"

namespace {

struct Role {
  std::string_view file;
  std::vector<std::string_view> beside;  ///< the example's files that take part in its checks
};

const std::vector<Role> roles = {
    {"kangle.toml", {}},
    {"services.toml", {"kiosks/dingxiang.toml", "points.toml"}},  // they name services
    {"kiosks/dingxiang.toml", {"services.toml", "holidays/2026.toml"}},
    {"holidays/2026.toml", {}},
    {"points.toml", {"services.toml"}},
};

/// The bundled example's workspace, as `kangle init --example kangjian` writes it.
kangle::config::ConfigTexts example() {
  kangle::config::ConfigTexts files;
  for (const auto& f : kangle::config::embedded_files()) {
    std::string_view path = f.path;
    for (std::string_view prefix : {"config/", "examples/kangjian/"}) {
      if (path.starts_with(prefix)) files[std::string(path.substr(prefix.size()))] = std::string(f.content);
    }
  }
  return files;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const kangle::config::ConfigTexts base = example();
  std::string_view text(reinterpret_cast<const char*>(data), size);
  if (text.empty()) return 0;
  const Role* role = &roles[static_cast<unsigned char>(text[0]) % roles.size()];
  for (const auto& r : roles) {
    if (text.starts_with("# ") && text.substr(2).starts_with(r.file) && text.substr(2 + r.file.size()).starts_with("\n"))
      role = &r;
  }
  kangle::config::ConfigTexts files;
  for (auto name : role->beside) files.emplace(std::string(name), base.at(std::string(name)));
  files.emplace(std::string(role->file), std::string(text));
  auto result = kangle::config::load_config_texts(files);
  // What `check` prints: every problem formatted with its place.
  for (const auto& d : result.diagnostics.sorted()) (void)kangle::config::format_diagnostic(d, kangle::Lang::en);
  return 0;
}
