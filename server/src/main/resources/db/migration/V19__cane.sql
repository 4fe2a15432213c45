-- Cane procurement (issue 14, ADR 0025): seasons with purchase centres and dated prices, growers
-- with plots, loans to growers, supply permits, weighbridge tickets, cane bills with the loans
-- they recover, and payment runs. Weights are kg NUMERIC(12,3); money NUMERIC(19,4).

CREATE TABLE cane_season (
  id          uuid          PRIMARY KEY,
  company_id  uuid          NOT NULL REFERENCES company (id),
  code        varchar(20)   NOT NULL,
  name        varchar(100)  NOT NULL,
  start_date  date          NOT NULL,
  end_date    date          NOT NULL,
  created_at  timestamptz   NOT NULL,
  created_by  varchar(100)  NOT NULL,
  CHECK (end_date >= start_date),
  UNIQUE (company_id, code)
);

-- A warehouse that buys cane in a season: the mill gate or an outside centre.
CREATE TABLE cane_centre (
  id            uuid           PRIMARY KEY,
  company_id    uuid           NOT NULL REFERENCES company (id),
  season_id     uuid           NOT NULL REFERENCES cane_season (id),
  warehouse_id  uuid           NOT NULL REFERENCES warehouse (id),
  kind          varchar(12)    NOT NULL CHECK (kind IN ('MILL_GATE', 'OUTSIDE')),
  -- The heaviest load the centre's bridge weighs (ADR 0025: 80 t unless set otherwise).
  max_weight_kg numeric(12, 3) NOT NULL DEFAULT 80000 CHECK (max_weight_kg > 0),
  UNIQUE (season_id, warehouse_id)
);

CREATE TABLE cane_price (
  id                uuid           PRIMARY KEY,
  company_id        uuid           NOT NULL REFERENCES company (id),
  centre_id         uuid           NOT NULL REFERENCES cane_centre (id),
  effective_from    date           NOT NULL,
  price_per_quintal numeric(19, 4) NOT NULL CHECK (price_per_quintal > 0),
  UNIQUE (centre_id, effective_from)
);

CREATE TABLE grower (
  id            uuid          PRIMARY KEY,
  company_id    uuid          NOT NULL REFERENCES company (id),
  party_id      uuid          NOT NULL REFERENCES party (id),
  grower_number varchar(20)   NOT NULL,
  village       varchar(100)  NOT NULL,
  created_at    timestamptz   NOT NULL,
  created_by    varchar(100)  NOT NULL,
  UNIQUE (company_id, grower_number),
  UNIQUE (company_id, party_id)
);
CREATE INDEX grower_village_idx ON grower (company_id, village, grower_number);

CREATE TABLE grower_plot (
  id              uuid           PRIMARY KEY,
  company_id      uuid           NOT NULL REFERENCES company (id),
  grower_id       uuid           NOT NULL REFERENCES grower (id),
  plot_code       varchar(40)    NOT NULL,
  area_acres      numeric(10, 3) NOT NULL CHECK (area_acres > 0),
  variety         varchar(60)    NOT NULL DEFAULT '',
  expected_tonnes numeric(12, 3) NOT NULL CHECK (expected_tonnes >= 0),
  UNIQUE (grower_id, plot_code)
);

CREATE TABLE grower_loan (
  id               uuid           PRIMARY KEY,
  company_id       uuid           NOT NULL REFERENCES company (id),
  number           varchar(30)    NOT NULL,
  grower_id        uuid           NOT NULL REFERENCES grower (id),
  kind             varchar(12)    NOT NULL CHECK (kind IN ('ADVANCE', 'SEED', 'FERTILISER', 'CASH')),
  loan_date        date           NOT NULL,
  amount           numeric(19, 4) NOT NULL CHECK (amount > 0),
  recovered        numeric(19, 4) NOT NULL DEFAULT 0 CHECK (recovered >= 0),
  paid_from        varchar(10)    NOT NULL CHECK (paid_from IN ('BANK', 'CASH')),
  note             varchar(300)   NOT NULL DEFAULT '',
  journal_entry_id uuid           NOT NULL REFERENCES journal_entry (id),
  posted_at        timestamptz    NOT NULL,
  posted_by        varchar(100)   NOT NULL,
  CHECK (recovered <= amount),
  UNIQUE (company_id, number)
);
CREATE INDEX grower_loan_grower_idx ON grower_loan (grower_id, loan_date, number);

