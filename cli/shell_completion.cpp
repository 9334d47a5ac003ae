// SPDX-License-Identifier: Apache-2.0
// The bash and zsh completion scripts, written from the command tree (describe.hpp).
#include <fmt/format.h>

#include <cctype>

#include "describe.hpp"
#include "core/text.hpp"
#include "workspace/complete.hpp"

namespace kangle::cli {
namespace {

/// `s` as one single-quoted shell word (bash and zsh alike).
std::string shell_quoted(std::string_view s) {
  std::string out = "'";
  for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

std::vector<std::string> option_names(const std::vector<OptionInfo>& options, bool valued_only) {
  std::vector<std::string> names;
  for (const auto& option : options) {
    if (valued_only && option.value == ValueKind::none) continue;
    names.insert(names.end(), option.names.begin(), option.names.end());
  }
  return names;
}

std::vector<std::string> command_names(const CommandInfo& command) {
  std::vector<std::string> names;
  for (const auto& sub : command.commands) names.push_back(sub.path.back());
  return names;
}

/// What `kangle __complete` is asked for a value of the workspace's own.
std::string_view workspace_values(ValueKind kind) {
  using workspace::Completed;
  switch (kind) {
    case ValueKind::kiosk: return workspace::completed_word(Completed::kiosks);
    case ValueKind::person: return workspace::completed_word(Completed::people);
    case ValueKind::month: return workspace::completed_word(Completed::months);
    default: return "";
  }
}

/// The bash statement that completes one value, the current word being `$cur`.
std::string bash_value_action(const OptionInfo& option) {
  switch (option.value) {
    case ValueKind::kiosk:
    case ValueKind::person:
    case ValueKind::month: return "_kangle_reply_workspace " + std::string(workspace_values(option.value));
    case ValueKind::choice: return "_kangle_reply_words " + shell_quoted(text::join(option.choices, " "));
    case ValueKind::file: return "_kangle_reply_files";
    case ValueKind::folder: return "_kangle_reply_folders";
    case ValueKind::free:
    case ValueKind::none: break;
  }
  return ":";  // free text: nothing to offer, and no file names either
}

constexpr const char* bash_main = R"sh(
# _kangle_takes_value PATH WORD: whether WORD is an option taking a value at the
# command PATH or above it (kangle's own options are understood after a command).
_kangle_takes_value() {
  local p=$1 commands options valued
  while _kangle_level "$p"; do
    [[ " $valued " == *" $2 "* ]] && return 0
    [[ -z $p ]] && return 1
    if [[ $p == *' '* ]]; then p=${p% *}; else p=''; fi
  done
  return 1
}

# _kangle_complete_value PATH OPTION: the values of OPTION (or #N, the Nth
# argument) at the command PATH or above it.
_kangle_complete_value() {
  local p=$1
  while ! _kangle_values "$p" "$2"; do
    [[ -z $p ]] && return 0
    if [[ $p == *' '* ]]; then p=${p% *}; else p=''; fi
  done
}

_kangle_reply_words() { mapfile -t COMPREPLY < <(compgen -W "$1" -- "$cur"); }
_kangle_reply_files() { compopt -o filenames 2>/dev/null; mapfile -t COMPREPLY < <(compgen -f -- "$cur"); }
_kangle_reply_folders() { compopt -o filenames 2>/dev/null; mapfile -t COMPREPLY < <(compgen -d -- "$cur"); }
# The workspace's kiosks, people or months, from kangle itself (nothing outside a
# workspace): the one the line names with -w, found from here otherwise.
_kangle_reply_workspace() {
  local IFS=$'\n'
  mapfile -t COMPREPLY < <(compgen -W "$(kangle "${workspace[@]}" __complete "$1" 2>/dev/null)" -- "$cur")
}

_kangle() {
  local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]} path='' word
  local commands options valued i=1 positional=0 workspace=()
  COMPREPLY=()
  while (( i < COMP_CWORD )); do
    word=${COMP_WORDS[i]}
    if [[ $word == -* && ${COMP_WORDS[i+1]} == = ]]; then
      [[ $word == --workspace ]] && workspace=(-w "${COMP_WORDS[i+2]/#\~/$HOME}")
      (( i += 3 ))  # --option=value: bash splits it at the = into three words
      continue
    fi
    if [[ $word == -* ]]; then
      [[ $word == -w || $word == --workspace ]] && workspace=(-w "${COMP_WORDS[i+1]/#\~/$HOME}")
      _kangle_takes_value "$path" "$word" && (( i++ ))
    elif _kangle_level "$path" && [[ " $commands " == *" $word "* ]]; then
      path=${path:+$path }$word
      positional=0
    else
      (( positional++ ))
    fi
    (( i++ ))
  done
  if [[ $cur == = && $prev == -* ]]; then
    cur=''
    _kangle_complete_value "$path" "$prev"
  elif [[ $prev == = && ${COMP_WORDS[COMP_CWORD-2]} == -* ]]; then
    _kangle_complete_value "$path" "${COMP_WORDS[COMP_CWORD-2]}"
  elif [[ $prev == -* ]] && _kangle_takes_value "$path" "$prev"; then
    _kangle_complete_value "$path" "$prev"
  elif ! _kangle_level "$path"; then
    return 0
  elif [[ $cur == -* ]]; then
    _kangle_reply_words "$options"
  elif [[ -n $commands ]]; then
    _kangle_reply_words "$commands"
  else
    _kangle_complete_value "$path" "#$(( positional + 1 ))"
  fi
  return 0
}

complete -F _kangle kangle
)sh";

