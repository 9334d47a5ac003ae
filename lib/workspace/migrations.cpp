// SPDX-License-Identifier: Apache-2.0
#include "workspace/migrations.hpp"

namespace kangle::workspace {

const std::vector<std::string_view>& migrations() {
  static const std::vector<std::string_view> all = {
      // 1: the workspace itself.
      R"sql(
        CREATE TABLE meta (
          key   TEXT PRIMARY KEY,
          value TEXT NOT NULL
        );
        INSERT INTO meta (key, value) VALUES ('created_at', strftime('%Y-%m-%dT%H:%M:%SZ', 'now'));
      )sql",
      // 2: volunteers and the imports that brought them.
      R"sql(
        CREATE TABLE volunteers (
          id               INTEGER PRIMARY KEY,
          name             TEXT NOT NULL,
          phone            TEXT UNIQUE,
          id_number        TEXT UNIQUE,
          political_status TEXT NOT NULL DEFAULT '',
          party_member     INTEGER NOT NULL DEFAULT 0 CHECK (party_member IN (0, 1)),
          unit             TEXT NOT NULL DEFAULT '',
          community        TEXT NOT NULL DEFAULT '',
          monthly_limit    INTEGER CHECK (monthly_limit > 0),
          availability     INTEGER NOT NULL DEFAULT 0,
          note             TEXT NOT NULL DEFAULT '',
          created_at       TEXT NOT NULL,
          updated_at       TEXT NOT NULL,
          CHECK (phone IS NOT NULL OR id_number IS NOT NULL)
        );
        CREATE INDEX volunteers_by_name ON volunteers (name);
        CREATE TABLE volunteer_skills (
          volunteer_id        INTEGER NOT NULL REFERENCES volunteers (id) ON DELETE CASCADE,
          skill               TEXT NOT NULL,
          certificate_expires TEXT,
          PRIMARY KEY (volunteer_id, skill)
        );
        CREATE TABLE imports (
          id          INTEGER PRIMARY KEY,
          kind        TEXT NOT NULL,
          file_name   TEXT NOT NULL,
          sha256      TEXT NOT NULL,
          imported_at TEXT NOT NULL,
          added       INTEGER NOT NULL,
          updated     INTEGER NOT NULL,
          unchanged   INTEGER NOT NULL,
          skipped     INTEGER NOT NULL,
          rejected    INTEGER NOT NULL,
          UNIQUE (kind, sha256)
        );
      )sql",
      // 3: the rota: every seat of a month, filled or not, and each build.
      R"sql(
        CREATE TABLE rota_seats (
          month        TEXT NOT NULL,
          seat         TEXT NOT NULL,
          position     INTEGER NOT NULL,
          kiosk        TEXT NOT NULL,
          date         TEXT NOT NULL,
          start_minute INTEGER NOT NULL,
          end_minute   INTEGER NOT NULL,
          cadence      TEXT NOT NULL,
          title        TEXT NOT NULL DEFAULT '',
          place        TEXT NOT NULL DEFAULT '',
          service      TEXT NOT NULL DEFAULT '',
          skill        TEXT NOT NULL,
          volunteer_id INTEGER REFERENCES volunteers (id),
          locked       INTEGER NOT NULL DEFAULT 0 CHECK (locked IN (0, 1)),
          PRIMARY KEY (month, seat)
        );
        CREATE INDEX rota_seats_by_volunteer ON rota_seats (volunteer_id, date);
        CREATE TABLE rota_builds (
          id       INTEGER PRIMARY KEY,
          month    TEXT NOT NULL,
          built_at TEXT NOT NULL,
          seats    INTEGER NOT NULL,
          filled   INTEGER NOT NULL,
          moved    INTEGER NOT NULL
        );
      )sql",
  };
  return all;
}

}  // namespace kangle::workspace
