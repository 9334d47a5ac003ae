// SPDX-License-Identifier: Apache-2.0
#include "storage/postgres_schema.hpp"

#include <string>

namespace kangle::storage {
namespace {

constexpr const char* tables = R"sql(
  -- SQLite's instr(), which the stores' searches use: PostgreSQL calls it strpos.
  CREATE FUNCTION instr(haystack TEXT, needle TEXT) RETURNS INTEGER LANGUAGE sql IMMUTABLE AS 'SELECT strpos(haystack, needle)';
  CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
  );
  INSERT INTO meta (key, value) VALUES ('created_at', to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'));
  CREATE TABLE volunteers (
    id               BIGINT PRIMARY KEY,
    name             TEXT NOT NULL,
    phone            TEXT UNIQUE,
    id_number        TEXT UNIQUE,
    political_status TEXT NOT NULL DEFAULT '',
    party_member     BIGINT NOT NULL DEFAULT 0 CHECK (party_member IN (0, 1)),
    unit             TEXT NOT NULL DEFAULT '',
    community        TEXT NOT NULL DEFAULT '',
    monthly_limit    BIGINT CHECK (monthly_limit > 0),
    availability     BIGINT NOT NULL DEFAULT 0,
    note             TEXT NOT NULL DEFAULT '',
    created_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL,
    forgotten_at     TEXT,
    preferences      TEXT NOT NULL DEFAULT '',
    CHECK (phone IS NOT NULL OR id_number IS NOT NULL OR forgotten_at IS NOT NULL)
  );
  CREATE INDEX volunteers_by_name ON volunteers (name);
  CREATE TABLE volunteer_skills (
    volunteer_id        BIGINT NOT NULL REFERENCES volunteers (id) ON DELETE CASCADE,
    skill               TEXT NOT NULL,
    certificate_expires TEXT,
    PRIMARY KEY (volunteer_id, skill)
  );
  CREATE TABLE volunteer_blackouts (
    id           BIGINT PRIMARY KEY,
    volunteer_id BIGINT NOT NULL REFERENCES volunteers (id) ON DELETE CASCADE,
    from_date    TEXT NOT NULL,
    to_date      TEXT CHECK (to_date IS NULL OR to_date >= from_date),
    reason       TEXT NOT NULL DEFAULT '',
    created_at   TEXT NOT NULL
  );
  CREATE INDEX volunteer_blackouts_by_volunteer ON volunteer_blackouts (volunteer_id);
  CREATE TABLE volunteer_changes (
    id           BIGINT PRIMARY KEY,
    volunteer_id BIGINT NOT NULL REFERENCES volunteers (id),
    changed_at   TEXT NOT NULL,
    changed_by   TEXT NOT NULL,
    field        TEXT NOT NULL,
    before       TEXT NOT NULL,
    after        TEXT NOT NULL
  );
  CREATE INDEX volunteer_changes_by_volunteer ON volunteer_changes (volunteer_id);
  CREATE TABLE imports (
    id          BIGINT PRIMARY KEY,
    kind        TEXT NOT NULL,
    file_name   TEXT NOT NULL,
    sha256      TEXT NOT NULL,
    imported_at TEXT NOT NULL,
    added       BIGINT NOT NULL,
    updated     BIGINT NOT NULL,
    unchanged   BIGINT NOT NULL,
    skipped     BIGINT NOT NULL,
    rejected    BIGINT NOT NULL,
    UNIQUE (kind, sha256)
  );
  CREATE TABLE rota_seats (
    month        TEXT NOT NULL,
    seat         TEXT NOT NULL,
    position     BIGINT NOT NULL,
    kiosk        TEXT NOT NULL,
    date         TEXT NOT NULL,
    start_minute BIGINT NOT NULL,
    end_minute   BIGINT NOT NULL,
    cadence      TEXT NOT NULL,
    title        TEXT NOT NULL DEFAULT '',
    place        TEXT NOT NULL DEFAULT '',
    service      TEXT NOT NULL DEFAULT '',
    skill        TEXT NOT NULL,
    volunteer_id BIGINT REFERENCES volunteers (id),
    locked       BIGINT NOT NULL DEFAULT 0 CHECK (locked IN (0, 1)),
    PRIMARY KEY (month, seat)
  );
  CREATE INDEX rota_seats_by_volunteer ON rota_seats (volunteer_id, date);
  CREATE TABLE rota_builds (
    id       BIGINT PRIMARY KEY,
    month    TEXT NOT NULL,
    built_at TEXT NOT NULL,
    seats    BIGINT NOT NULL,
    filled   BIGINT NOT NULL,
    moved    BIGINT NOT NULL,
    forced   BIGINT NOT NULL DEFAULT 0
  );
  CREATE TABLE rota_publications (
    id           BIGINT PRIMARY KEY,
    month        TEXT NOT NULL,
    published_at TEXT NOT NULL
  );
  CREATE TABLE rota_published_seats (
    publication_id BIGINT NOT NULL REFERENCES rota_publications (id) ON DELETE CASCADE,
    seat           TEXT NOT NULL,
    kiosk          TEXT NOT NULL,
    date           TEXT NOT NULL,
    start_minute   BIGINT NOT NULL,
    end_minute     BIGINT NOT NULL,
    service        TEXT NOT NULL,
    skill          TEXT NOT NULL,
    title          TEXT NOT NULL,
    place          TEXT NOT NULL,
    volunteer_id   BIGINT REFERENCES volunteers (id),
    PRIMARY KEY (publication_id, seat)
  );
  CREATE TABLE rota_confirmations (
    date         TEXT NOT NULL,
    kiosk        TEXT NOT NULL,
    confirmed_at TEXT NOT NULL,
    PRIMARY KEY (date, kiosk)
  );
  CREATE TABLE service_records (
    id            BIGINT PRIMARY KEY,
    key           TEXT UNIQUE,
    origin        TEXT NOT NULL CHECK (origin = 'rota' OR origin = 'manual' OR origin = 'import'),
    kiosk         TEXT NOT NULL DEFAULT '',
    place         TEXT NOT NULL DEFAULT '',
    date          TEXT NOT NULL CHECK (length(date) = 10),
    start_minute  BIGINT NOT NULL,
    end_minute    BIGINT NOT NULL,
    cadence       TEXT NOT NULL,
    service       TEXT NOT NULL DEFAULT '',
    title         TEXT NOT NULL DEFAULT '',
    residents     BIGINT CHECK (residents IS NULL OR residents >= 0),
    satisfaction  DOUBLE PRECISION CHECK (satisfaction IS NULL OR (satisfaction >= 1 AND satisfaction <= 5)),
    note          TEXT NOT NULL DEFAULT '',
    import_id     BIGINT REFERENCES imports (id),
    created_at    TEXT NOT NULL,
    cancelled_at  TEXT,
    cancel_reason TEXT NOT NULL DEFAULT '',
    CHECK (end_minute > start_minute),
    CHECK (kiosk <> '' OR place <> ''),
    CHECK (service <> '' OR title <> '')
  );
  CREATE INDEX service_records_by_date ON service_records (date, kiosk);
  CREATE TABLE record_volunteers (
    record_id    BIGINT NOT NULL REFERENCES service_records (id),
    volunteer_id BIGINT NOT NULL REFERENCES volunteers (id),
    minutes      BIGINT NOT NULL CHECK (minutes > 0),
    substitute   BIGINT NOT NULL DEFAULT 0 CHECK (substitute IN (0, 1)),
    PRIMARY KEY (record_id, volunteer_id)
  );
  CREATE INDEX record_volunteers_by_volunteer ON record_volunteers (volunteer_id);
  CREATE TABLE granted_hours (
    id           BIGINT PRIMARY KEY,
    volunteer_id BIGINT NOT NULL REFERENCES volunteers (id),
    date         TEXT NOT NULL CHECK (length(date) = 10),
    minutes      BIGINT NOT NULL CHECK (minutes <> 0),
    reason       TEXT NOT NULL CHECK (reason <> ''),
    approved_by  TEXT NOT NULL CHECK (approved_by <> ''),
    created_at   TEXT NOT NULL,
    reverses     BIGINT REFERENCES granted_hours (id)
  );
  CREATE INDEX granted_hours_by_volunteer ON granted_hours (volunteer_id, date);
  CREATE UNIQUE INDEX granted_hours_revoked_once ON granted_hours (reverses) WHERE reverses IS NOT NULL;
  CREATE TABLE points_ledger (
    id           BIGINT PRIMARY KEY,
    volunteer_id BIGINT NOT NULL REFERENCES volunteers (id),
    date         TEXT NOT NULL CHECK (length(date) = 10),
    points       BIGINT NOT NULL CHECK (points <> 0),
    balance      BIGINT NOT NULL,
    kind         TEXT NOT NULL CHECK (kind = 'earn' OR kind = 'adjust' OR kind = 'redeem'),
    rule         TEXT NOT NULL CHECK (rule <> ''),
    source       TEXT UNIQUE,
    reverses     BIGINT UNIQUE REFERENCES points_ledger (id),
    reason       TEXT NOT NULL CHECK (reason <> ''),
    entered_by   TEXT NOT NULL DEFAULT '',
    created_at   TEXT NOT NULL,
    hash         TEXT NOT NULL CHECK (length(hash) = 64)
  );
  CREATE INDEX points_ledger_by_volunteer ON points_ledger (volunteer_id, kind, points);
  CREATE INDEX points_ledger_by_date ON points_ledger (date, kind, volunteer_id, points);
  -- Append-only in the database itself, TRUNCATE included (SQLite has none).
  CREATE FUNCTION points_ledger_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    RAISE EXCEPTION 'points_ledger is append-only: correct an entry with a reversal';
  END $$;
  CREATE TRIGGER points_ledger_no_update BEFORE UPDATE ON points_ledger
    FOR EACH ROW EXECUTE FUNCTION points_ledger_append_only();
  CREATE TRIGGER points_ledger_no_delete BEFORE DELETE ON points_ledger
    FOR EACH ROW EXECUTE FUNCTION points_ledger_append_only();
  CREATE TRIGGER points_ledger_no_truncate BEFORE TRUNCATE ON points_ledger
    FOR EACH STATEMENT EXECUTE FUNCTION points_ledger_append_only();
  CREATE TABLE points_ledger_head (
    id              BIGINT PRIMARY KEY CHECK (id = 1),
    entries         BIGINT NOT NULL,
    hash            TEXT NOT NULL CHECK (length(hash) = 64),
    checkpoint_id   BIGINT NOT NULL DEFAULT 0,
    checkpoint_hash TEXT NOT NULL DEFAULT '0000000000000000000000000000000000000000000000000000000000000000'
  );
  INSERT INTO points_ledger_head (id, entries, hash)
    VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
  CREATE FUNCTION points_ledger_head_kept() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    RAISE EXCEPTION 'points_ledger_head is kept by kangle';
  END $$;
  CREATE TRIGGER points_ledger_head_no_delete BEFORE DELETE ON points_ledger_head
    FOR EACH ROW EXECUTE FUNCTION points_ledger_head_kept();
  CREATE TRIGGER points_ledger_head_no_truncate BEFORE TRUNCATE ON points_ledger_head
    FOR EACH STATEMENT EXECUTE FUNCTION points_ledger_head_kept();
  CREATE VIEW points_by_day AS
    SELECT l.id, l.volunteer_id, l.points, l.kind, coalesce(reversed.date, l.date) AS date
    FROM points_ledger l LEFT JOIN points_ledger reversed ON reversed.id = l.reverses;
  CREATE TABLE needs (
    id             BIGINT PRIMARY KEY,
    code           TEXT UNIQUE CHECK (code IS NULL OR code <> ''),
    requester_kind TEXT NOT NULL DEFAULT 'resident'
                   CHECK (requester_kind = 'resident' OR requester_kind = 'household' OR
                          requester_kind = 'compound' OR requester_kind = 'community'),
    requester      TEXT NOT NULL CHECK (requester <> ''),
    phone          TEXT CHECK (phone IS NULL OR (length(phone) >= 7 AND length(phone) <= 12)),
    compound       TEXT NOT NULL DEFAULT '',
    address        TEXT NOT NULL DEFAULT '',
    lat            DOUBLE PRECISION CHECK (lat IS NULL OR (lat >= -90 AND lat <= 90)),
    lon            DOUBLE PRECISION CHECK (lon IS NULL OR (lon >= -180 AND lon <= 180)),
    category       TEXT NOT NULL CHECK (category <> ''),
    services       TEXT NOT NULL DEFAULT '',
    description    TEXT NOT NULL DEFAULT '',
    people         BIGINT NOT NULL DEFAULT 1 CHECK (people > 0),
    deadline       TEXT CHECK (deadline IS NULL OR length(deadline) = 10),
    vulnerable     BIGINT NOT NULL DEFAULT 0 CHECK (vulnerable IN (0, 1)),
    vulnerability  TEXT NOT NULL DEFAULT '',
    micro_wish     BIGINT NOT NULL DEFAULT 0 CHECK (micro_wish IN (0, 1)),
    value_fen      BIGINT CHECK (value_fen IS NULL OR value_fen >= 0),
    wanted         BIGINT NOT NULL DEFAULT 1 CHECK (wanted > 0),
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
  CREATE INDEX needs_by_key ON needs (requester, category);
  CREATE INDEX needs_by_status ON needs (status, category);
  CREATE TABLE resources (
    id            BIGINT PRIMARY KEY,
    code          TEXT UNIQUE CHECK (code IS NULL OR code <> ''),
    provider      TEXT NOT NULL CHECK (provider <> ''),
    provider_kind TEXT NOT NULL DEFAULT 'unit' CHECK (provider_kind IN ('unit', 'volunteer')),
    unit          TEXT NOT NULL DEFAULT '',
    contact       TEXT NOT NULL DEFAULT '',
    phone         TEXT CHECK (phone IS NULL OR length(phone) = 11),
    category      TEXT NOT NULL CHECK (category <> ''),
    services      TEXT NOT NULL DEFAULT '',
    description   TEXT NOT NULL DEFAULT '',
    lat           DOUBLE PRECISION CHECK (lat IS NULL OR (lat >= -90 AND lat <= 90)),
    lon           DOUBLE PRECISION CHECK (lon IS NULL OR (lon >= -180 AND lon <= 180)),
    address       TEXT NOT NULL DEFAULT '',
    radius_m      BIGINT CHECK (radius_m IS NULL OR radius_m >= 0),
    capacity      BIGINT NOT NULL DEFAULT 1 CHECK (capacity > 0),
    period        TEXT,
    cost_fen      BIGINT CHECK (cost_fen IS NULL OR cost_fen >= 0),
    note          TEXT NOT NULL DEFAULT '',
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL,
    CHECK ((lat IS NULL AND lon IS NULL) OR (lat IS NOT NULL AND lon IS NOT NULL))
  );
  CREATE INDEX resources_by_key ON resources (provider, category);
  CREATE INDEX resources_by_category ON resources (category);
  CREATE TABLE projects (
    id            BIGINT PRIMARY KEY,
    need_id       BIGINT NOT NULL REFERENCES needs (id),
    resource_id   BIGINT NOT NULL REFERENCES resources (id),
    unit          TEXT NOT NULL DEFAULT '',
    status        TEXT NOT NULL,
    distance_m    BIGINT CHECK (distance_m IS NULL OR distance_m >= 0),
    delivered     TEXT NOT NULL DEFAULT '',
    done_on       TEXT CHECK (done_on IS NULL OR length(done_on) = 10),
    people_served BIGINT CHECK (people_served IS NULL OR people_served >= 0),
    satisfaction  BIGINT CHECK (satisfaction IS NULL OR (satisfaction >= 1 AND satisfaction <= 5)),
    comment       TEXT NOT NULL DEFAULT '',
    reason        TEXT NOT NULL DEFAULT '',
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL
  );
  CREATE INDEX projects_by_need ON projects (need_id, status);
  CREATE INDEX projects_by_resource ON projects (resource_id, status);
  CREATE TABLE project_events (
    id          BIGINT PRIMARY KEY,
    project_id  BIGINT NOT NULL REFERENCES projects (id),
    from_status TEXT,
    to_status   TEXT NOT NULL,
    at          TEXT NOT NULL,
    actor       TEXT NOT NULL DEFAULT '',
    note        TEXT NOT NULL DEFAULT ''
  );
  CREATE INDEX project_events_by_project ON project_events (project_id, id);
  CREATE TABLE project_volunteers (
    project_id   BIGINT NOT NULL REFERENCES projects (id),
    volunteer_id BIGINT NOT NULL REFERENCES volunteers (id),
    PRIMARY KEY (project_id, volunteer_id)
  );
  CREATE TABLE notifications (
    id             BIGINT PRIMARY KEY,
    month          TEXT NOT NULL,
    publication_id BIGINT REFERENCES rota_publications (id),
    volunteer_id   BIGINT NOT NULL REFERENCES volunteers (id),
    kind           TEXT NOT NULL CHECK (kind IN ('duty', 'added', 'removed')),
    seat           TEXT NOT NULL,
    kiosk          TEXT NOT NULL,
    date           TEXT NOT NULL,
    start_minute   BIGINT NOT NULL,
    end_minute     BIGINT NOT NULL,
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
    sequence    BIGINT NOT NULL CHECK (sequence >= 0),
    body        TEXT NOT NULL,  -- what and when: no names
    serving     TEXT NOT NULL,  -- who was on duty, by volunteer id: a change of hands is a change
    cancelled   BIGINT NOT NULL CHECK (cancelled IN (0, 1)),
    exported_at TEXT NOT NULL,
    PRIMARY KEY (scope, month, uid)
  );
)sql";

// The tables whose rows SQLite numbers itself (INTEGER PRIMARY KEY).
constexpr const char* numbered_tables = R"sql(
  SELECT kangle_number_rows(t) FROM unnest(ARRAY[
    'volunteers', 'volunteer_blackouts', 'volunteer_changes', 'imports', 'rota_builds', 'rota_publications',
    'service_records', 'granted_hours', 'points_ledger', 'needs', 'resources', 'projects', 'project_events',
    'notifications']) AS t;
)sql";

}  // namespace

