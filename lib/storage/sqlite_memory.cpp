// SPDX-License-Identifier: Apache-2.0
#include "storage/sqlite_memory.hpp"

#include <malloc.h>
#include <sqlite3.h>

#include <atomic>
#include <cstdlib>
#include <cstring>
#include <mutex>
#include <new>
#include <utility>

#include "core/huge_pages.hpp"

namespace kangle::storage {

namespace {

constexpr std::size_t page_size = 4096;  // SQLite's default, which kangle's databases keep
/// Room for the lines of every cache a command asks for (the matching's 64 MiB, an import's
/// 16, the others' 2 each); past it, a line comes from malloc. Only lines used are touched.
constexpr std::size_t room = std::size_t{128} << 20;

/// The page lines: the bytes of one, the huge pages they are cut from, and those given back.
/// Never unmapped: a connection may close as late as the static objects' destruction.
struct PageLines {
  std::size_t line = 0;
  HugePages* memory = nullptr;
  char* begin = nullptr;
  char* end = nullptr;
  std::mutex mutex;
  char* unused = nullptr;  ///< the first line never taken
  void* given_back = nullptr;  ///< a list threaded through the lines themselves
  std::atomic<std::size_t> taken{0};
};
PageLines lines;

bool is_line(const void* p) { return p >= lines.begin && p < lines.end; }

void* take(int bytes) {
  const auto wanted = static_cast<std::size_t>(bytes);
  if (wanted >= page_size && wanted <= lines.line) {
    std::lock_guard lock(lines.mutex);
    void* line = lines.given_back;
    if (line != nullptr) {
      std::memcpy(&lines.given_back, line, sizeof(void*));
    } else if (lines.unused != nullptr && static_cast<std::size_t>(lines.end - lines.unused) >= lines.line) {
      line = lines.unused;
      lines.unused += lines.line;
    }
    if (line != nullptr) {
      lines.taken.fetch_add(1, std::memory_order_relaxed);
      return line;
    }
  }
  return std::malloc(wanted);
}

void give_back(void* p) {
  if (!is_line(p)) return std::free(p);
  std::lock_guard lock(lines.mutex);
  std::memcpy(p, &lines.given_back, sizeof(void*));
  lines.given_back = p;
}

int size_of(void* p) {
  return static_cast<int>(is_line(p) ? lines.line : malloc_usable_size(p));
}

void* resize(void* p, int bytes) {
  if (!is_line(p)) return std::realloc(p, static_cast<std::size_t>(bytes));
  if (static_cast<std::size_t>(bytes) <= lines.line) return p;  // a line holds it already
  void* moved = std::malloc(static_cast<std::size_t>(bytes));
  if (moved != nullptr) {
    std::memcpy(moved, p, lines.line);
    give_back(p);
  }
  return moved;
}

int round_up(int bytes) { return (bytes + 7) & ~7; }
int start(void*) { return SQLITE_OK; }
void stop(void*) {}

const sqlite3_mem_methods methods = {
    take, give_back, resize, size_of, round_up, start, stop, nullptr,
};

}  // namespace

void give_sqlite_pages_huge_pages() {
  int header = 0;
  if (sqlite3_config(SQLITE_CONFIG_PCACHE_HDRSZ, &header) != SQLITE_OK) return;
  try {
    lines.memory = new HugePages(room);
  } catch (const std::bad_alloc&) {
    return;  // no room to map: SQLite's memory stays malloc's
  }
  lines.line = (page_size + static_cast<std::size_t>(header) + 7) & ~std::size_t{7};
  lines.begin = static_cast<char*>(lines.memory->data());
  lines.end = lines.begin + lines.memory->size();
  lines.unused = lines.begin;
  if (sqlite3_config(SQLITE_CONFIG_MALLOC, &methods) != SQLITE_OK) {
    lines.begin = lines.end = lines.unused = nullptr;  // SQLite had started: nothing is ours
    delete std::exchange(lines.memory, nullptr);
  }
}

std::size_t sqlite_page_lines_taken() { return lines.taken.load(std::memory_order_relaxed); }

}  // namespace kangle::storage
