// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstddef>
#include <filesystem>
#include <functional>

#include "report/build.hpp"

namespace kangle::report {

/// `report month|quarter|year --pack DIR`: the period's report, the portfolio review, the
/// units and the volunteers, each as Markdown, HTML, JSON and XLSX, and every table as a CSV
/// file, written into `folder` whole or not at all (a full disk half way leaves nothing).
/// `done(n)` after the n-th of the four reports; the number of files written.
std::size_t write_pack(const Source& source, const std::filesystem::path& folder, const std::function<void(int)>& done);

}  // namespace kangle::report
