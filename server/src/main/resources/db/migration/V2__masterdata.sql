-- Master data: units of measure, items, parties (customers and suppliers), warehouses with
-- locations, and saved searches. Every table is company-scoped with row-level security, as in V1.

CREATE TABLE unit_of_measure (
  id             uuid          PRIMARY KEY,
  company_id     uuid          NOT NULL REFERENCES company (id),
  code           varchar(16)   NOT NULL,
  name           varchar(100)  NOT NULL,
  dimension      varchar(16)   NOT NULL CHECK (dimension IN ('MASS', 'VOLUME', 'COUNT', 'LENGTH')),
  factor_to_base numeric(30, 12) NOT NULL CHECK (factor_to_base > 0),
  active         boolean       NOT NULL DEFAULT true,
  created_at     timestamptz   NOT NULL,
  updated_at     timestamptz   NOT NULL,
  updated_by     varchar(100)  NOT NULL,
  version        bigint        NOT NULL DEFAULT 0,
  UNIQUE (company_id, code)
);

CREATE TABLE item (
  id                 uuid          PRIMARY KEY,
  company_id         uuid          NOT NULL REFERENCES company (id),
  code               varchar(32)   NOT NULL,
  name               varchar(200)  NOT NULL,
  unit_code          varchar(16)   NOT NULL,
  kind               varchar(20)   NOT NULL
    CHECK (kind IN ('RAW_MATERIAL', 'FINISHED_GOOD', 'BY_PRODUCT', 'SERVICE', 'CONSUMABLE')),
  default_sale_price numeric(19, 4) NOT NULL DEFAULT 0 CHECK (default_sale_price >= 0),
  tax_category       varchar(16)   NOT NULL CHECK (tax_category IN ('STANDARD', 'ZERO_RATED', 'EXEMPT')),
  active             boolean       NOT NULL DEFAULT true,
  created_at         timestamptz   NOT NULL,
  updated_at         timestamptz   NOT NULL,
  updated_by         varchar(100)  NOT NULL,
  version            bigint        NOT NULL DEFAULT 0,
  UNIQUE (company_id, code),
  FOREIGN KEY (company_id, unit_code) REFERENCES unit_of_measure (company_id, code)
);
CREATE INDEX item_company_name_idx ON item (company_id, name);

CREATE TABLE party (
  id                 uuid          PRIMARY KEY,
  company_id         uuid          NOT NULL REFERENCES company (id),
  code               varchar(32)   NOT NULL,
  name               varchar(200)  NOT NULL,
  address            varchar(500)  NOT NULL DEFAULT '',
  phone              varchar(40)   NOT NULL DEFAULT '',
  bin                varchar(13)   NOT NULL DEFAULT '' CHECK (bin = '' OR bin ~ '^[0-9]{13}$'),
  credit_limit       numeric(19, 4) NOT NULL DEFAULT 0 CHECK (credit_limit >= 0),
  payment_terms_days integer       NOT NULL DEFAULT 0 CHECK (payment_terms_days BETWEEN 0 AND 365),
  is_customer        boolean       NOT NULL DEFAULT false,
  is_supplier        boolean       NOT NULL DEFAULT false,
  active             boolean       NOT NULL DEFAULT true,
  created_at         timestamptz   NOT NULL,
  updated_at         timestamptz   NOT NULL,
  updated_by         varchar(100)  NOT NULL,
  version            bigint        NOT NULL DEFAULT 0,
  UNIQUE (company_id, code),
  CHECK (is_customer OR is_supplier)
);
CREATE INDEX party_company_name_idx ON party (company_id, name);

CREATE TABLE warehouse (
  id          uuid          PRIMARY KEY,
  company_id  uuid          NOT NULL REFERENCES company (id),
  code        varchar(32)   NOT NULL,
  name        varchar(200)  NOT NULL,
  address     varchar(500)  NOT NULL DEFAULT '',
  active      boolean       NOT NULL DEFAULT true,
  created_at  timestamptz   NOT NULL,
  updated_at  timestamptz   NOT NULL,
  updated_by  varchar(100)  NOT NULL,
  version     bigint        NOT NULL DEFAULT 0,
  UNIQUE (company_id, code)
);

