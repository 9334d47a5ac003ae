// SPDX-License-Identifier: Apache-2.0
#include "core/huge_pages.hpp"

#include <sys/mman.h>

#include <cstdint>
#include <new>

namespace kangle {

namespace {
constexpr std::size_t huge_page = std::size_t{2} << 20;
}  // namespace

HugePages::HugePages(std::size_t bytes) {
  size_ = (bytes + huge_page - 1) & ~(huge_page - 1);
  if (size_ < bytes || size_ + huge_page < size_) throw std::bad_alloc();
  // A huge page lies on a 2 MiB boundary: one page more, and the data from the first boundary.
  mapped_ = size_ + huge_page;
  mapping_ = mmap(nullptr, mapped_, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (mapping_ == MAP_FAILED) throw std::bad_alloc();
  const auto start = (reinterpret_cast<std::uintptr_t>(mapping_) + huge_page - 1) & ~std::uintptr_t{huge_page - 1};
  data_ = reinterpret_cast<void*>(start);
  madvise(data_, size_, MADV_HUGEPAGE);  // a hint: refused, nothing lost
}

HugePages::~HugePages() {
  if (mapping_ != nullptr) munmap(mapping_, mapped_);
}

}  // namespace kangle
