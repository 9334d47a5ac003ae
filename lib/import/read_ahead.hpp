// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <exception>
#include <functional>
#include <mutex>
#include <thread>
#include <utility>
#include <vector>

namespace kangle::import {

/// Items made on a second thread while the caller takes the ones before: reading a sheet's
/// rows and making sense of them took as long as storing them, and took turns on one core. Items
/// go across in batches, a few of them at most (memory does not grow with the sheet); they
/// come out in order, and an error the thread meets comes out where it met it, after the
/// items before it. Batches go back to the thread to be refilled, items and all, so that the
/// memory of a row's cells is used again, or freed, by the thread that read them: freed by
/// the other thread, it cost more than the second thread saved on a CSV file. `BatchItems`
/// items go across at a time: a few rows' worth of work each (a sheet's rows 256 at a time,
/// its inflated bytes two chunks at a time).
template <typename Item, std::size_t BatchItems = 256>
class ReadAhead {
public:
  /// Starts the thread: it calls `make(item, ahead)` until it returns false (no more items)
  /// or throws. `make` refills an item the caller took before, or a new one. `ahead` says
  /// that batches made wait for the caller: the thread has time to do more of the work that
  /// either side may do (made by one thread, an item's work can leave the other idle).
  explicit ReadAhead(std::function<bool(Item&, bool)> make) : make_(std::move(make)), thread_([this] { produce(); }) {}

  ReadAhead(const ReadAhead&) = delete;
  ReadAhead& operator=(const ReadAhead&) = delete;

  ~ReadAhead() {
    {
      std::lock_guard lock(mutex_);
      stop_ = true;
    }
    changed_.notify_all();
    thread_.join();
  }

  /// The next item, swapped into `item` (whose old content goes back to be refilled); false
  /// after the last. Rethrows what the thread met, once the items before it are taken.
  bool next(Item& item) {
    if (taken_ == batch_.size()) {
      std::unique_lock lock(mutex_);
      if (!done_ && !batch_.empty()) spent_.push_back(std::move(batch_));
      changed_.wait(lock, [&] { return !ready_.empty() || done_; });
      if (ready_.empty()) {
        if (error_) std::rethrow_exception(error_);
        return false;
      }
      batch_ = std::move(ready_.front());
      ready_.pop_front();
      taken_ = 0;
      lock.unlock();
      changed_.notify_all();
    }
    std::swap(item, batch_[taken_++]);
    return true;
  }

  /// Items go across this many at a time.
  static constexpr std::size_t batch_items = BatchItems;

private:
  static constexpr std::size_t max_batches = 4;

  void produce() {
    bool more = true;
    std::exception_ptr error;
    while (more && !error) {
      std::vector<Item> batch;
      bool ahead = false;
      {
        std::lock_guard lock(mutex_);
        if (!spent_.empty()) {
          batch = std::move(spent_.front());
          spent_.pop_front();
        }
        ahead = ready_.size() >= max_batches / 2;
      }
      std::size_t filled = 0;
      try {
        batch.resize(batch_items);
        while (filled < batch_items && (more = make_(batch[filled], ahead))) ++filled;
      } catch (...) {
        error = std::current_exception();  // handed over after the items made before it
      }
      batch.resize(filled);
      std::unique_lock lock(mutex_);
      changed_.wait(lock, [&] { return ready_.size() < max_batches || stop_; });
      if (stop_) return;
      if (!batch.empty()) ready_.push_back(std::move(batch));
      if (!more || error) {
        error_ = error;
        done_ = true;
        spent_.clear();
      }
      lock.unlock();
      changed_.notify_all();
    }
  }

  std::function<bool(Item&, bool)> make_;  // the thread's alone once it runs
  std::mutex mutex_;
  std::condition_variable changed_;
  std::deque<std::vector<Item>> ready_;  // made, for the caller
  std::deque<std::vector<Item>> spent_;  // taken by the caller, for the thread to refill
  std::exception_ptr error_;
  bool done_ = false;
  bool stop_ = false;
  std::vector<Item> batch_;  // the caller's: the batch it takes items from
  std::size_t taken_ = 0;
  std::thread thread_;  // last: it starts once the rest is built
};

}  // namespace kangle::import
