-- Factory telemetry: machines and tags, devices (edge agents), readings (partitioned by day on
-- the source time), quarantined readings. Company-scoped with row-level security as in V1.

CREATE TABLE machine (
  id          uuid          PRIMARY KEY,
  company_id  uuid          NOT NULL REFERENCES company (id),
  code        varchar(32)   NOT NULL,
  name        varchar(200)  NOT NULL,
  area        varchar(100)  NOT NULL DEFAULT '',
  active      boolean       NOT NULL DEFAULT true,
  created_at  timestamptz   NOT NULL,
  updated_at  timestamptz   NOT NULL,
  updated_by  varchar(100)  NOT NULL,
  version     bigint        NOT NULL DEFAULT 0,
  UNIQUE (company_id, code)
);

CREATE TABLE tag (
  id            uuid          PRIMARY KEY,
  company_id    uuid          NOT NULL REFERENCES company (id),
  machine_id    uuid          NOT NULL REFERENCES machine (id),
  key           varchar(100)  NOT NULL,
  name          varchar(200)  NOT NULL,
  unit          varchar(20)   NOT NULL DEFAULT '',
  value_type    varchar(10)   NOT NULL CHECK (value_type IN ('NUMBER', 'BOOLEAN', 'COUNTER')),
  expected_min  numeric(30, 6),
  expected_max  numeric(30, 6),
  alarm_low     numeric(30, 6),
  alarm_high    numeric(30, 6),
  hysteresis    numeric(30, 6) NOT NULL DEFAULT 0 CHECK (hysteresis >= 0),
  is_run_state  boolean       NOT NULL DEFAULT false,
  UNIQUE (company_id, key)
);

CREATE TABLE device (
  id                    uuid          PRIMARY KEY,
  company_id            uuid          NOT NULL REFERENCES company (id),
  name                  varchar(100)  NOT NULL,
  state                 varchar(20)   NOT NULL CHECK (state IN ('ENROLLMENT_PENDING', 'ACTIVE', 'REVOKED')),
  enrollment_token_hash bytea,
  enrollment_expires_at timestamptz,
  secret_hash           bytea,
  high_water_mark       bigint        NOT NULL DEFAULT 0,
  last_seen_at          timestamptz,
  agent_version         varchar(50)   NOT NULL DEFAULT '',
  created_at            timestamptz   NOT NULL,
  UNIQUE (company_id, name)
);
CREATE UNIQUE INDEX device_enrollment_token_idx ON device (enrollment_token_hash)
  WHERE enrollment_token_hash IS NOT NULL;

-- One row per reading; numbers in value_num, booleans in value_bool. Partitioned by day of the
-- source time; the server creates partitions ahead (see ReadingPartitions).
CREATE TABLE reading (
  company_id  uuid           NOT NULL,
  tag_id      uuid           NOT NULL,
  device_id   uuid           NOT NULL,
  seq         bigint         NOT NULL,
  source_time timestamptz    NOT NULL,
  received_at timestamptz    NOT NULL,
  value_num   numeric(30, 6),
  value_bool  boolean,
  quality     smallint       NOT NULL
) PARTITION BY RANGE (source_time);
CREATE INDEX reading_tag_time_idx ON reading (tag_id, source_time);

CREATE TABLE reading_quarantine (
  company_id  uuid          NOT NULL REFERENCES company (id),
  device_id   uuid          NOT NULL REFERENCES device (id),
  seq         bigint        NOT NULL,
  tag_key     varchar(200)  NOT NULL,
  source_time timestamptz,
  value       varchar(200)  NOT NULL,
  reason      varchar(300)  NOT NULL,
  received_at timestamptz   NOT NULL,
  PRIMARY KEY (device_id, seq)
);

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['machine', 'tag', 'device', 'reading', 'reading_quarantine'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY tenant_isolation ON %I USING (company_id = current_company_id())'
                   ' WITH CHECK (company_id = current_company_id())', t);
    EXECUTE format('CREATE POLICY owner_admin ON %I TO CURRENT_USER USING (true) WITH CHECK (true)', t);
  END LOOP;
END $$;

-- Enrolment and device sign-in happen before the company is known: these functions, owned by
-- the owner, find a device by the hash of its token or secret and nothing else.
CREATE FUNCTION find_device_by_enrollment(p_hash bytea)
  RETURNS TABLE (id uuid, company_id uuid, enrollment_expires_at timestamptz)
  LANGUAGE sql STABLE SECURITY DEFINER
  SET search_path = pg_catalog, public, pg_temp
  AS $$ SELECT d.id, d.company_id, d.enrollment_expires_at FROM public.device d
        WHERE d.enrollment_token_hash = p_hash AND d.state = 'ENROLLMENT_PENDING' $$;

CREATE FUNCTION find_device_for_uplink(p_id uuid)
  RETURNS TABLE (company_id uuid, secret_hash bytea, state varchar)
  LANGUAGE sql STABLE SECURITY DEFINER
  SET search_path = pg_catalog, public, pg_temp
  AS $$ SELECT d.company_id, d.secret_hash, d.state FROM public.device d WHERE d.id = p_id $$;

REVOKE ALL ON FUNCTION find_device_by_enrollment(bytea) FROM PUBLIC;
REVOKE ALL ON FUNCTION find_device_for_uplink(uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION find_device_by_enrollment(bytea) TO ${runtime_role};
GRANT EXECUTE ON FUNCTION find_device_for_uplink(uuid) TO ${runtime_role};

GRANT SELECT, INSERT, UPDATE ON machine, tag, device TO ${runtime_role};
GRANT SELECT, INSERT ON reading, reading_quarantine TO ${runtime_role};

INSERT INTO role (code, name, description) VALUES
  ('engineer', 'Shift engineer', 'Machines, tags, edge agents and the live monitor.');

INSERT INTO role_permission (role_code, permission) VALUES
  ('admin', 'telemetry.machines.read'), ('admin', 'telemetry.machines.manage'),
  ('admin', 'telemetry.devices.manage'),
  ('engineer', 'identity.company.read'),
  ('engineer', 'telemetry.machines.read'), ('engineer', 'telemetry.machines.manage'),
  ('engineer', 'telemetry.devices.manage'),
  ('stores', 'telemetry.machines.read');
