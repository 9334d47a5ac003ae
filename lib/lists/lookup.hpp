// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string_view>

#include "lists/store.hpp"

namespace kangle::lists {

/// The need `ref` names: its code (XQ-003), or else its number (12). An InputError for
/// any other, with the nearest code when one is close.
Need need_named(Store& store, std::string_view ref);
/// The resource `ref` names, as need_named does a need.
Resource resource_named(Store& store, std::string_view ref);

}  // namespace kangle::lists
