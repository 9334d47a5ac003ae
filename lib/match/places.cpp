// SPDX-License-Identifier: Apache-2.0
#include "match/places.hpp"

namespace kangle::match {
namespace {

std::optional<lists::Coordinates> coordinates_of(const config::Community* community) {
  if (!community || !community->location) return std::nullopt;
  return lists::Coordinates{community->location->lat, community->location->lon};
}

}  // namespace

const config::Community* compound_of(const lists::Need& need, const std::vector<config::Community>& communities) {
  if (const auto* named = config::community_in(communities, need.compound)) return named;
  return config::community_in(communities, need.address);
}

const config::Community* compound_of(const lists::Resource& resource, const std::vector<config::Community>& communities) {
  return config::community_in(communities, resource.address);
}

std::optional<lists::Coordinates> place_of(const lists::Need& need, const std::vector<config::Community>& communities) {
  return need.location ? need.location : coordinates_of(compound_of(need, communities));
}

std::optional<lists::Coordinates> place_of(const lists::Resource& resource,
                                           const std::vector<config::Community>& communities) {
  return resource.location ? resource.location : coordinates_of(compound_of(resource, communities));
}

void place_pool(std::vector<OpenNeed>& needs, std::vector<FreeResource>& resources,
                const std::vector<config::Community>& communities) {
  for (auto& n : needs) n.need.location = place_of(n.need, communities);
  for (auto& r : resources) r.resource.location = place_of(r.resource, communities);
}

}  // namespace kangle::match
