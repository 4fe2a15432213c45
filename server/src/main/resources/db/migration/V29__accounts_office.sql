-- The accounts office in the client (issue 16): reopening a period, and bank reconciliation.

-- A closed period can be opened again by whoever may reopen (audited by the server).
INSERT INTO role_permission (role_code, permission) VALUES
  ('admin', 'accounting.reopen'), ('accounts', 'accounting.reopen'),
  ('admin', 'accounting.bank.reconcile'), ('accounts', 'accounting.bank.reconcile');

ALTER TABLE fiscal_period ADD COLUMN reopened_by varchar(100) NOT NULL DEFAULT '';
ALTER TABLE fiscal_period ADD COLUMN reopened_at timestamptz;

-- A line of a bank (or cash) account's statement as the bank printed it, matched to at most one
-- posted journal line on the same account; a journal line matches at most one statement line.
CREATE TABLE bank_statement_line (
  id               uuid           PRIMARY KEY,
  company_id       uuid           NOT NULL REFERENCES company (id),
  account_id       uuid           NOT NULL REFERENCES account (id),
  line_date        date           NOT NULL,
  reference        varchar(100)   NOT NULL DEFAULT '',
  -- Money in positive, money out negative (as debit minus credit on the account).
  amount           numeric(19, 4) NOT NULL CHECK (amount <> 0),
  journal_line_id  uuid           UNIQUE REFERENCES journal_line (id),
  reconciled_at    timestamptz,
  reconciled_by    varchar(100)   NOT NULL DEFAULT '',
  created_at       timestamptz    NOT NULL,
  created_by       varchar(100)   NOT NULL,
  CHECK ((journal_line_id IS NULL) = (reconciled_at IS NULL))
);
CREATE INDEX bank_statement_line_account_idx ON bank_statement_line (company_id, account_id, line_date);

ALTER TABLE bank_statement_line ENABLE ROW LEVEL SECURITY;
ALTER TABLE bank_statement_line FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON bank_statement_line USING (company_id = current_company_id())
  WITH CHECK (company_id = current_company_id());
CREATE POLICY owner_admin ON bank_statement_line TO CURRENT_USER USING (true) WITH CHECK (true);

GRANT SELECT, INSERT, UPDATE ON bank_statement_line TO ${runtime_role};
