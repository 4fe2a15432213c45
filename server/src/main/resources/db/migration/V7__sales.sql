-- Sales: quotations and orders, deliveries (goods issue), tax invoices and credit notes, customer
-- payments allocated to invoices. Posted documents (deliveries, invoices, payments) are
-- append-only; orders keep running totals of what was delivered and invoiced.

CREATE TABLE sales_order (
  id           uuid           PRIMARY KEY,
  company_id   uuid           NOT NULL REFERENCES company (id),
  number       varchar(30)    NOT NULL,
  customer_id  uuid           NOT NULL REFERENCES party (id),
  order_date   date           NOT NULL,
  state        varchar(12)    NOT NULL
    CHECK (state IN ('QUOTATION', 'CONFIRMED', 'DELIVERED', 'INVOICED', 'CANCELLED')),
  note         varchar(500)   NOT NULL DEFAULT '',
  net_total    numeric(19, 4) NOT NULL,
  vat_total    numeric(19, 4) NOT NULL,
  gross_total  numeric(19, 4) NOT NULL,
  quote_number varchar(30)    NOT NULL DEFAULT '',
  created_at   timestamptz    NOT NULL,
  created_by   varchar(100)   NOT NULL,
  updated_at   timestamptz    NOT NULL,
  updated_by   varchar(100)   NOT NULL,
  version      bigint         NOT NULL DEFAULT 0,
  UNIQUE (company_id, number)
);
CREATE INDEX sales_order_customer_idx ON sales_order (company_id, customer_id, state);
CREATE INDEX sales_order_date_idx ON sales_order (company_id, order_date DESC, id DESC);

CREATE TABLE sales_order_line (
  id            uuid           PRIMARY KEY,
  company_id    uuid           NOT NULL REFERENCES company (id),
  order_id      uuid           NOT NULL REFERENCES sales_order (id),
  line_no       integer        NOT NULL,
  item_id       uuid           NOT NULL REFERENCES item (id),
  quantity      numeric(19, 6) NOT NULL CHECK (quantity > 0),
  unit_price    numeric(19, 4) NOT NULL CHECK (unit_price >= 0),
  vat_rate      numeric(7, 4)  NOT NULL,
  net           numeric(19, 4) NOT NULL,
  vat           numeric(19, 4) NOT NULL,
  delivered_qty numeric(19, 6) NOT NULL DEFAULT 0 CHECK (delivered_qty >= 0),
  invoiced_qty  numeric(19, 6) NOT NULL DEFAULT 0 CHECK (invoiced_qty >= 0),
  CHECK (delivered_qty <= quantity),
  CHECK (invoiced_qty <= delivered_qty),
  UNIQUE (order_id, line_no)
);

CREATE TABLE delivery (
  id               uuid           PRIMARY KEY,
  company_id       uuid           NOT NULL REFERENCES company (id),
  number           varchar(30)    NOT NULL,
  order_id         uuid           NOT NULL REFERENCES sales_order (id),
  warehouse_id     uuid           NOT NULL REFERENCES warehouse (id),
  delivery_date    date           NOT NULL,
  movement_id      uuid           NOT NULL REFERENCES stock_movement (id),
  journal_entry_id uuid           REFERENCES journal_entry (id),
  cost_value       numeric(19, 4) NOT NULL,
  posted_at        timestamptz    NOT NULL,
  posted_by        varchar(100)   NOT NULL,
  UNIQUE (company_id, number)
);
CREATE INDEX delivery_order_idx ON delivery (order_id);

CREATE TABLE delivery_line (
  id            uuid           PRIMARY KEY,
  company_id    uuid           NOT NULL REFERENCES company (id),
  delivery_id   uuid           NOT NULL REFERENCES delivery (id),
  order_line_id uuid           NOT NULL REFERENCES sales_order_line (id),
  lot           varchar(40)    NOT NULL DEFAULT '',
  quantity      numeric(19, 6) NOT NULL CHECK (quantity > 0)
);

-- Tax invoices and credit notes. Their numbers are gapless per company, series and fiscal year.
CREATE TABLE sales_invoice (
  id                  uuid           PRIMARY KEY,
  company_id          uuid           NOT NULL REFERENCES company (id),
  number              varchar(30)    NOT NULL,
  kind                varchar(12)    NOT NULL CHECK (kind IN ('INVOICE', 'CREDIT_NOTE')),
  order_id            uuid           NOT NULL REFERENCES sales_order (id),
  customer_id         uuid           NOT NULL REFERENCES party (id),
  credited_invoice_id uuid           REFERENCES sales_invoice (id),
  invoice_date        date           NOT NULL,
  due_date            date           NOT NULL,
  reason              varchar(300)   NOT NULL DEFAULT '',
  net                 numeric(19, 4) NOT NULL,
  vat                 numeric(19, 4) NOT NULL,
  gross               numeric(19, 4) NOT NULL CHECK (gross >= 0),
  -- What payments and credit notes have settled of an invoice; a credit note is settled at once.
  settled             numeric(19, 4) NOT NULL DEFAULT 0 CHECK (settled >= 0),
  journal_entry_id    uuid           REFERENCES journal_entry (id),
  posted_at           timestamptz    NOT NULL,
  posted_by           varchar(100)   NOT NULL,
  CHECK (settled <= gross),
  CHECK ((kind = 'CREDIT_NOTE') = (credited_invoice_id IS NOT NULL)),
  UNIQUE (company_id, number)
);
CREATE INDEX sales_invoice_customer_idx ON sales_invoice (company_id, customer_id, invoice_date);
CREATE INDEX sales_invoice_order_idx ON sales_invoice (order_id);

