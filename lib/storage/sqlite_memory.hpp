// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstddef>

namespace kangle::storage {

/// SQLite's memory as malloc gives it, but for the lines of its page caches (a page and
/// SQLite's header for it), which come from huge pages as they are first used: an import's
/// cache of 16 MiB took 4,600 page faults in 4 KiB pages, on the storing thread
/// (bench/README.md, "Session 40"). Called before SQLite's first use (open_sqlite); once
/// SQLite has started it changes nothing.
void give_sqlite_pages_huge_pages();

/// How many page lines SQLite has taken from the huge pages so far: lines given back and
/// taken again count again.
std::size_t sqlite_page_lines_taken();

}  // namespace kangle::storage
