// SPDX-License-Identifier: Apache-2.0
#include "config/model.hpp"

#include <algorithm>

namespace kangle::config {
namespace {

template <typename T>
const T* find_by_id(const std::vector<T>& items, std::string_view id) {
  auto it = std::find_if(items.begin(), items.end(), [&](const T& item) { return item.id == id; });
  return it == items.end() ? nullptr : &*it;
}

}  // namespace

const Service* Catalogue::find_service(std::string_view id) const { return find_by_id(services, id); }
const Skill* Catalogue::find_skill(std::string_view id) const { return find_by_id(skills, id); }
const Category* Catalogue::find_category(std::string_view id) const { return find_by_id(categories, id); }

const Holiday* HolidayCalendar::holiday_on(const Date& date) const {
  for (const auto& h : holidays) {
    if (h.from <= date && date <= h.to) return &h;
  }
  return nullptr;
}

const MakeupWorkday* HolidayCalendar::workday_on(const Date& date) const {
  for (const auto& w : workdays) {
    if (w.date == date) return &w;
  }
  return nullptr;
}

}  // namespace kangle::config
