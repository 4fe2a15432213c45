-- The stock ledger: immutable moves grouped in movements, balances per item, warehouse and lot
-- kept in the same transaction, and the company-wide moving-average cost of each item.

CREATE TABLE stock_movement (
  id          uuid          PRIMARY KEY,
  company_id  uuid          NOT NULL REFERENCES company (id),
  kind        varchar(20)   NOT NULL,
  reference   varchar(100)  NOT NULL DEFAULT '',
  posted_at   timestamptz   NOT NULL,
  posted_by   varchar(100)  NOT NULL
);

CREATE TABLE stock_move (
  id           uuid           PRIMARY KEY,
  company_id   uuid           NOT NULL REFERENCES company (id),
  movement_id  uuid           NOT NULL REFERENCES stock_movement (id),
  item_id      uuid           NOT NULL REFERENCES item (id),
  warehouse_id uuid           NOT NULL REFERENCES warehouse (id),
  lot          varchar(40)    NOT NULL DEFAULT '',
  quantity     numeric(19, 6) NOT NULL CHECK (quantity <> 0),
  unit_cost    numeric(19, 4) NOT NULL,
  value        numeric(19, 4) NOT NULL,
  kind         varchar(20)    NOT NULL
    CHECK (kind IN ('RECEIPT', 'ISSUE', 'TRANSFER_IN', 'TRANSFER_OUT', 'ADJUSTMENT')),
  reference    varchar(100)   NOT NULL DEFAULT '',
  posted_at    timestamptz    NOT NULL,
  posted_by    varchar(100)   NOT NULL
);
CREATE INDEX stock_move_item_idx ON stock_move (company_id, item_id, posted_at);
CREATE INDEX stock_move_movement_idx ON stock_move (movement_id);

CREATE TABLE stock_balance (
  company_id   uuid           NOT NULL REFERENCES company (id),
  item_id      uuid           NOT NULL REFERENCES item (id),
  warehouse_id uuid           NOT NULL REFERENCES warehouse (id),
  lot          varchar(40)    NOT NULL DEFAULT '',
  quantity     numeric(19, 6) NOT NULL,
  value        numeric(19, 4) NOT NULL,
  PRIMARY KEY (company_id, item_id, warehouse_id, lot)
);

CREATE TABLE item_cost (
  company_id uuid           NOT NULL REFERENCES company (id),
  item_id    uuid           NOT NULL REFERENCES item (id),
  quantity   numeric(19, 6) NOT NULL,
  value      numeric(19, 4) NOT NULL,
  PRIMARY KEY (company_id, item_id)
);

CREATE TABLE inventory_setting (
  company_id           uuid    PRIMARY KEY REFERENCES company (id),
  allow_negative_stock boolean NOT NULL DEFAULT false
);

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['stock_movement', 'stock_move', 'stock_balance', 'item_cost', 'inventory_setting'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY tenant_isolation ON %I USING (company_id = current_company_id())'
                   ' WITH CHECK (company_id = current_company_id())', t);
    EXECUTE format('CREATE POLICY owner_admin ON %I TO CURRENT_USER USING (true) WITH CHECK (true)', t);
  END LOOP;
END $$;

-- Moves and movements are append-only for the runtime role: no UPDATE, no DELETE.
GRANT SELECT, INSERT ON stock_movement, stock_move TO ${runtime_role};
GRANT SELECT, INSERT, UPDATE ON stock_balance, item_cost, inventory_setting TO ${runtime_role};

INSERT INTO role_permission (role_code, permission) VALUES
  ('admin', 'inventory.stock.read'), ('admin', 'inventory.stock.move'), ('admin', 'inventory.stock.count'),
  ('stores', 'inventory.stock.read'), ('stores', 'inventory.stock.move'), ('stores', 'inventory.stock.count'),
  ('sales', 'inventory.stock.read'),
  ('accounts', 'inventory.stock.read');

-- Every company has its inventory settings; new companies get them when created.
INSERT INTO inventory_setting (company_id, allow_negative_stock) SELECT id, false FROM company;