/// `s` escaped for an _arguments option description between [ and ].
std::string zsh_bracketed(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c == '[' || c == ']' || c == '\\') out += '\\';
    out += c;
  }
  return out;
}

/// `s` escaped for a _arguments message, between colons.
std::string zsh_message(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c == ':' || c == '\\') out += '\\';
    out += c;
  }
  return out;
}

/// The _arguments action completing one value: ":message:action".
std::string zsh_value(const OptionInfo& option) {
  auto message = ":" + zsh_message(option.name) + ":";
  switch (option.value) {
    case ValueKind::choice: {
      std::vector<std::string> words;
      for (const auto& choice : option.choices) {
        std::string word;
        for (char c : choice) {
          if (c == ' ' || c == '(' || c == ')' || c == '\\' || c == ':') word += '\\';
          word += c;
        }
        words.push_back(word);
      }
      return message + "(" + text::join(words, " ") + ")";
    }
    case ValueKind::kiosk:
    case ValueKind::person:
    case ValueKind::month: return message + "{_kangle_workspace " + std::string(workspace_values(option.value)) + "}";
    case ValueKind::file: return message + "_files";
    case ValueKind::folder: return message + "_files -/";
    case ValueKind::free:
    case ValueKind::none: break;
  }
  return message + " ";
}

std::string zsh_function(const CommandInfo& command) {
  std::string name = "_kangle";
  for (const auto& word : command.path) {
    name += '_';
    for (char c : word) name += std::isalnum(static_cast<unsigned char>(c)) ? c : '_';
  }
  return name;
}

void zsh_command(const CommandInfo& command, std::string& out) {
  std::vector<std::string> specs;
  for (const auto& option : command.options) {
    auto exclusions = option.names.size() > 1 && !option.repeatable ? "(" + text::join(option.names, " ") + ")" : "";
    for (const auto& name : option.names) {
      auto spec = (option.repeatable ? "*" : exclusions) + name + "[" + zsh_bracketed(option.description) + "]";
      if (option.value != ValueKind::none) spec += zsh_value(option);
      specs.push_back(shell_quoted(spec));
    }
  }
  if (command.commands.empty()) {
    for (const auto& positional : command.positionals) {
      auto kind = positional.repeatable ? "*:" : positional.required ? ":" : "::";
      specs.push_back(shell_quoted(kind + zsh_value(positional).substr(1)));
    }
  } else {
    specs.push_back(shell_quoted("1: :->command"));
    specs.push_back(shell_quoted("*:: :->argument"));
  }
  out += fmt::format("{}() {{\n", zsh_function(command));
  if (!command.commands.empty()) out += "  local curcontext=$curcontext state line\n  typeset -A opt_args\n";
  out += fmt::format("  _arguments {}-s \\\n    {}\n", command.commands.empty() ? "" : "-C ",
                     text::join(specs, " \\\n    "));
  if (!command.commands.empty()) {
    auto label = command.path.empty() ? std::string("kangle") : "kangle " + join_path(command.path);
    out += "  case $state in\n    command)\n      local -a commands=(\n";
    for (const auto& sub : command.commands) {
      out += fmt::format("        {}\n", shell_quoted(zsh_message(sub.path.back()) + ":" + sub.summary));
    }
    out += fmt::format("      )\n      _describe -t commands {} commands ;;\n", shell_quoted(label + " command"));
    auto context = command.path.empty() ? std::string("kangle") : "kangle-" + join_path(command.path, "-");
    out += "    argument)\n      curcontext=${curcontext%:*:*}:" + context + "-$words[1]:\n      case $words[1] in\n";
    for (const auto& sub : command.commands) {
      out += fmt::format("        {}) {} ;;\n", shell_quoted(sub.path.back()), zsh_function(sub));
    }
    out += "      esac ;;\n  esac\n";
  }
  out += "}\n\n";
}

}  // namespace

