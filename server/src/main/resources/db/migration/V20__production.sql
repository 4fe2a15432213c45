-- Production (issue 14): bills of materials with co- and by-products, work centres mapped to
-- telemetry machines, production runs per shift with their consumption, outputs and stops, and
-- the lab's samples per stream with limits. Company-scoped with row-level security as in V8.

CREATE TABLE production_bom (
  id                  uuid           PRIMARY KEY,
  company_id          uuid           NOT NULL REFERENCES company (id),
  code                varchar(32)    NOT NULL,
  name                varchar(200)   NOT NULL,
  product_item_id     uuid           NOT NULL REFERENCES item (id),
  -- The quantity of the main input (the first input line) the lines are written for.
  base_quantity       numeric(19, 6) NOT NULL CHECK (base_quantity > 0),
  expected_loss_pct   numeric(7, 4)  NOT NULL CHECK (expected_loss_pct >= 0 AND expected_loss_pct < 100),
  active              boolean        NOT NULL DEFAULT true,
  created_at          timestamptz    NOT NULL,
  updated_at          timestamptz    NOT NULL,
  updated_by          varchar(100)   NOT NULL,
  version             bigint         NOT NULL DEFAULT 1,
  UNIQUE (company_id, code)
);

CREATE TABLE production_bom_input (
  id          uuid           PRIMARY KEY,
  company_id  uuid           NOT NULL REFERENCES company (id),
  bom_id      uuid           NOT NULL REFERENCES production_bom (id),
  line_no     integer        NOT NULL,
  item_id     uuid           NOT NULL REFERENCES item (id),
  quantity    numeric(19, 6) NOT NULL CHECK (quantity > 0),
  UNIQUE (bom_id, line_no)
);

CREATE TABLE production_bom_output (
  id                 uuid           PRIMARY KEY,
  company_id         uuid           NOT NULL REFERENCES company (id),
  bom_id             uuid           NOT NULL REFERENCES production_bom (id),
  line_no            integer        NOT NULL,
  item_id            uuid           NOT NULL REFERENCES item (id),
  output_type        varchar(12)    NOT NULL CHECK (output_type IN ('MAIN', 'CO_PRODUCT', 'BY_PRODUCT')),
  cost_share_pct     numeric(7, 4)  NOT NULL CHECK (cost_share_pct >= 0 AND cost_share_pct <= 100),
  expected_quantity  numeric(19, 6) NOT NULL DEFAULT 0 CHECK (expected_quantity >= 0),
  figure             varchar(12)    NOT NULL DEFAULT 'OTHER'
    CHECK (figure IN ('SUGAR', 'MOLASSES', 'BAGASSE', 'PRESS_MUD', 'OTHER')),
  UNIQUE (bom_id, line_no),
  UNIQUE (bom_id, item_id)
);

CREATE TABLE work_centre (
  id              uuid           PRIMARY KEY,
  company_id      uuid           NOT NULL REFERENCES company (id),
  code            varchar(32)    NOT NULL,
  name            varchar(200)   NOT NULL,
  cost_basis      varchar(10)    NOT NULL CHECK (cost_basis IN ('PER_TONNE', 'PER_HOUR')),
  conversion_rate numeric(19, 4) NOT NULL CHECK (conversion_rate >= 0),
  active          boolean        NOT NULL DEFAULT true,
  created_at      timestamptz    NOT NULL,
  updated_at      timestamptz    NOT NULL,
  updated_by      varchar(100)   NOT NULL,
  version         bigint         NOT NULL DEFAULT 1,
  UNIQUE (company_id, code)
);

CREATE TABLE work_centre_machine (
  company_id      uuid NOT NULL REFERENCES company (id),
  work_centre_id  uuid NOT NULL REFERENCES work_centre (id),
  machine_id      uuid NOT NULL REFERENCES machine (id),
  PRIMARY KEY (work_centre_id, machine_id)
);

