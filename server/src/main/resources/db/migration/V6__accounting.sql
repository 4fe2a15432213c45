-- Double-entry books: accounts, fiscal years and periods, journal entries that balance (checked
-- by PostgreSQL at commit) and are append-only, and per-company document numbers.

CREATE TABLE account (
  id          uuid          PRIMARY KEY,
  company_id  uuid          NOT NULL REFERENCES company (id),
  code        varchar(20)   NOT NULL,
  name        varchar(200)  NOT NULL,
  type        varchar(10)   NOT NULL CHECK (type IN ('ASSET', 'LIABILITY', 'EQUITY', 'INCOME', 'EXPENSE')),
  active      boolean       NOT NULL DEFAULT true,
  UNIQUE (company_id, code)
);

CREATE TABLE fiscal_year (
  id          uuid         PRIMARY KEY,
  company_id  uuid         NOT NULL REFERENCES company (id),
  name        varchar(20)  NOT NULL,
  start_date  date         NOT NULL,
  end_date    date         NOT NULL,
  UNIQUE (company_id, start_date)
);

CREATE TABLE fiscal_period (
  id             uuid          PRIMARY KEY,
  company_id     uuid          NOT NULL REFERENCES company (id),
  fiscal_year_id uuid          NOT NULL REFERENCES fiscal_year (id),
  number         integer       NOT NULL CHECK (number BETWEEN 1 AND 12),
  start_date     date          NOT NULL,
  end_date       date          NOT NULL,
  closed         boolean       NOT NULL DEFAULT false,
  closed_by      varchar(100)  NOT NULL DEFAULT '',
  closed_at      timestamptz,
  UNIQUE (fiscal_year_id, number)
);
CREATE INDEX fiscal_period_dates_idx ON fiscal_period (company_id, start_date);

CREATE TABLE doc_sequence (
  company_id  uuid         NOT NULL REFERENCES company (id),
  doc_type    varchar(10)  NOT NULL,
  year_label  varchar(10)  NOT NULL,
  next_number bigint       NOT NULL,
  PRIMARY KEY (company_id, doc_type, year_label)
);

CREATE TABLE journal_entry (
  id          uuid          PRIMARY KEY,
  company_id  uuid          NOT NULL REFERENCES company (id),
  number      varchar(30)   NOT NULL,
  entry_date  date          NOT NULL,
  period_id   uuid          NOT NULL REFERENCES fiscal_period (id),
  memo        varchar(500)  NOT NULL DEFAULT '',
  source      varchar(30)   NOT NULL DEFAULT 'MANUAL',
  source_id   uuid,
  reversal_of uuid          REFERENCES journal_entry (id),
  posted_at   timestamptz   NOT NULL,
  posted_by   varchar(100)  NOT NULL,
  UNIQUE (company_id, number)
);
CREATE UNIQUE INDEX journal_entry_one_reversal_idx ON journal_entry (reversal_of) WHERE reversal_of IS NOT NULL;

CREATE TABLE journal_line (
  id          uuid           PRIMARY KEY,
  company_id  uuid           NOT NULL REFERENCES company (id),
  entry_id    uuid           NOT NULL REFERENCES journal_entry (id),
  line_no     integer        NOT NULL,
  account_id  uuid           NOT NULL REFERENCES account (id),
  debit       numeric(19, 4) NOT NULL DEFAULT 0 CHECK (debit >= 0),
  credit      numeric(19, 4) NOT NULL DEFAULT 0 CHECK (credit >= 0),
  memo        varchar(200)   NOT NULL DEFAULT '',
  CHECK ((debit = 0) <> (credit = 0)),
  UNIQUE (entry_id, line_no)
);
CREATE INDEX journal_line_account_idx ON journal_line (company_id, account_id);

-- An entry must balance. Checked when the transaction commits, after all its lines are in.
CREATE FUNCTION journal_entry_balances() RETURNS trigger
  LANGUAGE plpgsql AS $$
