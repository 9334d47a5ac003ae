// SPDX-License-Identifier: Apache-2.0
#include "core/error.hpp"

namespace kangle {

Error::Error(const std::string& message, ExitCode code) : std::runtime_error(message), code_(code) {}

}  // namespace kangle