CREATE TABLE warehouse_location (
  id           uuid          PRIMARY KEY,
  company_id   uuid          NOT NULL REFERENCES company (id),
  warehouse_id uuid          NOT NULL REFERENCES warehouse (id),
  code         varchar(32)   NOT NULL,
  name         varchar(200)  NOT NULL,
  active       boolean       NOT NULL DEFAULT true,
  UNIQUE (warehouse_id, code)
);

CREATE TABLE saved_search (
  id          uuid          PRIMARY KEY,
  company_id  uuid          NOT NULL REFERENCES company (id),
  user_id     uuid          NOT NULL REFERENCES app_user (id),
  screen      varchar(40)   NOT NULL,
  name        varchar(100)  NOT NULL,
  filter      varchar(500)  NOT NULL,
  order_by    varchar(40)   NOT NULL,
  updated_at  timestamptz   NOT NULL,
  UNIQUE (company_id, user_id, screen, name)
);

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['unit_of_measure', 'item', 'party', 'warehouse', 'warehouse_location', 'saved_search'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY tenant_isolation ON %I USING (company_id = current_company_id())'
                   ' WITH CHECK (company_id = current_company_id())', t);
    EXECUTE format('CREATE POLICY owner_admin ON %I TO CURRENT_USER USING (true) WITH CHECK (true)', t);
  END LOOP;
END $$;

-- A person's saved searches are theirs alone, even within the company.
CREATE POLICY own_searches ON saved_search AS RESTRICTIVE
  USING (user_id = current_app_user_id() OR current_user <> '${runtime_role}')
  WITH CHECK (user_id = current_app_user_id() OR current_user <> '${runtime_role}');

GRANT SELECT, INSERT, UPDATE ON unit_of_measure, item, party, warehouse, warehouse_location TO ${runtime_role};
GRANT SELECT, INSERT, UPDATE, DELETE ON saved_search TO ${runtime_role};

-- Default units for the companies that exist already; new companies get them when created.
INSERT INTO unit_of_measure (id, company_id, code, name, dimension, factor_to_base, created_at, updated_at, updated_by)
SELECT gen_random_uuid(), c.id, u.code, u.name, u.dimension, u.factor, now(), now(), 'system'
FROM company c CROSS JOIN (VALUES
  ('kg',    'Kilogram',        'MASS',   1),
  ('g',     'Gram',            'MASS',   0.001),
  ('t',     'Metric tonne',    'MASS',   1000),
  ('q',     'Quintal',         'MASS',   100),
  ('maund', 'Maund',           'MASS',   37.3242),
  ('bag',   'Bag (50 kg)',     'MASS',   50),
  ('l',     'Litre',           'VOLUME', 1),
  ('m3',    'Cubic metre',     'VOLUME', 1000),
  ('pc',    'Piece',           'COUNT',  1),
  ('m',     'Metre',           'LENGTH', 1)
) AS u (code, name, dimension, factor);

-- What each role may do with master data.
INSERT INTO role_permission (role_code, permission) VALUES
  ('admin', 'masterdata.units.read'), ('admin', 'masterdata.units.manage'),
  ('admin', 'masterdata.items.read'), ('admin', 'masterdata.items.manage'),
  ('admin', 'masterdata.customers.read'), ('admin', 'masterdata.customers.manage'),
  ('admin', 'masterdata.suppliers.read'), ('admin', 'masterdata.suppliers.manage'),
  ('admin', 'masterdata.warehouses.read'), ('admin', 'masterdata.warehouses.manage'),
  ('sales', 'masterdata.units.read'), ('sales', 'masterdata.items.read'),
  ('sales', 'masterdata.customers.read'), ('sales', 'masterdata.customers.manage'),
  ('sales', 'masterdata.warehouses.read'),
  ('stores', 'masterdata.units.read'), ('stores', 'masterdata.units.manage'),
  ('stores', 'masterdata.items.read'), ('stores', 'masterdata.items.manage'),
  ('stores', 'masterdata.suppliers.read'),
  ('stores', 'masterdata.warehouses.read'), ('stores', 'masterdata.warehouses.manage'),
  ('accounts', 'masterdata.units.read'), ('accounts', 'masterdata.items.read'),
  ('accounts', 'masterdata.customers.read'), ('accounts', 'masterdata.customers.manage'),
  ('accounts', 'masterdata.suppliers.read'), ('accounts', 'masterdata.suppliers.manage'),
  ('accounts', 'masterdata.warehouses.read');
