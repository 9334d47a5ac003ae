// SPDX-License-Identifier: Apache-2.0
#include "storage/migrations.hpp"

namespace kangle::storage {

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
      // 4: the needs and resources lists (需求清单, 资源清单) that matching reads. The
      // word checks are ORs, not IN lists: SQLite builds an IN list of more than two
      // values as a temporary table on every insert, which made large imports crawl.
      R"sql(
        CREATE TABLE needs (
          id             INTEGER PRIMARY KEY,
          code           TEXT UNIQUE CHECK (code IS NULL OR code <> ''),
          requester_kind TEXT NOT NULL DEFAULT 'resident'
                         CHECK (requester_kind = 'resident' OR requester_kind = 'household' OR
                                requester_kind = 'compound' OR requester_kind = 'community'),
          requester      TEXT NOT NULL CHECK (requester <> ''),
          phone          TEXT CHECK (phone IS NULL OR length(phone) = 11),
          compound       TEXT NOT NULL DEFAULT '',
          address        TEXT NOT NULL DEFAULT '',
          lat            REAL CHECK (lat IS NULL OR (lat >= -90 AND lat <= 90)),
          lon            REAL CHECK (lon IS NULL OR (lon >= -180 AND lon <= 180)),
          category       TEXT NOT NULL CHECK (category <> ''),
          description    TEXT NOT NULL DEFAULT '',
          people         INTEGER NOT NULL DEFAULT 1 CHECK (people > 0),
          deadline       TEXT CHECK (deadline IS NULL OR length(deadline) = 10),
          vulnerable     INTEGER NOT NULL DEFAULT 0 CHECK (vulnerable IN (0, 1)),
          vulnerability  TEXT NOT NULL DEFAULT '',
          micro_wish     INTEGER NOT NULL DEFAULT 0 CHECK (micro_wish IN (0, 1)),
          value_fen      INTEGER CHECK (value_fen IS NULL OR value_fen >= 0),
          wanted         INTEGER NOT NULL DEFAULT 1 CHECK (wanted > 0),
          status         TEXT NOT NULL DEFAULT 'open'
                         CHECK (status = 'open' OR status = 'matched' OR status = 'done' OR status = 'cancelled'),
          note           TEXT NOT NULL DEFAULT '',
          created_at     TEXT NOT NULL,
          updated_at     TEXT NOT NULL,
          CHECK ((lat IS NULL AND lon IS NULL) OR (lat IS NOT NULL AND lon IS NOT NULL))
        );
        CREATE INDEX needs_by_key ON needs (requester, category);
        CREATE INDEX needs_by_status ON needs (status, category);
        CREATE TABLE resources (
          id            INTEGER PRIMARY KEY,
          code          TEXT UNIQUE CHECK (code IS NULL OR code <> ''),
          provider      TEXT NOT NULL CHECK (provider <> ''),
          provider_kind TEXT NOT NULL DEFAULT 'unit' CHECK (provider_kind IN ('unit', 'volunteer')),
          unit          TEXT NOT NULL DEFAULT '',
          contact       TEXT NOT NULL DEFAULT '',
          phone         TEXT CHECK (phone IS NULL OR length(phone) = 11),
          category      TEXT NOT NULL CHECK (category <> ''),
          description   TEXT NOT NULL DEFAULT '',
          lat           REAL CHECK (lat IS NULL OR (lat >= -90 AND lat <= 90)),
          lon           REAL CHECK (lon IS NULL OR (lon >= -180 AND lon <= 180)),
          address       TEXT NOT NULL DEFAULT '',
          radius_m      INTEGER CHECK (radius_m IS NULL OR radius_m > 0),
          capacity      INTEGER NOT NULL DEFAULT 1 CHECK (capacity > 0),
          period        TEXT,
          cost_fen      INTEGER CHECK (cost_fen IS NULL OR cost_fen >= 0),
          note          TEXT NOT NULL DEFAULT '',
          created_at    TEXT NOT NULL,
          updated_at    TEXT NOT NULL,
          CHECK ((lat IS NULL AND lon IS NULL) OR (lat IS NOT NULL AND lon IS NOT NULL))
        );
        CREATE INDEX resources_by_key ON resources (provider, category);
        CREATE INDEX resources_by_category ON resources (category);
      )sql",
      // 5: days a volunteer cannot serve: declared absences, and drop-outs (open-ended).
      R"sql(
        CREATE TABLE volunteer_blackouts (
          id           INTEGER PRIMARY KEY,
          volunteer_id INTEGER NOT NULL REFERENCES volunteers (id) ON DELETE CASCADE,
          from_date    TEXT NOT NULL,
          to_date      TEXT CHECK (to_date IS NULL OR to_date >= from_date),
          reason       TEXT NOT NULL DEFAULT '',
          created_at   TEXT NOT NULL
        );
        CREATE INDEX volunteer_blackouts_by_volunteer ON volunteer_blackouts (volunteer_id);
      )sql",
      // 6: published rotas: what volunteers were told, kept to compare rebuilds with.
      R"sql(
        CREATE TABLE rota_publications (
          id           INTEGER PRIMARY KEY,
          month        TEXT NOT NULL,
          published_at TEXT NOT NULL
        );
        CREATE TABLE rota_published_seats (
          publication_id INTEGER NOT NULL REFERENCES rota_publications (id) ON DELETE CASCADE,
          seat           TEXT NOT NULL,
          kiosk          TEXT NOT NULL,
          date           TEXT NOT NULL,
          start_minute   INTEGER NOT NULL,
          end_minute     INTEGER NOT NULL,
          service        TEXT NOT NULL,
          skill          TEXT NOT NULL,
          title          TEXT NOT NULL,
          place          TEXT NOT NULL,
          volunteer_id   INTEGER REFERENCES volunteers (id),
          PRIMARY KEY (publication_id, seat)
        );
        ALTER TABLE rota_builds ADD COLUMN forced INTEGER NOT NULL DEFAULT 0;
      )sql",
      // 7: what happened (service records, the rota's days confirmed, hours granted by hand)
      // and the points ledger.
      // The ledger is append-only in the database itself: triggers refuse UPDATE and
      // DELETE; a correction is a new entry that `reverses` an old one. Each entry carries
      // the volunteer's balance after it and a hash chained to the entry before.
      R"sql(
        CREATE TABLE service_records (
          id            INTEGER PRIMARY KEY,
          key           TEXT UNIQUE,
          origin        TEXT NOT NULL CHECK (origin = 'rota' OR origin = 'manual' OR origin = 'import'),
          kiosk         TEXT NOT NULL DEFAULT '',
          place         TEXT NOT NULL DEFAULT '',
          date          TEXT NOT NULL CHECK (length(date) = 10),
          start_minute  INTEGER NOT NULL,
          end_minute    INTEGER NOT NULL,
          cadence       TEXT NOT NULL,
          service       TEXT NOT NULL DEFAULT '',
          title         TEXT NOT NULL DEFAULT '',
          residents     INTEGER CHECK (residents IS NULL OR residents >= 0),
          satisfaction  REAL CHECK (satisfaction IS NULL OR (satisfaction >= 1 AND satisfaction <= 5)),
          note          TEXT NOT NULL DEFAULT '',
          import_id     INTEGER REFERENCES imports (id),
          created_at    TEXT NOT NULL,
          cancelled_at  TEXT,
          cancel_reason TEXT NOT NULL DEFAULT '',
          CHECK (end_minute > start_minute),
          CHECK (kiosk <> '' OR place <> ''),
          CHECK (service <> '' OR title <> '')
        );
        CREATE INDEX service_records_by_date ON service_records (date, kiosk);
        CREATE TABLE rota_confirmations (
          date         TEXT NOT NULL,
          kiosk        TEXT NOT NULL,
          confirmed_at TEXT NOT NULL,
          PRIMARY KEY (date, kiosk)
        );
        CREATE TABLE record_volunteers (
          record_id    INTEGER NOT NULL REFERENCES service_records (id),
          volunteer_id INTEGER NOT NULL REFERENCES volunteers (id),
          minutes      INTEGER NOT NULL CHECK (minutes > 0),
          substitute   INTEGER NOT NULL DEFAULT 0 CHECK (substitute IN (0, 1)),
          PRIMARY KEY (record_id, volunteer_id)
        );
        CREATE INDEX record_volunteers_by_volunteer ON record_volunteers (volunteer_id);
        CREATE TABLE granted_hours (
          id           INTEGER PRIMARY KEY,
          volunteer_id INTEGER NOT NULL REFERENCES volunteers (id),
          date         TEXT NOT NULL CHECK (length(date) = 10),
          minutes      INTEGER NOT NULL CHECK (minutes <> 0),
          reason       TEXT NOT NULL CHECK (reason <> ''),
          approved_by  TEXT NOT NULL CHECK (approved_by <> ''),
          created_at   TEXT NOT NULL
        );
        CREATE INDEX granted_hours_by_volunteer ON granted_hours (volunteer_id, date);
        CREATE TABLE points_ledger (
          id           INTEGER PRIMARY KEY,
          volunteer_id INTEGER NOT NULL REFERENCES volunteers (id),
          date         TEXT NOT NULL CHECK (length(date) = 10),
          points       INTEGER NOT NULL CHECK (points <> 0),
          balance      INTEGER NOT NULL,
          kind         TEXT NOT NULL CHECK (kind = 'earn' OR kind = 'adjust' OR kind = 'redeem'),
          rule         TEXT NOT NULL CHECK (rule <> ''),
          source       TEXT UNIQUE,
          reverses     INTEGER UNIQUE REFERENCES points_ledger (id),
          reason       TEXT NOT NULL CHECK (reason <> ''),
          entered_by   TEXT NOT NULL DEFAULT '',
          created_at   TEXT NOT NULL,
          hash         TEXT NOT NULL CHECK (length(hash) = 64)
        );
        -- Covering the sums per volunteer and kind: balances read this index, not the table.
        CREATE INDEX points_ledger_by_volunteer ON points_ledger (volunteer_id, kind, points);
        CREATE INDEX points_ledger_by_date ON points_ledger (date, kind, volunteer_id, points);
        CREATE TRIGGER points_ledger_no_update BEFORE UPDATE ON points_ledger
        BEGIN SELECT RAISE(ABORT, 'points_ledger is append-only: correct an entry with a reversal'); END;
        CREATE TRIGGER points_ledger_no_delete BEFORE DELETE ON points_ledger
        BEGIN SELECT RAISE(ABORT, 'points_ledger is append-only: correct an entry with a reversal'); END;
      )sql",
      // 8: projects (项目清单): a need matched to a resource, owned by its unit, through its
      // life; every change of status kept with when and who.
      R"sql(
        CREATE TABLE projects (
          id            INTEGER PRIMARY KEY,
          need_id       INTEGER NOT NULL REFERENCES needs (id),
          resource_id   INTEGER NOT NULL REFERENCES resources (id),
          unit          TEXT NOT NULL DEFAULT '',
          status        TEXT NOT NULL,
          distance_m    INTEGER CHECK (distance_m IS NULL OR distance_m >= 0),
          delivered     TEXT NOT NULL DEFAULT '',
          done_on       TEXT CHECK (done_on IS NULL OR length(done_on) = 10),
          people_served INTEGER CHECK (people_served IS NULL OR people_served >= 0),
          satisfaction  INTEGER CHECK (satisfaction IS NULL OR (satisfaction >= 1 AND satisfaction <= 5)),
          comment       TEXT NOT NULL DEFAULT '',
          reason        TEXT NOT NULL DEFAULT '',
          created_at    TEXT NOT NULL,
          updated_at    TEXT NOT NULL
        );
        CREATE INDEX projects_by_need ON projects (need_id, status);
        CREATE INDEX projects_by_resource ON projects (resource_id, status);
        CREATE TABLE project_events (
          id          INTEGER PRIMARY KEY,
          project_id  INTEGER NOT NULL REFERENCES projects (id),
          from_status TEXT,
          to_status   TEXT NOT NULL,
          at          TEXT NOT NULL,
          actor       TEXT NOT NULL DEFAULT '',
          note        TEXT NOT NULL DEFAULT ''
        );
        CREATE INDEX project_events_by_project ON project_events (project_id, id);
        CREATE TABLE project_volunteers (
          project_id   INTEGER NOT NULL REFERENCES projects (id),
          volunteer_id INTEGER NOT NULL REFERENCES volunteers (id),
          PRIMARY KEY (project_id, volunteer_id)
        );
      )sql",
      // 9: a volunteer's personal data erased on request (PIPL, `volunteers forget`): the
      // row stays, for the records, the ledger and the counts, without name, phone or ID
      // number. SQLite cannot change a CHECK in place: the table is rebuilt, with the
      // foreign keys off (the runner turns them off for a migration that says so).
      R"sql(-- foreign keys off
        CREATE TABLE volunteers_new (
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
          forgotten_at     TEXT,
          CHECK (phone IS NOT NULL OR id_number IS NOT NULL OR forgotten_at IS NOT NULL)
        );
        INSERT INTO volunteers_new (id, name, phone, id_number, political_status, party_member, unit, community,
                                    monthly_limit, availability, note, created_at, updated_at)
          SELECT id, name, phone, id_number, political_status, party_member, unit, community,
                 monthly_limit, availability, note, created_at, updated_at FROM volunteers;
        DROP TABLE volunteers;
        ALTER TABLE volunteers_new RENAME TO volunteers;
        CREATE INDEX volunteers_by_name ON volunteers (name);
      )sql",
      // 10: the kiosks and services a volunteer would rather serve at or in (意向站点,
      // 意向服务), ids separated by commas; the rota honours them after balance.
      R"sql(
        ALTER TABLE volunteers ADD COLUMN preferences TEXT NOT NULL DEFAULT '';
      )sql",
      // 11: what a coordinator changed of a volunteer by hand (volunteers set, an absence
      // taken back): who, when, and the field before and after, as stored.
      R"sql(
        CREATE TABLE volunteer_changes (
          id           INTEGER PRIMARY KEY,
          volunteer_id INTEGER NOT NULL REFERENCES volunteers (id),
          changed_at   TEXT NOT NULL,
          changed_by   TEXT NOT NULL,
          field        TEXT NOT NULL,
          before       TEXT NOT NULL,
          after        TEXT NOT NULL
        );
        CREATE INDEX volunteer_changes_by_volunteer ON volunteer_changes (volunteer_id);
      )sql",
      // 12: a grant of hours is revoked by a new grant of the opposite minutes that names it
      // (nothing is deleted); the unique index makes a second revocation of one grant fail.
      R"sql(
        ALTER TABLE granted_hours ADD COLUMN reverses INTEGER REFERENCES granted_hours (id);
        CREATE UNIQUE INDEX granted_hours_revoked_once ON granted_hours (reverses) WHERE reverses IS NOT NULL;
      )sql",
      // 13: the points ledger's head (entries and last hash), written in the same transaction
      // as each append, so that a ledger emptied or cut short behind kangle's back no
      // longer matches it; and the checkpoint of the last full verify, from which `check`
      // and every append walk the chain. A ledger kept before starts with its head as it
      // stands and no checkpoint (the first verify walks it all).
      R"sql(
        CREATE TABLE points_ledger_head (
          id              INTEGER PRIMARY KEY CHECK (id = 1),
          entries         INTEGER NOT NULL,
          hash            TEXT NOT NULL CHECK (length(hash) = 64),
          checkpoint_id   INTEGER NOT NULL DEFAULT 0,
          checkpoint_hash TEXT NOT NULL DEFAULT '0000000000000000000000000000000000000000000000000000000000000000'
        );
        INSERT INTO points_ledger_head (id, entries, hash)
          SELECT 1, count(*), coalesce((SELECT hash FROM points_ledger ORDER BY id DESC LIMIT 1),
                                       '0000000000000000000000000000000000000000000000000000000000000000')
          FROM points_ledger;
        CREATE TRIGGER points_ledger_head_no_delete BEFORE DELETE ON points_ledger_head
        BEGIN SELECT RAISE(ABORT, 'points_ledger_head is kept by kangle'); END;
      )sql",
      // 14: the day each entry counts for in a period's figures: a reversal counts with the
      // entry it reverses, so a record cancelled in January corrects December's board
      // (reversals written before kangle dated them so carry the day they were made).
      R"sql(
        CREATE VIEW points_by_day AS
          SELECT l.id, l.volunteer_id, l.points, l.kind, coalesce(reversed.date, l.date) AS date
          FROM points_ledger l LEFT JOIN points_ledger reversed ON reversed.id = l.reverses;
      )sql",
      // 15: what `schedule notify` told each volunteer (a day's duty, or a duty added or
      // removed since the publication it names), so the next night tells only what is new;
      // and each calendar event `schedule export` handed out, by calendar (scope) and UID,
      // so that a changed event goes out with a higher SEQUENCE and a removed one as cancelled.
      R"sql(
        CREATE TABLE notifications (
          id             INTEGER PRIMARY KEY,
          month          TEXT NOT NULL,
          publication_id INTEGER REFERENCES rota_publications (id),
          volunteer_id   INTEGER NOT NULL REFERENCES volunteers (id),
          kind           TEXT NOT NULL CHECK (kind IN ('duty', 'added', 'removed')),
          seat           TEXT NOT NULL,
          kiosk          TEXT NOT NULL,
          date           TEXT NOT NULL,
          start_minute   INTEGER NOT NULL,
          end_minute     INTEGER NOT NULL,
          service        TEXT NOT NULL,
          skill          TEXT NOT NULL,
          title          TEXT NOT NULL,
          place          TEXT NOT NULL,
          message        TEXT NOT NULL,
          sent_for       TEXT NOT NULL,
          sent_at        TEXT NOT NULL
        );
        CREATE INDEX notifications_by_month ON notifications (month, volunteer_id);
        CREATE TABLE calendar_events (
          scope       TEXT NOT NULL,
          month       TEXT NOT NULL,
          uid         TEXT NOT NULL,
          sequence    INTEGER NOT NULL CHECK (sequence >= 0),
          body        TEXT NOT NULL,  -- what and when: no names
          serving     TEXT NOT NULL,  -- who was on duty, by volunteer id: a change of hands is a change
          cancelled   INTEGER NOT NULL CHECK (cancelled IN (0, 1)),
          exported_at TEXT NOT NULL,
          PRIMARY KEY (scope, month, uid)
        );
      )sql",
      // 16: needs and resources say what they ask and offer at the level of the catalogue's
      // services (ids separated by commas; empty: the category alone); a need can be closed
      // (solved elsewhere, moved away, withdrawn) with its reason and never proposed again;
      // a need's contact may be a landline (7 to 12 digits: elderly residents give one);
      // a radius of 0 means the resource's own place. SQLite cannot change a CHECK in
      // place: both tables are rebuilt, with the foreign keys off (projects name them).
      R"sql(-- foreign keys off
        CREATE TABLE needs_new (
          id             INTEGER PRIMARY KEY,
          code           TEXT UNIQUE CHECK (code IS NULL OR code <> ''),
          requester_kind TEXT NOT NULL DEFAULT 'resident'
                         CHECK (requester_kind = 'resident' OR requester_kind = 'household' OR
                                requester_kind = 'compound' OR requester_kind = 'community'),
          requester      TEXT NOT NULL CHECK (requester <> ''),
          phone          TEXT CHECK (phone IS NULL OR (length(phone) >= 7 AND length(phone) <= 12)),
          compound       TEXT NOT NULL DEFAULT '',
          address        TEXT NOT NULL DEFAULT '',
          lat            REAL CHECK (lat IS NULL OR (lat >= -90 AND lat <= 90)),
          lon            REAL CHECK (lon IS NULL OR (lon >= -180 AND lon <= 180)),
          category       TEXT NOT NULL CHECK (category <> ''),
          services       TEXT NOT NULL DEFAULT '',
          description    TEXT NOT NULL DEFAULT '',
          people         INTEGER NOT NULL DEFAULT 1 CHECK (people > 0),
          deadline       TEXT CHECK (deadline IS NULL OR length(deadline) = 10),
          vulnerable     INTEGER NOT NULL DEFAULT 0 CHECK (vulnerable IN (0, 1)),
          vulnerability  TEXT NOT NULL DEFAULT '',
          micro_wish     INTEGER NOT NULL DEFAULT 0 CHECK (micro_wish IN (0, 1)),
          value_fen      INTEGER CHECK (value_fen IS NULL OR value_fen >= 0),
          wanted         INTEGER NOT NULL DEFAULT 1 CHECK (wanted > 0),
          status         TEXT NOT NULL DEFAULT 'open'
                         CHECK (status = 'open' OR status = 'matched' OR status = 'done' OR status = 'cancelled' OR
                                status = 'closed'),
          closed_reason  TEXT NOT NULL DEFAULT '',
          note           TEXT NOT NULL DEFAULT '',
          created_at     TEXT NOT NULL,
          updated_at     TEXT NOT NULL,
          CHECK ((lat IS NULL AND lon IS NULL) OR (lat IS NOT NULL AND lon IS NOT NULL)),
          CHECK ((status = 'closed') = (closed_reason <> ''))
        );
        INSERT INTO needs_new (id, code, requester_kind, requester, phone, compound, address, lat, lon, category,
                               description, people, deadline, vulnerable, vulnerability, micro_wish, value_fen, wanted,
                               status, note, created_at, updated_at)
          SELECT id, code, requester_kind, requester, phone, compound, address, lat, lon, category,
                 description, people, deadline, vulnerable, vulnerability, micro_wish, value_fen, wanted,
                 status, note, created_at, updated_at FROM needs;
        DROP TABLE needs;
        ALTER TABLE needs_new RENAME TO needs;
        CREATE INDEX needs_by_key ON needs (requester, category);
        CREATE INDEX needs_by_status ON needs (status, category);
        CREATE TABLE resources_new (
          id            INTEGER PRIMARY KEY,
          code          TEXT UNIQUE CHECK (code IS NULL OR code <> ''),
          provider      TEXT NOT NULL CHECK (provider <> ''),
          provider_kind TEXT NOT NULL DEFAULT 'unit' CHECK (provider_kind IN ('unit', 'volunteer')),
          unit          TEXT NOT NULL DEFAULT '',
          contact       TEXT NOT NULL DEFAULT '',
          phone         TEXT CHECK (phone IS NULL OR length(phone) = 11),
          category      TEXT NOT NULL CHECK (category <> ''),
          services      TEXT NOT NULL DEFAULT '',
          description   TEXT NOT NULL DEFAULT '',
          lat           REAL CHECK (lat IS NULL OR (lat >= -90 AND lat <= 90)),
          lon           REAL CHECK (lon IS NULL OR (lon >= -180 AND lon <= 180)),
          address       TEXT NOT NULL DEFAULT '',
          radius_m      INTEGER CHECK (radius_m IS NULL OR radius_m >= 0),
          capacity      INTEGER NOT NULL DEFAULT 1 CHECK (capacity > 0),
          period        TEXT,
          cost_fen      INTEGER CHECK (cost_fen IS NULL OR cost_fen >= 0),
          note          TEXT NOT NULL DEFAULT '',
          created_at    TEXT NOT NULL,
          updated_at    TEXT NOT NULL,
          CHECK ((lat IS NULL AND lon IS NULL) OR (lat IS NOT NULL AND lon IS NOT NULL))
        );
        INSERT INTO resources_new (id, code, provider, provider_kind, unit, contact, phone, category, description, lat,
                                   lon, address, radius_m, capacity, period, cost_fen, note, created_at, updated_at)
          SELECT id, code, provider, provider_kind, unit, contact, phone, category, description, lat,
                 lon, address, radius_m, capacity, period, cost_fen, note, created_at, updated_at FROM resources;
        DROP TABLE resources;
        ALTER TABLE resources_new RENAME TO resources;
        CREATE INDEX resources_by_key ON resources (provider, category);
        CREATE INDEX resources_by_category ON resources (category);
      )sql",
      // 17: a phone and an ID number are each unique by an index of their own, not by the
      // column's UNIQUE: a first import drops them and builds them again at its end, faster
      // than keeping them row by row (people::Store::defer_indexes), which SQLite allows of
      // an index it was asked to make, never of one a UNIQUE made. The table is rebuilt,
      // with the foreign keys off (every table of volunteers' data names it).
      R"sql(-- foreign keys off
        CREATE TABLE volunteers_new (
          id               INTEGER PRIMARY KEY,
          name             TEXT NOT NULL,
          phone            TEXT,
          id_number        TEXT,
          political_status TEXT NOT NULL DEFAULT '',
          party_member     INTEGER NOT NULL DEFAULT 0 CHECK (party_member IN (0, 1)),
          unit             TEXT NOT NULL DEFAULT '',
          community        TEXT NOT NULL DEFAULT '',
          monthly_limit    INTEGER CHECK (monthly_limit > 0),
          availability     INTEGER NOT NULL DEFAULT 0,
          note             TEXT NOT NULL DEFAULT '',
          created_at       TEXT NOT NULL,
          updated_at       TEXT NOT NULL,
          forgotten_at     TEXT,
          preferences      TEXT NOT NULL DEFAULT '',
          CHECK (phone IS NOT NULL OR id_number IS NOT NULL OR forgotten_at IS NOT NULL)
        );
        INSERT INTO volunteers_new (id, name, phone, id_number, political_status, party_member, unit, community,
                                    monthly_limit, availability, note, created_at, updated_at, forgotten_at, preferences)
          SELECT id, name, phone, id_number, political_status, party_member, unit, community,
                 monthly_limit, availability, note, created_at, updated_at, forgotten_at, preferences FROM volunteers;
        DROP TABLE volunteers;
        ALTER TABLE volunteers_new RENAME TO volunteers;
        CREATE UNIQUE INDEX volunteers_by_phone ON volunteers (phone);
        CREATE UNIQUE INDEX volunteers_by_id_number ON volunteers (id_number);
        CREATE INDEX volunteers_by_name ON volunteers (name);
      )sql",
      // 18: a volunteer's skills kept in the order of their key alone (WITHOUT ROWID): each
      // row was written twice, in the table by rowid and in its key's index, and a district's
      // import writes two million of them. The table is rebuilt, with the foreign keys off.
      R"sql(-- foreign keys off
        CREATE TABLE volunteer_skills_new (
          volunteer_id        INTEGER NOT NULL REFERENCES volunteers (id) ON DELETE CASCADE,
          skill               TEXT NOT NULL,
          certificate_expires TEXT,
          PRIMARY KEY (volunteer_id, skill)
        ) WITHOUT ROWID;
        INSERT INTO volunteer_skills_new (volunteer_id, skill, certificate_expires)
          SELECT volunteer_id, skill, certificate_expires FROM volunteer_skills;
        DROP TABLE volunteer_skills;
        ALTER TABLE volunteer_skills_new RENAME TO volunteer_skills;
      )sql",
      // 19: each volunteer of a record keeps the record's date, so that a volunteer's
      // sessions of a day are one look-up in record_volunteers_by_volunteer: the check of a
      // volunteer elsewhere at the time went through every record of the day, and a month's
      // import grew with its square. kangle never changes a record's date; one changed by
      // hand is followed by a trigger; `check` reports a row dated otherwise by hand, which
      // would hide a clash from the checks by date.
      // The table is kept in the order of its key alone (WITHOUT ROWID): the key's own
      // index is gone, which pays for the dates. Rebuilt with the foreign keys off.
      R"sql(-- foreign keys off
        CREATE TABLE record_volunteers_new (
          record_id    INTEGER NOT NULL REFERENCES service_records (id),
          volunteer_id INTEGER NOT NULL REFERENCES volunteers (id),
          minutes      INTEGER NOT NULL CHECK (minutes > 0),
          substitute   INTEGER NOT NULL DEFAULT 0 CHECK (substitute IN (0, 1)),
          date         TEXT NOT NULL CHECK (length(date) = 10),
          PRIMARY KEY (record_id, volunteer_id)
        ) WITHOUT ROWID;
        -- A row whose record is gone (deleted by hand) gets no date and stops the migration,
        -- rather than being left out unseen.
        INSERT INTO record_volunteers_new (record_id, volunteer_id, minutes, substitute, date)
          SELECT a.record_id, a.volunteer_id, a.minutes, a.substitute, r.date
          FROM record_volunteers a LEFT JOIN service_records r ON r.id = a.record_id
          ORDER BY a.record_id, a.volunteer_id;
        DROP TABLE record_volunteers;
        ALTER TABLE record_volunteers_new RENAME TO record_volunteers;
        CREATE INDEX record_volunteers_by_volunteer ON record_volunteers (volunteer_id, date);
        CREATE TRIGGER record_volunteers_follow_date AFTER UPDATE OF date ON service_records
        BEGIN UPDATE record_volunteers SET date = NEW.date WHERE record_id = NEW.id; END;
      )sql",
  };
  return all;
}

}  // namespace kangle::storage
