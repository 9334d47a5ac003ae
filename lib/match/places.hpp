// SPDX-License-Identifier: Apache-2.0
// Where needs and resources are when matching: their own coordinates, else those of
// the compound (communities.toml) they name. Worked out at each match, not stored at
// import: a compound's coordinates added later place every need that names it, and
// coordinates given by hand are never overwritten.
#pragma once

#include <optional>
#include <vector>

#include "config/model.hpp"
#include "lists/model.hpp"
#include "match/matcher.hpp"

namespace kangle::match {

/// The compound of communities.toml a need names: in its compound cell, else in its
/// address; nullptr when none (or several).
const config::Community* compound_of(const lists::Need& need, const std::vector<config::Community>& communities);
/// The compound a resource's address names; nullptr when none (or several).
const config::Community* compound_of(const lists::Resource& resource, const std::vector<config::Community>& communities);

/// A need's or a resource's place: its own coordinates, else its compound's; none when neither is known.
std::optional<lists::Coordinates> place_of(const lists::Need& need, const std::vector<config::Community>& communities);
std::optional<lists::Coordinates> place_of(const lists::Resource& resource, const std::vector<config::Community>& communities);

/// Gives each need and resource of the pool that has no coordinates its compound's.
void place_pool(std::vector<OpenNeed>& needs, std::vector<FreeResource>& resources,
                const std::vector<config::Community>& communities);

}  // namespace kangle::match