CREATE TABLE cane_permit (
  id             uuid           PRIMARY KEY,
  company_id     uuid           NOT NULL REFERENCES company (id),
  number         varchar(30)    NOT NULL,
  -- The IssuePermits call that made it: a retry answers the same permits.
  batch_id       uuid           NOT NULL,
  centre_id      uuid           NOT NULL REFERENCES cane_centre (id),
  grower_id      uuid           NOT NULL REFERENCES grower (id),
  permit_date    date           NOT NULL,
  quota_quintals numeric(12, 4) NOT NULL CHECK (quota_quintals > 0),
  -- EXPIRED is not stored: an ISSUED permit whose date is past (ADR 0025).
  state          varchar(10)    NOT NULL CHECK (state IN ('ISSUED', 'USED', 'CANCELLED')),
  cancel_reason  varchar(300)   NOT NULL DEFAULT '',
  issued_at      timestamptz    NOT NULL,
  issued_by      varchar(100)   NOT NULL,
  UNIQUE (company_id, number)
);
CREATE INDEX cane_permit_day_idx ON cane_permit (company_id, permit_date, centre_id);
CREATE INDEX cane_permit_batch_idx ON cane_permit (batch_id);
CREATE INDEX cane_permit_grower_idx ON cane_permit (grower_id, permit_date);

CREATE TABLE weighbridge_ticket (
  id                  uuid           PRIMARY KEY,
  company_id          uuid           NOT NULL REFERENCES company (id),
  number              varchar(30)    NOT NULL,
  -- One ticket per permit: a permit is used once (the last guard when two clerks race).
  permit_id           uuid           NOT NULL UNIQUE REFERENCES cane_permit (id),
  centre_id           uuid           NOT NULL REFERENCES cane_centre (id),
  grower_id           uuid           NOT NULL REFERENCES grower (id),
  ticket_date         date           NOT NULL,
  vehicle_number      varchar(30)    NOT NULL,
  state               varchar(10)    NOT NULL CHECK (state IN ('OPEN', 'COMPLETED')),
  gross_kg            numeric(12, 3) NOT NULL CHECK (gross_kg > 0),
  gross_source        varchar(6)     NOT NULL CHECK (gross_source IN ('SCALE', 'MANUAL')),
  gross_reason        varchar(300)   NOT NULL DEFAULT '',
  weighed_in_at       timestamptz    NOT NULL,
  weighed_in_by       varchar(100)   NOT NULL,
  tare_kg             numeric(12, 3) CHECK (tare_kg > 0),
  tare_source         varchar(6)     CHECK (tare_source IN ('SCALE', 'MANUAL')),
  tare_reason         varchar(300)   NOT NULL DEFAULT '',
  weighed_out_at      timestamptz,
  weighed_out_by      varchar(100)   NOT NULL DEFAULT '',
  net_kg              numeric(12, 3) CHECK (net_kg > 0),
  price_per_quintal   numeric(19, 4),
  value               numeric(19, 4),
  movement_id         uuid           REFERENCES stock_movement (id),
  journal_entry_id    uuid           REFERENCES journal_entry (id),
  bill_id             uuid,
  CHECK (gross_source = 'SCALE' OR gross_reason <> ''),
  CHECK (tare_kg IS NULL OR tare_kg < gross_kg),
  CHECK (state = 'OPEN' OR (tare_kg IS NOT NULL AND net_kg = gross_kg - tare_kg AND value IS NOT NULL)),
  UNIQUE (company_id, number)
);
CREATE INDEX weighbridge_ticket_open_idx ON weighbridge_ticket (centre_id, weighed_in_at) WHERE state = 'OPEN';
CREATE INDEX weighbridge_ticket_grower_idx ON weighbridge_ticket (grower_id, ticket_date);
CREATE INDEX weighbridge_ticket_date_idx ON weighbridge_ticket (company_id, ticket_date DESC, number DESC);

CREATE TABLE cane_bill (
  id               uuid           PRIMARY KEY,
  company_id       uuid           NOT NULL REFERENCES company (id),
  number           varchar(30)    NOT NULL,
  -- The CreateCaneBills call that made it (one per grower): a retry answers the same bills.
  billing_id       uuid           NOT NULL,
  season_id        uuid           NOT NULL REFERENCES cane_season (id),
  grower_id        uuid           NOT NULL REFERENCES grower (id),
  from_date        date           NOT NULL,
  to_date          date           NOT NULL,
  bill_date        date           NOT NULL,
  -- Null: every centre.
  warehouse_id     uuid           REFERENCES warehouse (id),
  ticket_count     integer        NOT NULL CHECK (ticket_count > 0),
  cane_kg          numeric(14, 3) NOT NULL CHECK (cane_kg > 0),
  cane_value       numeric(19, 4) NOT NULL CHECK (cane_value >= 0),
  deducted         numeric(19, 4) NOT NULL CHECK (deducted >= 0),
  net_payable      numeric(19, 4) NOT NULL CHECK (net_payable >= 0),
  paid             numeric(19, 4) NOT NULL DEFAULT 0 CHECK (paid >= 0),
  journal_entry_id uuid           REFERENCES journal_entry (id),
  posted_at        timestamptz    NOT NULL,
  posted_by        varchar(100)   NOT NULL,
  CHECK (net_payable = cane_value - deducted),
  CHECK (paid <= net_payable),
  CHECK (to_date >= from_date),
  UNIQUE (company_id, number)
);
CREATE INDEX cane_bill_grower_idx ON cane_bill (grower_id, bill_date);
CREATE INDEX cane_bill_billing_idx ON cane_bill (billing_id);
ALTER TABLE weighbridge_ticket ADD FOREIGN KEY (bill_id) REFERENCES cane_bill (id);

