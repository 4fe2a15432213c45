-- The mill manager: reads every domain, approves purchase orders, and (issue 15) opens the
-- production report, OEE and the home dashboards. Later migrations grant those permissions.

INSERT INTO role (code, name, description) VALUES
  ('manager', 'Mill manager', 'Reads every domain, approves purchase orders, production reports and OEE.');

INSERT INTO role_permission (role_code, permission) VALUES
  ('manager', 'identity.company.read'),
  ('manager', 'masterdata.customers.read'), ('manager', 'masterdata.items.read'),
  ('manager', 'masterdata.suppliers.read'), ('manager', 'masterdata.units.read'),
  ('manager', 'masterdata.warehouses.read'),
  ('manager', 'inventory.stock.read'),
  ('manager', 'accounting.read'),
  ('manager', 'sales.read'),
  ('manager', 'purchasing.read'), ('manager', 'purchasing.order.approve'),
  ('manager', 'cane.read'),
  ('manager', 'production.read'), ('manager', 'lab.read'),
  ('manager', 'telemetry.machines.read');
