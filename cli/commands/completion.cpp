// SPDX-License-Identifier: Apache-2.0
// kangle completion bash|zsh
#include <fmt/format.h>

#include <memory>

#include "../commands.hpp"
#include "../describe.hpp"
#include "workspace/complete.hpp"

namespace kangle::cli {

void define_completion(CLI::App& command, Action& action) {
  auto shell = std::make_shared<std::string>();
  command.add_option("shell", *shell, "The shell: bash or zsh")->required()->check(CLI::IsMember({"bash", "zsh"}));
  action = [shell, &command](Context&) {
    // Every command and option, kangle's own included: the tree from the root App.
    const CLI::App* root = &command;
    while (root->get_parent()) root = root->get_parent();
    auto tree = describe(*root);
    fmt::print("{}", *shell == "zsh" ? zsh_completion(tree) : bash_completion(tree));
    return 0;
  };
}

void define_complete_values(CLI::App& command, Action& action) {
  command.group("");  // hidden: the completion scripts call it
  auto what = std::make_shared<std::string>();
  command.add_option("what", *what, "kiosks, people or months")->required()->check([](const std::string& word) {
    return workspace::parse_completed(word) ? std::string() : "not kiosks, people or months: " + word;
  });
  action = [what](Context& context) {
    for (const auto& value : workspace::completion_values(context.workspace, *workspace::parse_completed(*what), context.today)) {
      fmt::print("{}\n", value);
    }
    return 0;
  };
}

}  // namespace kangle::cli