CREATE TABLE cane_bill_deduction (
  id         uuid           PRIMARY KEY,
  company_id uuid           NOT NULL REFERENCES company (id),
  bill_id    uuid           NOT NULL REFERENCES cane_bill (id),
  loan_id    uuid           NOT NULL REFERENCES grower_loan (id),
  amount     numeric(19, 4) NOT NULL CHECK (amount > 0),
  UNIQUE (bill_id, loan_id)
);

CREATE TABLE cane_payment_run (
  id               uuid           PRIMARY KEY,
  company_id       uuid           NOT NULL REFERENCES company (id),
  number           varchar(30)    NOT NULL,
  payment_date     date           NOT NULL,
  total            numeric(19, 4) NOT NULL CHECK (total > 0),
  journal_entry_id uuid           NOT NULL REFERENCES journal_entry (id),
  posted_at        timestamptz    NOT NULL,
  posted_by        varchar(100)   NOT NULL,
  UNIQUE (company_id, number)
);

CREATE TABLE cane_payment (
  id         uuid           PRIMARY KEY,
  company_id uuid           NOT NULL REFERENCES company (id),
  run_id     uuid           NOT NULL REFERENCES cane_payment_run (id),
  -- A bill is paid once, in full.
  bill_id    uuid           NOT NULL UNIQUE REFERENCES cane_bill (id),
  method     varchar(12)    NOT NULL CHECK (method IN ('BANK', 'MOBILE_MONEY')),
  reference  varchar(100)   NOT NULL CHECK (reference <> ''),
  amount     numeric(19, 4) NOT NULL CHECK (amount > 0)
);

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['cane_season', 'cane_centre', 'cane_price', 'grower', 'grower_plot', 'grower_loan',
                           'cane_permit', 'weighbridge_ticket', 'cane_bill', 'cane_bill_deduction',
                           'cane_payment_run', 'cane_payment'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY tenant_isolation ON %I USING (company_id = current_company_id())'
                   ' WITH CHECK (company_id = current_company_id())', t);
    EXECUTE format('CREATE POLICY owner_admin ON %I TO CURRENT_USER USING (true) WITH CHECK (true)', t);
  END LOOP;
END $$;

GRANT SELECT, INSERT ON cane_season, cane_centre, grower, grower_plot, grower_loan, cane_permit,
  weighbridge_ticket, cane_bill, cane_bill_deduction, cane_payment_run, cane_payment TO ${runtime_role};
GRANT SELECT, INSERT, UPDATE ON cane_price TO ${runtime_role};
GRANT UPDATE (recovered) ON grower_loan TO ${runtime_role};
GRANT UPDATE (state, cancel_reason) ON cane_permit TO ${runtime_role};
GRANT UPDATE (state, tare_kg, tare_source, tare_reason, weighed_out_at, weighed_out_by, net_kg,
  price_per_quintal, value, movement_id, journal_entry_id, bill_id) ON weighbridge_ticket TO ${runtime_role};
GRANT UPDATE (paid) ON cane_bill TO ${runtime_role};

INSERT INTO role_permission (role_code, permission) VALUES
  ('admin', 'cane.read'), ('admin', 'cane.season.manage'), ('admin', 'cane.permit.manage'),
  ('admin', 'cane.weigh'), ('admin', 'cane.bill.manage'), ('admin', 'cane.pay'),
  ('cane', 'cane.read'), ('cane', 'cane.season.manage'), ('cane', 'cane.permit.manage'),
  ('cane', 'cane.weigh'), ('cane', 'cane.bill.manage'), ('cane', 'cane.pay'),
  ('accounts', 'cane.read'), ('accounts', 'cane.pay');


-- The cane office also keeps the grower's supplier record (DOMAIN.md: "grower and supplier
-- records") and looks up what its screens show: the company, units, items, centres (warehouses),
-- the cane in stock and the weighbridge machine.
INSERT INTO role_permission (role_code, permission) VALUES
  ('cane', 'identity.company.read'), ('cane', 'masterdata.units.read'),
  ('cane', 'masterdata.items.read'), ('cane', 'masterdata.suppliers.read'),
  ('cane', 'masterdata.suppliers.manage'), ('cane', 'masterdata.warehouses.read'),
  ('cane', 'inventory.stock.read'), ('cane', 'telemetry.machines.read');
