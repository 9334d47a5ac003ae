// SPDX-License-Identifier: Apache-2.0
#include "import/table.hpp"

#include <cerrno>
#include <condition_variable>
#include <cstring>
#include <deque>
#include <exception>
#include <fstream>
#include <mutex>
#include <thread>
#include <vector>

#include "core/error.hpp"
#include "core/i18n.hpp"
#include "core/text.hpp"
#include "import/xlsx_reader.hpp"

namespace kangle::import {
namespace {

enum class FileKind { xlsx, xls, text };

FileKind file_kind(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw InputError(Message(Msg::cannot_read_file, file.string(), std::strerror(errno)));
  char magic[4] = {};
  in.read(magic, 4);
  std::string_view head(magic, static_cast<std::size_t>(in.gcount()));
  if (head == std::string_view("PK\x03\x04", 4)) return FileKind::xlsx;
  if (head == std::string_view("\xD0\xCF\x11\xE0", 4)) return FileKind::xls;
  return FileKind::text;
}

/// The rows under the header, read on a second thread while the caller stores the rows
/// before them: reading a workbook's XML and storing its rows each took half of an import,
/// and took turns on one core. Rows go across in batches, a few of them at most (memory
/// does not grow with the sheet); they come out in order, and an error the reader meets
/// comes out where it met it, after the rows before it. Batches go back to the thread to be
/// refilled, rows and all, so that the memory of a row is freed by the thread that took it:
/// freed by the other, it cost more than the second thread saved on a CSV file.
class ReadAhead final : public SheetReader {
public:
  explicit ReadAhead(std::unique_ptr<SheetReader> reader)
      : reader_(std::move(reader)), name_(reader_->name()), thread_([this] { produce(); }) {}

  ~ReadAhead() override {
    {
      std::lock_guard lock(mutex_);
      stop_ = true;
    }
    changed_.notify_all();
    thread_.join();
  }

  bool next(Row& row) override {
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
    std::swap(row, batch_[taken_++]);  // the caller's last row goes back with the batch
    return true;
  }

  const std::string& name() const override { return name_; }

private:
  static constexpr std::size_t batch_rows = 256;
  static constexpr std::size_t max_batches = 4;

  void produce() {
    bool more = true;
    std::exception_ptr error;
    while (more && !error) {
      std::vector<Row> batch;
      {
        std::lock_guard lock(mutex_);
        if (!spent_.empty()) {
          batch = std::move(spent_.front());
          spent_.pop_front();
        }
      }
      std::size_t filled = 0;
      try {
        batch.resize(batch_rows);
        while (filled < batch_rows && (more = reader_->next(batch[filled]))) ++filled;
      } catch (...) {
        error = std::current_exception();  // handed over after the rows read before it
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

  std::unique_ptr<SheetReader> reader_;  // the thread's alone once it runs
  std::string name_;
  std::mutex mutex_;
  std::condition_variable changed_;
  std::deque<std::vector<Row>> ready_;  // read, for the caller
  std::deque<std::vector<Row>> spent_;  // taken by the caller, for the thread to refill
  std::exception_ptr error_;
  bool done_ = false;
  bool stop_ = false;
  std::vector<Row> batch_;  // the caller's: the batch it takes rows from
  std::size_t taken_ = 0;
  std::thread thread_;  // last: it starts once the rest is built
};

/// Reads up to header_search_rows rows looking for the header.
std::optional<Header> find_header(SheetReader& reader, const TableOptions& options, const ColumnAliases& aliases,
                                  const std::string& required) {
  Row row;
  for (std::size_t n = 0; n < header_search_rows && reader.next(row); ++n) {
    if (auto header = match_header(row, aliases, options.map, required)) return header;
  }
  return std::nullopt;
}

std::vector<std::string> expected_headers(const ColumnAliases& aliases, const std::string& required) {
  std::vector<std::string> examples;
  if (auto it = aliases.fields.find(required); it != aliases.fields.end() && !it->second.empty()) {
    examples.push_back(it->second.front());
  }
  for (const auto& field : aliases.order) {
    const auto& list = aliases.fields.at(field);
    if (field != required && !list.empty() && examples.size() < 4) examples.push_back(list.front());
  }
  return examples;
}

}  // namespace

OpenTable open_table(const std::filesystem::path& file, const TableOptions& options, const ColumnAliases& aliases,
                     const std::string& required) {
  auto no_header = [&](const std::string& where) {
    return InputError(Message(Msg::import_no_header, where, header_search_rows,
                         listed(expected_headers(aliases, required))));
  };
  switch (file_kind(file)) {
    case FileKind::xls:
      throw InputError(Message(Msg::xlsx_old_xls, file.string()));
    case FileKind::text: {
      auto reader = open_csv(file, options.encoding);
      auto header = find_header(*reader, options, aliases, required);
      if (!header) throw no_header(file.string());
      return {std::make_unique<ReadAhead>(std::move(reader)), std::move(*header), true, {}};
    }
    case FileKind::xlsx:
      break;
  }
  auto names = xlsx_sheet_names(file);
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (options.sheet && names[i] != *options.sheet) continue;
    auto reader = open_xlsx_sheet(file, i);
    if (auto header = find_header(*reader, options, aliases, required)) {
      OpenTable table{std::make_unique<ReadAhead>(std::move(reader)), std::move(*header), false, {}};
      for (std::size_t later = i + 1; later < names.size() && !options.sheet; ++later) {
        if (auto other = open_xlsx_sheet(file, later); find_header(*other, options, aliases, required)) {
          table.other_sheets.push_back(names[later]);
        }
      }
      return table;
    }
    if (options.sheet) throw no_header(file.string() + ":" + names[i]);
  }
  if (options.sheet) {
    throw InputError(Message(Msg::import_no_sheet, file.string(), *options.sheet,
                        listed(names)));
  }
  throw no_header(file.string());
}

}  // namespace kangle::import