CREATE TABLE production_run (
  id                   uuid           PRIMARY KEY,
  company_id           uuid           NOT NULL REFERENCES company (id),
  number               varchar(30)    NOT NULL,
  work_centre_id       uuid           NOT NULL REFERENCES work_centre (id),
  bom_id               uuid           NOT NULL REFERENCES production_bom (id),
  run_date             date           NOT NULL,
  shift                varchar(3)     NOT NULL CHECK (shift IN ('A', 'B', 'C', 'DAY')),
  warehouse_id         uuid           NOT NULL REFERENCES warehouse (id),
  state                varchar(10)    NOT NULL CHECK (state IN ('PLANNED', 'STARTED', 'FINISHED', 'REVERSED')),
  note                 varchar(500)   NOT NULL DEFAULT '',
  -- The shift's hours in UTC (from the company's clock), the window its stops and downtime fall in.
  window_start         timestamptz    NOT NULL,
  window_end           timestamptz    NOT NULL CHECK (window_end > window_start),
  started_at           timestamptz,
  finished_at          timestamptz,
  input_value          numeric(19, 4),
  conversion_cost      numeric(19, 4),
  output_value         numeric(19, 4),
  abnormal_loss_value  numeric(19, 4),
  issue_movement_id    uuid           REFERENCES stock_movement (id),
  receipt_movement_id  uuid           REFERENCES stock_movement (id),
  journal_entry_id     uuid           REFERENCES journal_entry (id),
  reversed_at          timestamptz,
  reversal_note        varchar(300)   NOT NULL DEFAULT '',
  reversal_issue_movement_id   uuid   REFERENCES stock_movement (id),
  reversal_receipt_movement_id uuid   REFERENCES stock_movement (id),
  reversal_entry_id    uuid           REFERENCES journal_entry (id),
  created_at           timestamptz    NOT NULL,
  created_by           varchar(100)   NOT NULL,
  updated_at           timestamptz    NOT NULL,
  updated_by           varchar(100)   NOT NULL,
  version              bigint         NOT NULL DEFAULT 0,
  UNIQUE (company_id, number),
  -- A finished run's value always balances: outputs plus abnormal loss are inputs plus conversion.
  CHECK (state IN ('PLANNED', 'STARTED')
         OR output_value + abnormal_loss_value = input_value + conversion_cost)
);
-- One live run per work centre, date and shift (a reversed run frees its shift).
CREATE UNIQUE INDEX production_run_shift_idx ON production_run (company_id, work_centre_id, run_date, shift)
  WHERE state <> 'REVERSED';
CREATE INDEX production_run_date_idx ON production_run (company_id, run_date DESC, id DESC);

CREATE TABLE production_run_line (
  id           uuid           PRIMARY KEY,
  company_id   uuid           NOT NULL REFERENCES company (id),
  run_id       uuid           NOT NULL REFERENCES production_run (id),
  direction    varchar(3)     NOT NULL CHECK (direction IN ('IN', 'OUT')),
  item_id      uuid           NOT NULL REFERENCES item (id),
  quantity     numeric(19, 6) NOT NULL CHECK (quantity > 0),
  lot          varchar(40)    NOT NULL DEFAULT '',
  output_type  varchar(12)    CHECK (output_type IN ('MAIN', 'CO_PRODUCT', 'BY_PRODUCT')),
  -- The stock value moved, set when the run is finished.
  value        numeric(19, 4),
  recorded_at  timestamptz    NOT NULL,
  recorded_by  varchar(100)   NOT NULL
);
CREATE INDEX production_run_line_run_idx ON production_run_line (run_id);

CREATE TABLE production_run_stop (
  id           uuid           PRIMARY KEY,
  company_id   uuid           NOT NULL REFERENCES company (id),
  run_id       uuid           NOT NULL REFERENCES production_run (id),
  from_at      timestamptz    NOT NULL,
  to_at        timestamptz    NOT NULL CHECK (to_at > from_at),
  reason       varchar(12)    NOT NULL
    CHECK (reason IN ('MECHANICAL', 'ELECTRICAL', 'NO_CANE', 'CLEANING', 'POWER')),
  note         varchar(500)   NOT NULL DEFAULT '',
  -- The telemetry downtime this stop explains; each is explained once.
  downtime_id  uuid           UNIQUE REFERENCES downtime (id),
  recorded_at  timestamptz    NOT NULL,
  recorded_by  varchar(100)   NOT NULL
);
CREATE INDEX production_run_stop_run_idx ON production_run_stop (run_id);

CREATE TABLE lab_stream_limit (
  company_id  uuid           NOT NULL REFERENCES company (id),
  stream      varchar(20)    NOT NULL,
  field       varchar(20)    NOT NULL
    CHECK (field IN ('brix', 'pol', 'purity', 'colour_icumsa', 'moisture_percent', 'grain_mm')),
  min_value   numeric(12, 4),
  max_value   numeric(12, 4),
  updated_at  timestamptz    NOT NULL,
  updated_by  varchar(100)   NOT NULL,
  CHECK (min_value IS NULL OR max_value IS NULL OR min_value <= max_value),
  PRIMARY KEY (company_id, stream, field)
);