const char* postgres_numbering() {
  // A function per table, its SQL written once so that PostgreSQL plans it once, and the
  // row's id kept for last_insert_id(), as SQLite's last_insert_rowid().
  return R"sql(
  CREATE FUNCTION kangle_number_rows(name TEXT) RETURNS void LANGUAGE plpgsql AS $$
  BEGIN
    EXECUTE format($f$
      CREATE FUNCTION %1$I.%2$I() RETURNS trigger LANGUAGE plpgsql AS $body$
      BEGIN
        IF NEW.id IS NULL THEN
          SELECT coalesce(max(id), 0) + 1 INTO NEW.id FROM %1$I.%3$I;
        END IF;
        PERFORM set_config('kangle.last_insert_id', NEW.id::text, false);
        RETURN NEW;
      END $body$;
      CREATE TRIGGER %2$I BEFORE INSERT ON %1$I.%3$I FOR EACH ROW EXECUTE FUNCTION %1$I.%2$I()$f$,
      current_schema(), name || '_next_id', name);
  END $$;
)sql";
}

const std::string& postgres_schema() {
  static const std::string schema = std::string(postgres_numbering()) + tables + numbered_tables;
  return schema;
}

const std::vector<std::string_view>& postgres_migrations() {
  static const std::vector<std::string_view> all = {
      // 17: a phone and an ID number unique by an index of their own, named as SQLite's.
      R"sql(
        ALTER TABLE volunteers DROP CONSTRAINT volunteers_phone_key;
        ALTER TABLE volunteers DROP CONSTRAINT volunteers_id_number_key;
        CREATE UNIQUE INDEX volunteers_by_phone ON volunteers (phone);
        CREATE UNIQUE INDEX volunteers_by_id_number ON volunteers (id_number);
      )sql",
      // 18: SQLite's skills kept by their key alone; PostgreSQL's already are (a table and
      // its key's index), nothing to change.
      "SELECT 1",
      // 19: each volunteer of a record keeps the record's date, and is found by it.
      R"sql(
        DROP INDEX record_volunteers_by_volunteer;  -- before the UPDATE, which would keep it row by row
        ALTER TABLE record_volunteers ADD COLUMN date TEXT CHECK (length(date) = 10);
        UPDATE record_volunteers a SET date = r.date FROM service_records r WHERE r.id = a.record_id;
        ALTER TABLE record_volunteers ALTER COLUMN date SET NOT NULL;
        CREATE INDEX record_volunteers_by_volunteer ON record_volunteers (volunteer_id, date);
        -- The table of the trigger's own schema: a hand edit from psql has another search_path.
        CREATE FUNCTION record_volunteers_follow_date() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          EXECUTE format('UPDATE %I.record_volunteers SET date = $1 WHERE record_id = $2', TG_TABLE_SCHEMA)
            USING NEW.date, NEW.id;
          RETURN NULL;
        END $$;
        CREATE TRIGGER record_volunteers_follow_date AFTER UPDATE OF date ON service_records
          FOR EACH ROW EXECUTE FUNCTION record_volunteers_follow_date();
      )sql",
  };
  return all;
}

}  // namespace kangle::storage
