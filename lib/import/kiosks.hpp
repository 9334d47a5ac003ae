// SPDX-License-Identifier: Apache-2.0
// `kangle import kiosks`: the coordinator's table of stations and menus (站点表) becomes
// kiosks/<id>.toml files, and the services the catalogue lacks new entries of services.toml.
#pragma once

#include <filesystem>
#include <functional>
#include <optional>
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
  /// The file's text the change was made from; nothing when there was no file. Written
  /// only while the file still holds it.
  std::optional<std::string> before;
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

/// `kangle kiosk add`: one station typed as options, each read as the stations table's
/// column of that name is (开放时间, 服务项目, 星期 in the same forms).
struct KioskAddRequest {
  std::string name;
  std::string id, short_name, name_en, address;
  std::string hours;     ///< "周一至周五 9:00-11:30；周六 9:00-11:00"
  std::string services;  ///< "理发、测血压": offered on the days of `days`, else on every open day
  std::string days;      ///< "每周四", "每月第二个周六"
  std::string time;      ///< "9:00-11:00", when not the opening hours
  bool dry_run = false;
  Lang lang = Lang::zh_CN;  ///< of the comments written into the file
};

/// Writes kiosks/<id>.toml for the station `request` gives (and services.toml's entries for
/// services the catalogue lacks), as import_kiosks does for one row. Refuses (InputError)
/// a kiosk whose file or name exists already; an option that cannot be read is a rejected
/// issue of the report, its column the option, and nothing is written.
KioskImportReport add_kiosk(const config::Config& config, const std::filesystem::path& workspace,
                            const KioskAddRequest& request);

/// `kangle service add`: one service for services.toml.
struct ServiceAddRequest {
  std::string name;
  std::string id;        ///< default: made of the name
  std::string skill;     ///< a skill's id, name or alias; a new skill of that name otherwise
  std::string category;  ///< a category's id or name
  std::optional<int> daily_cap;
  bool dry_run = false;
  Lang lang = Lang::zh_CN;
};

struct ServiceAddReport {
  std::string id, skill, category;
  std::string skill_name, category_name;  ///< as people read them, in the request's language
  bool new_skill = false;
  KioskFileChange file;  ///< services.toml as it is written
  bool dry_run = false;
  bool written = false;
};

/// Appends the service to services.toml, the rest of the file as it was. Without a skill,
/// the one its name says (书法班 → 书法), else a new skill of its name; without a category,
/// that of the skill's other services, else the imported ones'. Refuses (InputError) a name
/// or id the catalogue knows, a category it does not, a file that would not load.
ServiceAddReport add_service(const config::Config& config, const std::filesystem::path& workspace,
                             const ServiceAddRequest& request);

/// Writes `files` into `workspace` all or none, under a lock on its kangle.toml that
/// another kangle writing the configs waits for. Refused (InputError, nothing written)
/// when a file no longer holds the text its change was made from (another command or an
/// editor changed it meanwhile), when the workspace with the files would not load, or
/// when `refuse`, given the workspace as loaded with them, throws.
void write_config_changes(const std::filesystem::path& workspace, const std::vector<KioskFileChange>& files,
                          const std::function<void(const config::Config&)>& refuse = {});

/// The marker line of a kiosk file the import wrote: the SHA-256 of everything after it.
inline constexpr std::string_view kiosk_hash_marker = "# kangle-import-sha256: ";

/// True when `text` holds the marker and what follows it is exactly what the import wrote.
bool written_by_import(std::string_view text);

/// A kiosk or service id made of `name`: NFKC, with what an id may not hold (spaces, dots,
/// ·, brackets) left out: "梧桐·SPACE" → "梧桐SPACE". Empty when nothing is left.
std::string id_from_name(std::string_view name);

/// What `kiosk add` did, in `lang`: the file written, or each option it could not read.
present::Document kiosk_add_document(const KioskImportReport& report, Lang lang);

/// What `service add` did, in `lang`.
present::Document service_add_document(const ServiceAddReport& report, Lang lang);

/// What the kiosks import did, in `lang`: counts, every rejected cell with file, row and
/// column, the files written.
present::Document kiosk_import_document(const KioskImportReport& report, const std::string& file, Lang lang);

}  // namespace kangle::import
