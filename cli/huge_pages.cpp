// SPDX-License-Identifier: Apache-2.0
// The kangle binary's operator new: memory as malloc gives it, asked of the kernel in huge
// pages. Where transparent huge pages come only on request ("madvise" mode, as on the
// bench machine; "always" needs no asking) a city's rota touched some 800 MB in 4 KB pages,
// and the kernel's time alone took 2.4 s of its 7.4 s build: a fifth of the time is saved
// (bench/README.md, "Growth"). glibc asks for them itself with its tunable
// glibc.malloc.hugetlb=1, but reads it only from the environment when the process starts.
// Not in the sanitizers' builds: theirs checks each new against its delete.
#include <sys/mman.h>
#include <unistd.h>

#include <atomic>
#include <cstdint>
#include <cstdlib>
#include <new>

namespace {

constexpr std::uintptr_t page = 4096;
constexpr std::size_t huge_page = std::size_t{2} << 20;
/// The top of the heap (malloc's, grown by brk) up to which huge pages were asked for.
std::atomic<std::uintptr_t> advised_to{0};

void ask_for_huge_pages(std::uintptr_t from, std::uintptr_t to) {
  from = (from + page - 1) & ~(page - 1);
  to &= ~(page - 1);
  if (to > from) madvise(reinterpret_cast<void*>(from), to - from, MADV_HUGEPAGE);  // a hint: refused, nothing lost
}

void* allocate(std::size_t size) {
  void* block = std::malloc(size == 0 ? 1 : size);
  if (!block) throw std::bad_alloc();
  // The heap as it grows, a huge page or more at a time (the part before the first
  // allocation is the loader's); and each block of 2 MB or more as it comes, the largest
  // being mapped apart from the heap.
  auto top = reinterpret_cast<std::uintptr_t>(sbrk(0));
  auto before = advised_to.load(std::memory_order_relaxed);
  if (before == 0) {
    advised_to.compare_exchange_strong(before, top);
  } else if (top >= before + huge_page && advised_to.compare_exchange_strong(before, top)) {
    ask_for_huge_pages(before, top);
  }
  if (size >= huge_page) {
    auto start = reinterpret_cast<std::uintptr_t>(block);
    ask_for_huge_pages(start, start + size);
  }
  return block;
}

}  // namespace

void* operator new(std::size_t size) { return allocate(size); }
void* operator new[](std::size_t size) { return allocate(size); }
void operator delete(void* block) noexcept { std::free(block); }
void operator delete[](void* block) noexcept { std::free(block); }
void operator delete(void* block, std::size_t) noexcept { std::free(block); }
void operator delete[](void* block, std::size_t) noexcept { std::free(block); }
