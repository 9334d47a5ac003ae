// SPDX-License-Identifier: Apache-2.0
// kangle volunteers list [--skill S] [--unit U] [--format F] [--reveal]
// kangle volunteers show NAME|PHONE [--format F] [--reveal]
// kangle volunteers set NAME|PHONE [--name N] [--phone P] [--availability A] [--monthly-limit N] [--skills S] [--certificate-expires D] [--by WHO]
// kangle volunteers away [NAME|PHONE] [--from D [--to D] [--reason R] | --undo ID]
// kangle volunteers forget NAME|PHONE --yes
#include <memory>

#include "../commands.hpp"
#include "volunteers/documents.hpp"
#include "workspace/forget.hpp"

namespace kangle::cli {
namespace {

Leaf volunteers_list_leaf() {
  return {"list", "List the volunteers, by name", listing_formats, [](CLI::App& sub) -> Run {
            struct Options {
              people::VolunteerFilter filter;
              bool reveal = false;
            };
            auto options = std::make_shared<Options>();
            sub.add_option("--skill", options->filter.skill, "Only those with this skill (an id of services.toml)");
            sub.add_option("--unit", options->filter.unit, "Only those whose unit's name contains this");
            add_reveal_option(sub, options->reveal);
            return [options](Context& context) -> Outcome {
              return {volunteers::volunteers_listing(context.database->sql(), *context.config, options->filter, options->reveal,
                                                     context.lang)};
            };
          }};
}

Leaf volunteers_show_leaf() {
  return {"show", "Show one volunteer, found by name or phone number", listing_formats, [](CLI::App& sub) -> Run {
            struct Options {
              std::string who;
              bool reveal = false;
            };
            auto options = std::make_shared<Options>();
            sub.add_option("who", options->who, "A name or a phone number")->required()->type_name("PERSON");
            add_reveal_option(sub, options->reveal);
            return [options](Context& context) -> Outcome {
              return {volunteers::volunteer_document(context.database->sql(), *context.config, options->who, options->reveal,
                                                     context.lang)};
            };
          }};
}

Leaf set_leaf() {
  return {"set", "Correct a volunteer's details by hand; each change is kept with who made it",
          {Format::text, Format::json}, [](CLI::App& sub) -> Run {
            struct Options {
              std::string who, by;
              import::VolunteerEditInput edit;
            };
            auto options = std::make_shared<Options>();
            auto& e = options->edit;
            sub.add_option("who", options->who, "A name or a phone number")->required()->type_name("PERSON");
            sub.add_option("--name", e.name, "The new name (a rename on purpose)");
            sub.add_option("--phone", e.phone, "The new mobile number");
            sub.add_option("--availability", e.availability, "When they can serve, replacing what was stored (周二上午、周四)");
            sub.add_option("--monthly-limit", e.monthly_limit, "At most this many seats a month (0: the workspace's default)");
            sub.add_option("--skills", e.skills, "Their skills, replacing what was stored (护士、测血压)");
            sub.add_option("--certificate-expires", e.certificate_expires,
                           "The day the renewed certificate expires (YYYY-MM-DD): valid until the day before");
            sub.add_option("--by", options->by, "Who makes the change (default: the login name)");
            return [options](Context& context) -> Outcome {
              return {volunteers::edit_document(context.database->sql(), *context.config, options->who, options->edit,
                                            who_enters(options->by), context.now, context.lang)};
            };
          }};
}

Leaf away_leaf() {
  return {"away", "Record days a volunteer cannot serve (the rota keeps them free); alone, list them", message_formats,
          [](CLI::App& sub) -> Run {
            auto input = std::make_shared<volunteers::AwayInput>();
            sub.add_option("who", input->who, "A name or a phone number")->type_name("PERSON");
            auto* from = sub.add_option("--from", input->from, "The first day away (YYYY-MM-DD)");
            sub.add_option("--to", input->to, "The last day away (default: until further notice)")->needs(from);
            sub.add_option("--reason", input->reason, "Why, for the record")->needs(from);
            sub.add_option("--undo", input->undo, "Take back the absence with this number (see the list)")->excludes(from);
            sub.add_option("--by", input->by, "Who takes it back (default: the login name)");
            return [input](Context& context) -> Outcome {
              auto asked = *input;
              asked.by = who_enters(input->by);
              return {volunteers::away_document(context.database->sql(), *context.config, asked, context.now, context.lang)};
            };
          }};
}

Leaf forget_leaf() {
  return {"forget", "Erase a volunteer's personal data on request (PIPL); what they did stays, by number",
          {Format::text, Format::json}, [](CLI::App& sub) -> Run {
            struct Options {
              std::string who;
              bool yes = false;
            };
            auto options = std::make_shared<Options>();
            sub.add_option("who", options->who, "A name or a phone number")->required()->type_name("PERSON");
            sub.add_flag("--yes", options->yes, "Erase: it cannot be undone");
            return [options](Context& context) -> Outcome {
              return {workspace::forget_document(context.database->sql(), options->who, options->yes, context.today,
                                              context.now, context.lang)};
            };
          }};
}

}  // namespace

void define_volunteers(CLI::App& command, Action& action) {
  define_leaves(command, action, {volunteers_list_leaf(), volunteers_show_leaf(), set_leaf(), away_leaf(), forget_leaf()});
}

}  // namespace kangle::cli
