// SPDX-License-Identifier: Apache-2.0
#include "core/error.hpp"

#include <utility>

namespace kangle {

Error::Error(Message message, ExitCode code)
    : std::runtime_error(message.in(Lang::en)), message_(std::move(message)), code_(code) {}

Error::Error(const std::string& text, ExitCode code) : Error(Message::verbatim(text), code) {}

}  // namespace kangle