std::string bash_completion(const CommandInfo& root) {
  std::string out =
      "# bash completion for kangle, written by `kangle completion bash` from its command\n"
      "# table: do not edit. To use it without installing it: source <(kangle completion bash)\n"
      "\n"
      "# _kangle_level PATH: sets the subcommands, the options and the options that take\n"
      "# a value of the command PATH (\"\" for kangle itself); fails for no such command.\n"
      "_kangle_level() {\n  case $1 in\n";
  for (const auto* command : flatten(root)) {
    out += fmt::format("    {})\n      commands={}\n      options={}\n      valued={} ;;\n",
                       shell_quoted(join_path(command->path)), shell_quoted(text::join(command_names(*command), " ")),
                       shell_quoted(text::join(option_names(command->options, false), " ")),
                       shell_quoted(text::join(option_names(command->options, true), " ")));
  }
  out +=
      "    *) return 1 ;;\n  esac\n}\n"
      "\n"
      "# _kangle_values PATH OPTION: completes the value of OPTION (#N: the Nth argument)\n"
      "# of the command PATH; fails when that command has no such option.\n"
      "_kangle_values() {\n  case $1:$2 in\n";
  for (const auto* command : flatten(root)) {
    auto path = join_path(command->path);
    for (const auto& option : command->options) {
      if (option.value == ValueKind::none) continue;
      std::vector<std::string> patterns;
      for (const auto& name : option.names) patterns.push_back(shell_quoted(path + ":" + name));
      out += fmt::format("    {}) {} ;;\n", text::join(patterns, "|"), bash_value_action(option));
    }
    if (!command->commands.empty()) continue;
    for (std::size_t i = 0; i < command->positionals.size(); ++i) {
      out += fmt::format("    {}) {} ;;\n", shell_quoted(fmt::format("{}:#{}", path, i + 1)),
                         bash_value_action(command->positionals[i]));
    }
  }
  out += "    *) return 1 ;;\n  esac\n}\n";
  return out + bash_main;
}

std::string zsh_completion(const CommandInfo& root) {
  std::string out =
      "#compdef kangle\n"
      "# zsh completion for kangle, written by `kangle completion zsh` from its command\n"
      "# table: do not edit. Installed as _kangle in a folder of $fpath, or sourced:\n"
      "# source <(kangle completion zsh)   (after compinit)\n"
      "\n"
      "# The workspace's kiosks, people or months, from kangle itself: the one the\n"
      "# line names with -w or --workspace, found from here otherwise.\n"
      "_kangle_workspace() {\n"
      "  local -a values workspace\n"
      "  local i=${words[(I)(-w|--workspace)]} given=${words[(r)--workspace=*]}\n"
      "  if (( i )); then workspace=(-w ${~${(Q)words[i+1]}})\n"
      "  elif [[ -n $given ]]; then workspace=(-w ${~${(Q)given#--workspace=}})\n"
      "  fi\n"
      "  values=(${(f)\"$(kangle $workspace __complete $1 2>/dev/null)\"})\n"
      "  compadd -a values\n"
      "}\n"
      "\n";
  for (const auto* command : flatten(root)) zsh_command(*command, out);
  out +=
      "if [[ $funcstack[1] == _kangle ]]; then\n"
      "  _kangle \"$@\"  # autoloaded from $fpath: complete now\n"
      "else\n"
      "  compdef _kangle kangle\n"
      "fi\n";
  return out;
}

}  // namespace kangle::cli