DECLARE d numeric; c numeric; n integer;
BEGIN
  SELECT coalesce(sum(debit), 0), coalesce(sum(credit), 0), count(*) INTO d, c, n
    FROM journal_line WHERE entry_id = NEW.id;
  IF n < 2 OR d <> c THEN
    RAISE EXCEPTION 'journal entry % does not balance: debits %, credits %, % line(s)', NEW.number, d, c, n
      USING ERRCODE = '23514';
  END IF;
  RETURN NULL;
END $$;
CREATE CONSTRAINT TRIGGER journal_entry_must_balance
  AFTER INSERT ON journal_entry DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW EXECUTE FUNCTION journal_entry_balances();

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['account', 'fiscal_year', 'fiscal_period', 'doc_sequence', 'journal_entry', 'journal_line'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY tenant_isolation ON %I USING (company_id = current_company_id())'
                   ' WITH CHECK (company_id = current_company_id())', t);
    EXECUTE format('CREATE POLICY owner_admin ON %I TO CURRENT_USER USING (true) WITH CHECK (true)', t);
  END LOOP;
END $$;

GRANT SELECT, INSERT ON account, fiscal_year TO ${runtime_role};
GRANT SELECT, INSERT, UPDATE ON fiscal_period, doc_sequence TO ${runtime_role};
-- Posted entries are immutable: corrections are reversals.
GRANT SELECT, INSERT ON journal_entry, journal_line TO ${runtime_role};
GRANT EXECUTE ON FUNCTION journal_entry_balances() TO ${runtime_role};

INSERT INTO role_permission (role_code, permission) VALUES
  ('admin', 'accounting.read'), ('admin', 'accounting.post'), ('admin', 'accounting.close'),
  ('accounts', 'accounting.read'), ('accounts', 'accounting.post'), ('accounts', 'accounting.close');

-- The default chart of accounts of a manufacturing company. One definition, used by this
-- migration for the companies that exist and by the server for each new company.
CREATE FUNCTION seed_default_chart(p_company uuid) RETURNS void
  LANGUAGE sql AS $$
  INSERT INTO account (id, company_id, code, name, type)
  SELECT gen_random_uuid(), p_company, a.code, a.name, a.type FROM (VALUES
    ('1000', 'Cash in hand', 'ASSET'),
    ('1010', 'Bank', 'ASSET'),
    ('1100', 'Accounts receivable', 'ASSET'),
    ('1200', 'Inventory: raw materials', 'ASSET'),
    ('1210', 'Inventory: finished goods', 'ASSET'),
    ('1220', 'Inventory: stores and consumables', 'ASSET'),
    ('1300', 'VAT input credit', 'ASSET'),
    ('1310', 'VAT deducted at source, receivable', 'ASSET'),
    ('1500', 'Plant and machinery', 'ASSET'),
    ('1590', 'Accumulated depreciation', 'ASSET'),
    ('2000', 'Accounts payable', 'LIABILITY'),
    ('2010', 'Goods received, not yet billed', 'LIABILITY'),
    ('2100', 'VAT output payable', 'LIABILITY'),
    ('2200', 'Accrued expenses', 'LIABILITY'),
    ('3000', 'Share capital', 'EQUITY'),
    ('3100', 'Retained earnings', 'EQUITY'),
    ('4000', 'Sales: sugar', 'INCOME'),
    ('4010', 'Sales: by-products', 'INCOME'),
    ('4900', 'Other income', 'INCOME'),
    ('5000', 'Cost of goods sold', 'EXPENSE'),
    ('5200', 'Consumables used in production', 'EXPENSE'),
    ('5300', 'Wages', 'EXPENSE'),
    ('5400', 'Power and fuel', 'EXPENSE'),
    ('5500', 'Repairs and maintenance', 'EXPENSE'),
    ('5900', 'Stock adjustments', 'EXPENSE'),
    ('6000', 'Administrative expenses', 'EXPENSE')
  ) AS a (code, name, type)
  ON CONFLICT (company_id, code) DO NOTHING
$$;
GRANT EXECUTE ON FUNCTION seed_default_chart(uuid) TO ${runtime_role};
SELECT seed_default_chart(id) FROM company;
