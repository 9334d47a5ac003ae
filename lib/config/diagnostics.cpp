// SPDX-License-Identifier: Apache-2.0
#include "config/diagnostics.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "core/i18n.hpp"

namespace kangle::config {

std::string format_diagnostic(const Diagnostic& d, Lang lang) {
  std::string where = d.at.file;
  if (d.at.line > 0) where += fmt::format(":{}:{}", d.at.line, d.at.column);
  std::string prefix = d.severity == Severity::warning ? std::string(message_text(Msg::warning_prefix, lang)) : "";
  return fmt::format("{}: {}{}", where, prefix, d.message.in(lang));
}

Message config_refusal(const Diagnostic& d) {
  return Message(Msg::config_has_errors, in_both_languages([&](Lang lang) { return format_diagnostic(d, lang); }));
}

void Diagnostics::error(Position at, Message message) {
  items_.push_back({std::move(at), Severity::error, std::move(message)});
}

void Diagnostics::warning(Position at, Message message) {
  items_.push_back({std::move(at), Severity::warning, std::move(message)});
}

bool Diagnostics::has_errors() const {
  return std::any_of(items_.begin(), items_.end(), [](const auto& d) { return d.severity == Severity::error; });
}

std::vector<Diagnostic> Diagnostics::sorted() const {
  auto out = items_;
  std::stable_sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.at < b.at; });
  return out;
}

}  // namespace kangle::config
