-- SPDX-License-Identifier: Apache-2.0
-- The figures of `kangle report year 2026`, written by hand for the sqlite3 shell: what
-- bench/run_report.sh times kangle against. Cancelled records count nowhere; satisfaction
-- is weighted by the residents a record served (at least one).

-- The headline: 2026 and the year before (both the previous period and the same period a
-- year before), year by year.
WITH records AS (
  SELECT substr(date, 1, 4) AS year, count(*) - sum(cadence = 'monthly') AS sessions,
         sum(cadence = 'monthly') AS themed_events, sum(residents) AS residents,
         sum(satisfaction * max(coalesce(residents, 1), 1)) /
           sum(CASE WHEN satisfaction IS NOT NULL THEN max(coalesce(residents, 1), 1) END) AS satisfaction
  FROM service_records
  WHERE date BETWEEN '2025-01-01' AND '2026-12-31' AND cancelled_at IS NULL
  GROUP BY year
), served AS (
  -- Each volunteer's person-times and minutes first, then the volunteers' table once a
  -- person (not once a record) for the party members.
  SELECT year, count(*) AS volunteers, sum(times) AS times, sum(minutes) AS minutes,
         sum(v.party_member = 1) AS party_members
  FROM (SELECT substr(r.date, 1, 4) AS year, rv.volunteer_id, count(*) AS times, sum(rv.minutes) AS minutes
        FROM service_records r JOIN record_volunteers rv ON rv.record_id = r.id
        WHERE r.date BETWEEN '2025-01-01' AND '2026-12-31' AND r.cancelled_at IS NULL
        GROUP BY year, rv.volunteer_id) AS person
  JOIN volunteers v ON v.id = person.volunteer_id
  GROUP BY year
), granted AS (
  SELECT substr(date, 1, 4) AS year, sum(minutes) AS minutes
  FROM granted_hours WHERE date BETWEEN '2025-01-01' AND '2026-12-31' GROUP BY year
), joined AS (
  SELECT substr(created_at, 1, 4) AS year, count(*) AS people
  FROM volunteers WHERE created_at >= '2025-01-01' AND created_at < '2027-01-01' GROUP BY year
), points AS (
  SELECT substr(date, 1, 4) AS year, sum(points) AS points
  FROM points_ledger WHERE date BETWEEN '2025-01-01' AND '2026-12-31' AND kind = 'earn' GROUP BY year
)
SELECT records.year, sessions, themed_events, residents, volunteers, times,
       round(coalesce(served.minutes, 0) / 60.0, 1) AS hours_recorded,
       round(coalesce(granted.minutes, 0) / 60.0, 1) AS hours_granted,
       round(satisfaction, 2) AS satisfaction, coalesce(people, 0) AS new_volunteers,
       round(100.0 * party_members / volunteers, 1) AS party_share, coalesce(points, 0) AS points_awarded
FROM records
LEFT JOIN served USING (year)
LEFT JOIN granted USING (year)
LEFT JOIN joined USING (year)
LEFT JOIN points USING (year)
ORDER BY records.year;

-- Projects matched, claimed, done and reviewed, and micro-wishes, in the two years.
SELECT substr(e.at, 1, 4) AS year, e.to_status, count(DISTINCT e.project_id) AS projects,
       count(DISTINCT CASE WHEN n.micro_wish = 1 THEN e.project_id END) AS wishes
FROM project_events e
JOIN projects p ON p.id = e.project_id
JOIN needs n ON n.id = p.need_id
WHERE e.at >= '2025-01-01' AND e.at < '2027-01-01'
GROUP BY year, e.to_status;

-- The months of 2026: all sessions (themed events too), residents, person-times, hours.
WITH records AS (
  SELECT substr(date, 1, 7) AS month, count(*) AS sessions, sum(residents) AS residents
  FROM service_records
  WHERE date BETWEEN '2026-01-01' AND '2026-12-31' AND cancelled_at IS NULL
  GROUP BY month
), served AS (
  SELECT substr(r.date, 1, 7) AS month, count(*) AS times, sum(rv.minutes) AS minutes
  FROM service_records r JOIN record_volunteers rv ON rv.record_id = r.id
  WHERE r.date BETWEEN '2026-01-01' AND '2026-12-31' AND r.cancelled_at IS NULL
  GROUP BY month
)
SELECT month, sessions, residents, coalesce(times, 0), round(coalesce(minutes, 0) / 60.0, 1)
FROM records LEFT JOIN served USING (month)
ORDER BY month;

-- By kiosk in 2026 (kiosk '' is away from the kiosks).
WITH records AS (
  SELECT kiosk, count(*) - sum(cadence = 'monthly') AS sessions, sum(cadence = 'monthly') AS themed_events,
         sum(residents) AS residents,
         sum(satisfaction * max(coalesce(residents, 1), 1)) /
           sum(CASE WHEN satisfaction IS NOT NULL THEN max(coalesce(residents, 1), 1) END) AS satisfaction
  FROM service_records
  WHERE date BETWEEN '2026-01-01' AND '2026-12-31' AND cancelled_at IS NULL
  GROUP BY kiosk
), served AS (
  SELECT r.kiosk, count(*) AS times, sum(rv.minutes) AS minutes
  FROM service_records r JOIN record_volunteers rv ON rv.record_id = r.id
  WHERE r.date BETWEEN '2026-01-01' AND '2026-12-31' AND r.cancelled_at IS NULL
  GROUP BY r.kiosk
)
SELECT kiosk, sessions, themed_events, residents, coalesce(times, 0), round(coalesce(minutes, 0) / 60.0, 1),
       round(satisfaction, 2), sessions + themed_events
FROM records LEFT JOIN served USING (kiosk)
ORDER BY kiosk;

-- By service in 2026 (a themed event by its title), the most residents first.
SELECT service, CASE WHEN service = '' THEN title ELSE '' END AS event, count(*) AS sessions,
       sum(residents) AS residents, round(1.0 * coalesce(sum(residents), 0) / count(*), 1) AS per_session,
       round(sum(satisfaction * max(coalesce(residents, 1), 1)) /
             sum(CASE WHEN satisfaction IS NOT NULL THEN max(coalesce(residents, 1), 1) END), 2) AS satisfaction
FROM service_records
WHERE date BETWEEN '2026-01-01' AND '2026-12-31' AND cancelled_at IS NULL
GROUP BY service, event
ORDER BY residents DESC;