CREATE TABLE lab_sample (
  id               uuid           PRIMARY KEY,
  company_id       uuid           NOT NULL REFERENCES company (id),
  -- The samples recorded together (one lab grid), in the order sent.
  batch_id         uuid           NOT NULL,
  line_no          integer        NOT NULL,
  stream           varchar(20)    NOT NULL CHECK (stream IN ('PRIMARY_JUICE', 'MIXED_JUICE', 'CLEAR_JUICE',
                     'SYRUP', 'MASSECUITE_A', 'MASSECUITE_B', 'MASSECUITE_C', 'FINAL_MOLASSES', 'SUGAR')),
  taken_at         timestamptz    NOT NULL,
  run_id           uuid           REFERENCES production_run (id),
  brix             numeric(7, 4)  CHECK (brix >= 0 AND brix <= 100),
  pol              numeric(7, 4)  CHECK (pol >= 0 AND pol <= 100),
  purity           numeric(7, 4),
  colour_icumsa    numeric(10, 2) CHECK (colour_icumsa >= 0),
  moisture_percent numeric(7, 4)  CHECK (moisture_percent >= 0 AND moisture_percent <= 100),
  grain_mm         numeric(7, 4)  CHECK (grain_mm >= 0),
  note             varchar(300)   NOT NULL DEFAULT '',
  recorded_at      timestamptz    NOT NULL,
  recorded_by      varchar(100)   NOT NULL,
  CHECK (pol IS NULL OR brix IS NULL OR pol <= brix)
);
CREATE INDEX lab_sample_taken_idx ON lab_sample (company_id, taken_at DESC, id DESC);
CREATE INDEX lab_sample_run_idx ON lab_sample (run_id);
CREATE INDEX lab_sample_batch_idx ON lab_sample (batch_id, line_no);

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['production_bom', 'production_bom_input', 'production_bom_output', 'work_centre',
                           'work_centre_machine', 'production_run', 'production_run_line',
                           'production_run_stop', 'lab_stream_limit', 'lab_sample'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY tenant_isolation ON %I USING (company_id = current_company_id())'
                   ' WITH CHECK (company_id = current_company_id())', t);
    EXECUTE format('CREATE POLICY owner_admin ON %I TO CURRENT_USER USING (true) WITH CHECK (true)', t);
  END LOOP;
END $$;

-- A BOM's and a work centre's lines are replaced when they are saved; a run's lines and stops
-- are appended, and the run's header moves through its states.
GRANT SELECT, INSERT, UPDATE ON production_bom, work_centre, production_run, lab_stream_limit TO ${runtime_role};
GRANT SELECT, INSERT, DELETE ON production_bom_input, production_bom_output, work_centre_machine TO ${runtime_role};
GRANT SELECT, INSERT ON production_run_stop, lab_sample TO ${runtime_role};
GRANT SELECT, INSERT ON production_run_line TO ${runtime_role};
GRANT UPDATE (value) ON production_run_line TO ${runtime_role};

INSERT INTO role_permission (role_code, permission) VALUES
  ('admin', 'production.read'), ('admin', 'production.bom.manage'), ('admin', 'production.run.manage'),
  ('admin', 'production.run.post'), ('admin', 'lab.read'), ('admin', 'lab.sample.record'),
  ('production', 'production.read'), ('production', 'production.bom.manage'),
  ('production', 'production.run.manage'), ('production', 'production.run.post'), ('production', 'lab.read'),
  ('lab', 'lab.read'), ('lab', 'lab.sample.record'), ('lab', 'production.read');

-- Shift engineers and the lab look up what their screens show: the company, units, items, the
-- warehouses a run takes from and puts into, stock on hand and the machines of a work centre.
INSERT INTO role_permission (role_code, permission) VALUES
  ('production', 'identity.company.read'), ('production', 'masterdata.units.read'),
  ('production', 'masterdata.items.read'), ('production', 'masterdata.warehouses.read'),
  ('production', 'inventory.stock.read'), ('production', 'telemetry.machines.read'),
  ('lab', 'identity.company.read'), ('lab', 'masterdata.items.read');