CREATE TABLE sales_invoice_line (
  id            uuid           PRIMARY KEY,
  company_id    uuid           NOT NULL REFERENCES company (id),
  invoice_id    uuid           NOT NULL REFERENCES sales_invoice (id),
  line_no       integer        NOT NULL,
  order_line_id uuid           NOT NULL REFERENCES sales_order_line (id),
  item_id       uuid           NOT NULL REFERENCES item (id),
  quantity      numeric(19, 6) NOT NULL CHECK (quantity > 0),
  unit_price    numeric(19, 4) NOT NULL,
  vat_rate      numeric(7, 4)  NOT NULL,
  net           numeric(19, 4) NOT NULL,
  vat           numeric(19, 4) NOT NULL,
  -- How much of this line later credit notes took back.
  credited_qty  numeric(19, 6) NOT NULL DEFAULT 0 CHECK (credited_qty >= 0),
  CHECK (credited_qty <= quantity),
  UNIQUE (invoice_id, line_no)
);

CREATE TABLE customer_payment (
  id               uuid           PRIMARY KEY,
  company_id       uuid           NOT NULL REFERENCES company (id),
  number           varchar(30)    NOT NULL,
  customer_id      uuid           NOT NULL REFERENCES party (id),
  payment_date     date           NOT NULL,
  amount           numeric(19, 4) NOT NULL CHECK (amount > 0),
  method           varchar(10)    NOT NULL CHECK (method IN ('BANK', 'CASH')),
  reference        varchar(100)   NOT NULL DEFAULT '',
  journal_entry_id uuid           NOT NULL REFERENCES journal_entry (id),
  posted_at        timestamptz    NOT NULL,
  posted_by        varchar(100)   NOT NULL,
  UNIQUE (company_id, number)
);

CREATE TABLE payment_allocation (
  id          uuid           PRIMARY KEY,
  company_id  uuid           NOT NULL REFERENCES company (id),
  payment_id  uuid           NOT NULL REFERENCES customer_payment (id),
  invoice_id  uuid           NOT NULL REFERENCES sales_invoice (id),
  amount      numeric(19, 4) NOT NULL CHECK (amount > 0)
);
CREATE INDEX payment_allocation_invoice_idx ON payment_allocation (invoice_id);

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['sales_order', 'sales_order_line', 'delivery', 'delivery_line', 'sales_invoice',
                           'sales_invoice_line', 'customer_payment', 'payment_allocation'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY tenant_isolation ON %I USING (company_id = current_company_id())'
                   ' WITH CHECK (company_id = current_company_id())', t);
    EXECUTE format('CREATE POLICY owner_admin ON %I TO CURRENT_USER USING (true) WITH CHECK (true)', t);
  END LOOP;
END $$;

-- Orders and their lines change while they are worked on; posted documents never do, except the
-- running "settled" amount of an invoice and the "credited" quantity of its lines.
GRANT SELECT, INSERT, UPDATE ON sales_order, sales_order_line TO ${runtime_role};
-- An order's lines are replaced while nothing has been delivered from it.
GRANT DELETE ON sales_order_line TO ${runtime_role};
GRANT SELECT, INSERT ON delivery, delivery_line, customer_payment, payment_allocation TO ${runtime_role};
GRANT SELECT, INSERT ON sales_invoice, sales_invoice_line TO ${runtime_role};
GRANT UPDATE (settled) ON sales_invoice TO ${runtime_role};
GRANT UPDATE (credited_qty) ON sales_invoice_line TO ${runtime_role};

INSERT INTO role_permission (role_code, permission) VALUES
  ('admin', 'sales.read'), ('admin', 'sales.order.manage'), ('admin', 'sales.delivery.post'),
  ('admin', 'sales.invoice.post'), ('admin', 'sales.payment.post'),
  ('sales', 'sales.read'), ('sales', 'sales.order.manage'), ('sales', 'sales.invoice.post'),
  ('stores', 'sales.read'), ('stores', 'sales.delivery.post'),
  ('accounts', 'sales.read'), ('accounts', 'sales.invoice.post'), ('accounts', 'sales.payment.post');
