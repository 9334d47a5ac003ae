// SPDX-License-Identifier: Apache-2.0
#include "workspace/init.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "config/embedded.hpp"
#include "core/atomic_file.hpp"
#include "core/error.hpp"
#include "core/text.hpp"
#include "storage/database.hpp"
#include "workspace/templates.hpp"
#include "workspace/workspace.hpp"

namespace kangle::workspace {
namespace fs = std::filesystem;
namespace {

std::string default_settings(const std::string& name, Lang lang) {
  return fmt::format(R"(# The workspace: see docs/workspace.md for every key.
name     = "{}"
language = "{}"              # zh-CN or en
timezone = "Asia/Shanghai"

[defaults]
monthly_limit  = 4           # 每月最多班次 when a sign-up does not say
travel_minutes = 30          # gap between two kiosks on one day

[review]                     # how `kangle report services` sorts the services
demand_high       = 8.0      # residents per session at or above: high demand (固化 with good ratings)
demand_low        = 3.0      # below: little demand (嫁接, 保留 or 退出)
satisfaction_good = 4.5      # at or above: residents like it
satisfaction_poor = 3.5      # below: poor ratings (退出)
keen_volunteers   = 3        # volunteers with the skill at or above: volunteers want to offer it (嫁接)
niche_kiosks      = 1        # at this many kiosks or fewer and by no resource: nobody else offers it (保留)

[assessment]                 # how `kangle report units` ranks the co-building units (反向考核)
prior_ratings     = 10       # a unit's satisfaction counts as if it had this many more ratings at the street's mean
)",
                     name, lang_code(lang));
}

/// The example's kangle.toml with its language line set to `lang`.
std::string with_language(std::string settings, Lang lang) {
  auto at = settings.find("\nlanguage");
  if (at == std::string::npos) return settings;
  auto end = settings.find('\n', at + 1);
  auto line = settings.substr(at + 1, end - at - 1);
  auto open = line.find('"');
  auto close = line.find('"', open + 1);
  if (open == std::string::npos || close == std::string::npos) return settings;
  line.replace(open + 1, close - open - 1, lang_code(lang));
  settings.replace(at + 1, end - at - 1, line);
  return settings;
}

}  // namespace

InitResult init_workspace(const InitOptions& options) {
  const auto& files = config::embedded_files();
  std::string example_prefix;
  if (options.example) {
    auto names = config::example_names();
    if (std::find(names.begin(), names.end(), *options.example) == names.end()) {
      std::vector<std::string> known(names.begin(), names.end());
      throw UsageError(Message(Msg::unknown_example, *options.example, text::join(known, ", ")));
    }
    example_prefix = "examples/" + *options.example + "/";
  }

  std::error_code ec;
  if (fs::exists(options.dir / marker_file, ec)) throw WorkspaceError(Message(Msg::workspace_exists, options.dir.string()));
  fs::create_directories(options.dir / "kiosks", ec);
  if (!ec) fs::create_directories(options.dir / "holidays", ec);
  if (ec) throw WorkspaceError(Message(Msg::cannot_write_file, options.dir.string(), ec.message()));

  InitResult result{options.dir, {}};
  std::optional<std::string> settings;
  auto write = [&](const std::string& relative, std::string_view content) {
    write_file_atomically(options.dir / relative, content);
    result.files.push_back(relative);
  };
  for (const auto& f : files) {
    if (f.path.starts_with("config/")) {
      write(std::string(f.path.substr(7)), f.content);
    } else if (!example_prefix.empty() && f.path.starts_with(example_prefix)) {
      auto relative = std::string(f.path.substr(example_prefix.size()));
      if (relative == marker_file) settings = std::string(f.content);
      else write(relative, f.content);
    }
  }
  Lang lang = options.language.value_or(Lang::zh_CN);
  if (settings && options.language) settings = with_language(*settings, lang);
  if (!settings) {
    auto name = fs::absolute(options.dir, ec).lexically_normal().filename().string();
    if (name.empty()) name = fs::absolute(options.dir, ec).lexically_normal().parent_path().filename().string();
    settings = default_settings(name, lang);
  }
  if (options.with_templates) {
    for (auto& name : write_templates(options.dir, lang)) result.files.push_back(std::move(name));
  }
  // A new kangle.toml names no shared database: KANGLE_DB alone may choose one.
  auto location = database_location(options.dir, config::Settings{});
  location.made_when_missing = true;  // a new workspace's database, wherever KANGLE_DB puts it
  storage::Database(location, storage::Access::read_write);
  // Listed where it is: a database made elsewhere (KANGLE_DB) is where this workspace's data goes.
  result.files.push_back(database_shown(options.dir, location));
  write(marker_file, *settings);  // last: the folder is a workspace only once all is in place
  return result;
}

present::Document init_document(const InitOptions& options, const Date& today, Lang lang) {
  auto result = init_workspace(options);
  std::string stations = stations_template_file, signups = signups_template_file;
  if (options.with_templates) {
    auto in_dir = [&](const std::string& name) { return options.dir == "." ? name : (options.dir / name).string(); };
    stations = in_dir(stations);
    signups = in_dir(signups);
  }
  std::vector<std::string> lines{tr(lang, Msg::workspace_created, result.dir.string())};
  for (const auto& file : result.files) lines.push_back("  " + file);
  std::vector<std::string> next_steps;
  if (!options.example) {
    // Runnable as printed, from where init ran.
    auto kangle = options.dir == "." ? std::string("kangle") : fmt::format("kangle -w {}", options.dir.string());
    auto month = std::chrono::year_month{today.year(), today.month()} + std::chrono::months{1};
    const std::pair<std::string, Msg> steps[] = {
        {kangle + " import kiosks " + stations, Msg::init_next_kiosks},
        {kangle + " import volunteers " + signups, Msg::init_next_volunteers},
        {fmt::format("{} schedule build --month {:04}-{:02}", kangle, static_cast<int>(month.year()),
                     static_cast<unsigned>(month.month())),
         Msg::init_next_rota}};
    lines.push_back("");
    lines.push_back(tr(lang, Msg::init_next_steps));
    std::size_t width = 52;  // the comments in one column, two spaces at least after the longest command
    for (const auto& [command, what] : steps) width = std::max(width, text::display_width(command) + 2);
    for (const auto& [command, what] : steps) {
      lines.push_back("  " + text::pad_right(command, width) + "# " + tr(lang, what));
      next_steps.push_back(command);
    }
  }
  return present::message(lang, "init", std::move(lines),
                          {{"dir", present::Value::text(result.dir.string())},
                           {"files", present::Value::list(result.files)},
                           {"next_steps", present::Value::list(next_steps)}});
}

}  // namespace kangle::workspace
