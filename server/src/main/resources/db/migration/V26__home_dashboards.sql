-- Home dashboards (issue 15): everyone may open the home screen (which cards they see follows
-- the permissions of the lists behind them), and items get a reorder level so the stores card
-- can count the items running short.

-- The on-hand quantity (all warehouses, in the item's unit) at or below which the item should be
-- reordered; 0 means the item has no reorder level.
ALTER TABLE item ADD COLUMN reorder_level numeric(19, 6) NOT NULL DEFAULT 0 CHECK (reorder_level >= 0);

INSERT INTO role_permission (role_code, permission) VALUES
  ('admin', 'analytics.dashboard.read'), ('manager', 'analytics.dashboard.read'),
  ('sales', 'analytics.dashboard.read'), ('stores', 'analytics.dashboard.read'),
  ('accounts', 'analytics.dashboard.read'), ('engineer', 'analytics.dashboard.read'),
  ('cane', 'analytics.dashboard.read'), ('production', 'analytics.dashboard.read'),
  ('lab', 'analytics.dashboard.read');
