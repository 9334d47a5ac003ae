// SPDX-License-Identifier: Apache-2.0
// The command tree as plain data, walked from CLI11's App: completion and the man page come from it.
#include "describe.hpp"

#include <CLI/CLI.hpp>

#include "core/text.hpp"

namespace kangle::cli {
namespace {

std::vector<std::string> split(std::string_view s, char separator) {
  std::vector<std::string> parts;
  while (true) {
    auto at = s.find(separator);
    parts.emplace_back(s.substr(0, at));
    if (at == std::string_view::npos) return parts;
    s.remove_prefix(at + 1);
  }
}

OptionInfo describe_option(const CLI::Option& option) {
  OptionInfo info;
  for (const auto& name : option.get_snames()) info.names.push_back("-" + name);
  for (const auto& name : option.get_lnames()) info.names.push_back("--" + name);
  if (option.nonpositional()) {
    info.name = option.get_lnames().empty() ? option.get_snames().front() : option.get_lnames().front();
  } else {
    info.name = option.get_name();
  }
  info.description = option.get_description();
  info.required = option.get_required();
  if (option.get_items_expected_max() > 0) {  // zero for a flag
    classify_value(option.get_type_name(), info);
    info.repeatable = option.get_items_expected_max() > 1;
  }
  return info;
}

void describe_into(const CLI::App& app, std::vector<std::string> path, CommandInfo& info) {
  info.path = path;
  info.summary = app.get_description();
  for (const auto* option : app.get_options()) {
    if (option->get_group().empty()) continue;  // hidden
    auto described = describe_option(*option);
    (option->nonpositional() ? info.options : info.positionals).push_back(std::move(described));
  }
  auto named = [](const CLI::App* sub) { return !sub->get_name().empty() && !sub->get_group().empty(); };
  for (const auto* sub : app.get_subcommands(named)) {
    auto sub_path = path;
    sub_path.push_back(sub->get_name());
    describe_into(*sub, std::move(sub_path), info.commands.emplace_back());
  }
}

void flatten_into(const CommandInfo& command, std::vector<const CommandInfo*>& out) {
  out.push_back(&command);
  for (const auto& sub : command.commands) flatten_into(sub, out);
}

}  // namespace

void classify_value(const std::string& type, OptionInfo& option) {
  // CLI11 gives the type name, then ":" and each check's description: "TEXT:{needs,resources}".
  auto parts = split(type, ':');
  option.type = parts.front();
  option.value = ValueKind::free;
  for (const auto& part : parts) {
    if (part.size() > 2 && part.front() == '{' && part.back() == '}') {
      option.choices = split(std::string_view(part).substr(1, part.size() - 2), ',');
    } else if (part.find('|') != std::string::npos) {
      option.choices = split(part, '|');
    } else if (part == "FILE") {
      option.value = ValueKind::file;
    } else if (part == "DIR") {
      option.value = ValueKind::folder;
    } else if (part == "KIOSK") {
      option.value = ValueKind::kiosk;
    } else if (part == "PERSON") {
      option.value = ValueKind::person;
    } else if (part == "YYYY-MM") {
      option.value = ValueKind::month;
    }
  }
  if (!option.choices.empty()) {
    option.value = ValueKind::choice;
    option.type = text::join(option.choices, "|");
  }
}

CommandInfo describe(const CLI::App& app) {
  CommandInfo root;
  describe_into(app, {}, root);
  return root;
}

std::string join_path(const std::vector<std::string>& path, std::string_view separator) {
  return text::join(path, separator);
}

std::vector<const CommandInfo*> flatten(const CommandInfo& root) {
  std::vector<const CommandInfo*> out;
  flatten_into(root, out);
  return out;
}

}  // namespace kangle::cli
