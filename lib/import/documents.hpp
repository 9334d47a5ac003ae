// SPDX-License-Identifier: Apache-2.0
// `kangle import`: a spreadsheet into one of the lists, as typed on the command line,
// and what the import says it did.
#pragma once

#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "config/model.hpp"
#include "import/kiosks.hpp"
#include "import/pipeline.hpp"
#include "present/document.hpp"

namespace kangle::storage {
class Connection;
}

namespace kangle::import {

/// The lists a spreadsheet can be imported into.
enum class List { volunteers, needs, resources, records };

/// `volunteers`, `needs`, …: the subcommand and the list's name in columns.toml.
std::string_view list_name(List list);

/// An import as typed.
struct ImportRequest {
  List list = List::volunteers;
  std::string file;
  std::optional<std::string> sheet;
  std::vector<std::string> maps;         ///< `--map "联系方式=phone"`
  std::optional<std::string> encoding;   ///< of a CSV file: utf-8, gbk, gb18030
  std::optional<std::string> rejects;    ///< where rejected rows go
  bool dry_run = false;
  std::function<void(std::size_t)> progress;  ///< told the rows read so far
  Lang lang = Lang::zh_CN;                    ///< of the rejects file's reasons
};

/// Imports `request.file` into its list, with the workspace's columns.toml: InputError
/// when columns.toml has errors, UsageError for a `--map` naming no field or an unknown encoding.
ImportReport run_import(storage::Connection& db, const config::Config& config, const std::filesystem::path& workspace,
                        const ImportRequest& request, const std::string& now);

/// `import kiosks` as typed.
struct KioskImportRequest {
  std::string file;
  std::optional<std::string> sheet;
  std::vector<std::string> maps;
  std::optional<std::string> encoding;
  bool dry_run = false;
  bool replace = false;
  Lang lang = Lang::zh_CN;  ///< of the comments written into the files
};

/// Imports the stations table `request.file` into kiosk files (import_kiosks), with the
/// workspace's columns.toml; the same refusals as run_import for columns.toml, --map and --encoding.
KioskImportReport run_kiosk_import(const config::Config& config, const std::filesystem::path& workspace,
                                   const KioskImportRequest& request);

/// What the import did (`import`): counts, then every row not simply added, each
/// naming its file, row and column, in `lang`; the counts as facts. Times are shown in `timezone`.
present::Document import_document(const ImportReport& report, const std::string& file, List list,
                                  const std::string& timezone, Lang lang);

}  // namespace kangle::import
