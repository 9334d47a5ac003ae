// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstddef>

namespace kangle {

/// Zeroed memory of its own mapping, asked of the kernel in huge pages (2 MiB) where it
/// gives them only on request (transparent huge pages in "madvise" mode): a buffer touched
/// all over takes a page fault every 2 MiB instead of every 4 KiB. Pages come as they are
/// first touched; none if the kernel has no huge pages, only the hint is lost.
class HugePages {
public:
  /// At least `bytes`, from a 2 MiB boundary. Throws std::bad_alloc.
  explicit HugePages(std::size_t bytes);
  ~HugePages();
  HugePages(const HugePages&) = delete;
  HugePages& operator=(const HugePages&) = delete;

  void* data() const { return data_; }
  std::size_t size() const { return size_; }

private:
  void* mapping_ = nullptr;  ///< as mmap gave it: from a 4 KiB boundary, 2 MiB longer than asked
  std::size_t mapped_ = 0;
  void* data_ = nullptr;
  std::size_t size_ = 0;
};

}  // namespace kangle
