-- Stores in the client (issue 16, ADR 0035): reorder levels per item and warehouse. An item's
-- company-wide reorder_level (V26) holds where it has no level of its own in a warehouse.
CREATE TABLE item_warehouse_reorder (
  company_id    uuid           NOT NULL REFERENCES company (id),
  item_id       uuid           NOT NULL REFERENCES item (id),
  warehouse_id  uuid           NOT NULL REFERENCES warehouse (id),
  reorder_level numeric(19, 6) NOT NULL CHECK (reorder_level > 0),
  updated_at    timestamptz    NOT NULL,
  updated_by    varchar(100)   NOT NULL,
  PRIMARY KEY (item_id, warehouse_id)
);
CREATE INDEX item_warehouse_reorder_company_idx ON item_warehouse_reorder (company_id);

ALTER TABLE item_warehouse_reorder ENABLE ROW LEVEL SECURITY;
ALTER TABLE item_warehouse_reorder FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON item_warehouse_reorder USING (company_id = current_company_id())
  WITH CHECK (company_id = current_company_id());
CREATE POLICY owner_admin ON item_warehouse_reorder TO CURRENT_USER USING (true) WITH CHECK (true);

GRANT SELECT, INSERT, UPDATE, DELETE ON item_warehouse_reorder TO ${runtime_role};

INSERT INTO role_permission (role_code, permission) VALUES
  ('admin', 'inventory.reorder.manage'), ('stores', 'inventory.reorder.manage');
