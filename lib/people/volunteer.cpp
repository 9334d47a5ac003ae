// SPDX-License-Identifier: Apache-2.0
#include "people/volunteer.hpp"

namespace kangle::people {

std::int64_t Availability::bits() const {
  std::int64_t out = 0;
  for (std::size_t d = 0; d < 7; ++d) out |= static_cast<std::int64_t>(slots[d].to_ulong()) << (d * 3);
  return out;
}

Availability Availability::from_bits(std::int64_t bits) {
  Availability a;
  for (std::size_t d = 0; d < 7; ++d) a.slots[d] = std::bitset<3>(static_cast<unsigned long long>((bits >> (d * 3)) & 0b111));
  return a;
}

std::string mask_phone(std::string_view phone) {
  if (phone.size() < 7) return std::string(phone.size(), '*');
  if (phone.size() <= 8) return std::string(phone.substr(0, phone.size() - 4)) + "****";
  return std::string(phone.substr(0, 3)) + "****" + std::string(phone.substr(phone.size() - 4));
}

std::vector<DayPart> parts_of_day(const TimeRange& time) {
  std::vector<DayPart> parts;
  if (time.start < 12 * 60) parts.push_back(DayPart::morning);
  if (time.start < 18 * 60 && time.end > 12 * 60) parts.push_back(DayPart::afternoon);
  if (time.end > 18 * 60) parts.push_back(DayPart::evening);
  return parts;
}

std::string mask_id_number(std::string_view id_number) {
  if (id_number.size() <= 8) return std::string(id_number.size(), '*');
  return std::string(id_number.substr(0, 4)) + std::string(id_number.size() - 8, '*') +
         std::string(id_number.substr(id_number.size() - 4));
}

}  // namespace kangle::people
