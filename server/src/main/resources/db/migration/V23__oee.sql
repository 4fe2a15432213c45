-- OEE from the machines (issue 15, ADR 0028): each machine's rated speed and the counter tags
-- that count what it makes and rejects; the rollup of its time and counts per shift bucket, kept
-- up to date in the ingest transaction (telemetry.OeeRollup), so a question never re-reads readings.

-- What OEE needs of a machine. The ideal rate is units per hour at the rated speed (tonnes of cane
-- for a mill tandem, cycles for a centrifugal); the ideal cycle time is 3600 / rate seconds a unit.
CREATE TABLE machine_oee (
  company_id          uuid           NOT NULL REFERENCES company (id),
  machine_id          uuid           PRIMARY KEY REFERENCES machine (id),
  ideal_rate_per_hour numeric(19, 6) NOT NULL CHECK (ideal_rate_per_hour > 0),
  rate_unit           varchar(20)    NOT NULL DEFAULT '',
  produced_tag_id     uuid           REFERENCES tag (id),
  rejected_tag_id     uuid           REFERENCES tag (id),
  updated_at          timestamptz    NOT NULL,
  updated_by          varchar(100)   NOT NULL,
  CHECK (rejected_tag_id IS NULL OR rejected_tag_id <> produced_tag_id)
);

-- Where each machine's rollup stands: every second before rolled_to is in oee_shift_rollup. The
-- run state (NULL until a run-state reading is seen) holds from rolled_to; the counters' last
-- values re-base the next delta. Readings older than rolled_to are kept but not rolled up.
CREATE TABLE oee_cursor (
  company_id     uuid           NOT NULL REFERENCES company (id),
  machine_id     uuid           PRIMARY KEY REFERENCES machine (id),
  rolled_to      timestamptz    NOT NULL,
  running        boolean,
  produced_last  numeric(30, 6),
  rejected_last  numeric(30, 6),
  late_readings  bigint         NOT NULL DEFAULT 0
);

-- A machine's milliseconds and counts in one shift of one production date (a C shift, 22-06, belongs
-- to the date it starts on). running + stopped + no_data never exceeds the shift's 28,800,000 ms.
CREATE TABLE oee_shift_rollup (
  company_id       uuid           NOT NULL REFERENCES company (id),
  machine_id       uuid           NOT NULL REFERENCES machine (id),
  shift_date       date           NOT NULL,
  shift            varchar(1)     NOT NULL CHECK (shift IN ('A', 'B', 'C')),
  running_ms       bigint         NOT NULL DEFAULT 0 CHECK (running_ms >= 0),
  stopped_ms       bigint         NOT NULL DEFAULT 0 CHECK (stopped_ms >= 0),
  no_data_ms       bigint         NOT NULL DEFAULT 0 CHECK (no_data_ms >= 0),
  produced         numeric(30, 6) NOT NULL DEFAULT 0,
  rejected         numeric(30, 6) NOT NULL DEFAULT 0,
  PRIMARY KEY (machine_id, shift_date, shift)
);
CREATE INDEX oee_shift_rollup_date_idx ON oee_shift_rollup (company_id, shift_date);

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['machine_oee', 'oee_cursor', 'oee_shift_rollup'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY tenant_isolation ON %I USING (company_id = current_company_id())'
                   ' WITH CHECK (company_id = current_company_id())', t);
    EXECUTE format('CREATE POLICY owner_admin ON %I TO CURRENT_USER USING (true) WITH CHECK (true)', t);
  END LOOP;
END $$;

GRANT SELECT, INSERT, UPDATE ON machine_oee, oee_cursor, oee_shift_rollup TO ${runtime_role};

INSERT INTO role_permission (role_code, permission) VALUES
  ('admin', 'production.oee.read'), ('engineer', 'production.oee.read'),
  ('production', 'production.oee.read'), ('manager', 'production.oee.read');
