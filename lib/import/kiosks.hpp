// SPDX-License-Identifier: Apache-2.0
// `kangle import kiosks`: the coordinator's table of stations and menus (站点表) becomes
// kiosks/<id>.toml files, and the services the catalogue lacks new entries of services.toml.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "config/model.hpp"
#include "import/pipeline.hpp"
#include "present/document.hpp"

namespace kangle::import {

struct KioskImportOptions {
  std::filesystem::path file;
  TableOptions table;
  bool dry_run = false;
  /// Overwrite kiosk files changed by hand since the import wrote them.
  bool replace = false;
  /// The language of the comments written into the files.
  Lang lang = Lang::zh_CN;
};

/// One file the import writes (or would write), relative to the workspace.
struct KioskFileChange {
  enum class Kind { added, updated, unchanged };
  std::string path;  ///< "kiosks/梧桐SPACE.toml", "services.toml"
  Kind kind = Kind::added;
  std::string text;
};

struct KioskImportReport {
  ImportReport table;                    ///< sheet, header row, rejected rows and their issues
  std::size_t stations = 0;
  std::vector<KioskFileChange> files;    ///< kiosk files, then services.toml when it changes
  std::vector<std::string> new_services; ///< ids added to services.toml
  bool written = false;                  ///< false for a dry run and when a cell was rejected
};

/// Reads the stations table `options.file` (one row per station, or per station, day and
/// service; a station over several rows merged) against `config`'s catalogue. When every
/// cell reads, writes the kiosk files and services.toml into `workspace` all or none, after
/// the workspace with them has loaded without error (else InputError naming the problem).
/// A kiosk file that exists and is not as the import last wrote it is refused (InputError)
/// unless `options.replace`. Nothing is written for a dry run or when a row was rejected.
KioskImportReport import_kiosks(const config::Config& config, const std::filesystem::path& workspace,
                                const ColumnAliases& aliases, const KioskImportOptions& options);

/// The marker line of a kiosk file the import wrote: the SHA-256 of everything after it.
inline constexpr std::string_view kiosk_hash_marker = "# kangle-import-sha256: ";

/// True when `text` holds the marker and what follows it is exactly what the import wrote.
bool written_by_import(std::string_view text);

/// A kiosk or service id made of `name`: NFKC, with what an id may not hold (spaces, dots,
/// ·, brackets) left out: "梧桐·SPACE" → "梧桐SPACE". Empty when nothing is left.
std::string id_from_name(std::string_view name);

/// What the kiosks import did, in `lang`: counts, every rejected cell with file, row and
/// column, the files written.
present::Document kiosk_import_document(const KioskImportReport& report, const std::string& file, Lang lang);

}  // namespace kangle::import
