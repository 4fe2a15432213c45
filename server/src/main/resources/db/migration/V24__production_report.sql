-- Yesterday's production report (issue 15): one read-only call, no tables of its own (it reads
-- runs, tickets, samples and the stock ledger through the report connection). Who may open it:
-- the mill manager and the admin, and the people whose work it sums up: production (runs and
-- stops), lab (the lab averages) and engineers (crushing rate and lost time). Accounts and the
-- cane office have their own reports; the report carries no money.
INSERT INTO role_permission (role_code, permission) VALUES
  ('admin', 'analytics.report.read'),
  ('manager', 'analytics.report.read'),
  ('production', 'analytics.report.read'),
  ('lab', 'analytics.report.read'),
  ('engineer', 'analytics.report.read');
