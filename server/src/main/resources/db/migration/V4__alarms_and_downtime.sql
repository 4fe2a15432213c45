-- Alarms (limit crossings with hysteresis) and downtime periods (from a machine's run-state tag),
-- both derived on ingest in the same transaction as the readings that caused them.

CREATE TABLE alarm (
  id              uuid           PRIMARY KEY,
  company_id      uuid           NOT NULL REFERENCES company (id),
  tag_id          uuid           NOT NULL REFERENCES tag (id),
  kind            varchar(4)     NOT NULL CHECK (kind IN ('HIGH', 'LOW')),
  limit_value     numeric(30, 6) NOT NULL,
  start_value     numeric(30, 6) NOT NULL,
  started_at      timestamptz    NOT NULL,
  ended_at        timestamptz,
  acknowledged_by varchar(100),
  acknowledged_at timestamptz
);
-- At most one open alarm of a kind per tag.
CREATE UNIQUE INDEX alarm_one_open_idx ON alarm (tag_id, kind) WHERE ended_at IS NULL;
CREATE INDEX alarm_company_started_idx ON alarm (company_id, started_at DESC);

CREATE TABLE downtime (
  id            uuid          PRIMARY KEY,
  company_id    uuid          NOT NULL REFERENCES company (id),
  machine_id    uuid          NOT NULL REFERENCES machine (id),
  started_at    timestamptz   NOT NULL,
  ended_at      timestamptz,
  reason        varchar(20)   NOT NULL DEFAULT ''
    CHECK (reason IN ('', 'mechanical', 'no_cane', 'electrical', 'planned', 'other')),
  note          varchar(500)  NOT NULL DEFAULT '',
  reason_set_by varchar(100)  NOT NULL DEFAULT ''
);
CREATE UNIQUE INDEX downtime_one_open_idx ON downtime (machine_id) WHERE ended_at IS NULL;
CREATE INDEX downtime_machine_started_idx ON downtime (machine_id, started_at DESC);

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['alarm', 'downtime'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY tenant_isolation ON %I USING (company_id = current_company_id())'
                   ' WITH CHECK (company_id = current_company_id())', t);
    EXECUTE format('CREATE POLICY owner_admin ON %I TO CURRENT_USER USING (true) WITH CHECK (true)', t);
  END LOOP;
END $$;

GRANT SELECT, INSERT, UPDATE ON alarm, downtime TO ${runtime_role};

INSERT INTO role_permission (role_code, permission) VALUES
  ('admin', 'telemetry.alarms.acknowledge'), ('admin', 'telemetry.downtime.manage'),
  ('engineer', 'telemetry.alarms.acknowledge'), ('engineer', 'telemetry.downtime.manage');
