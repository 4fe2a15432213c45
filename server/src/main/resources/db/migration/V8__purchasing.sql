-- Purchasing: purchase orders with an approval rule, goods receipts into stock, supplier bills
-- matched three ways (order, receipt, bill) and supplier payments.

CREATE TABLE purchasing_setting (
  company_id             uuid           PRIMARY KEY REFERENCES company (id),
  -- Orders whose total (VAT included) is above this need an approver's approval.
  approval_threshold     numeric(19, 4) NOT NULL DEFAULT 500000 CHECK (approval_threshold >= 0),
  -- How far a bill's unit price may be above the order's, in percent, before it is blocked.
  price_tolerance_pct    numeric(7, 4)  NOT NULL DEFAULT 2 CHECK (price_tolerance_pct >= 0),
  -- How far billed quantities may exceed received ones, in percent (weighbridge differences).
  quantity_tolerance_pct numeric(7, 4)  NOT NULL DEFAULT 0 CHECK (quantity_tolerance_pct >= 0)
);

CREATE TABLE purchase_order (
  id           uuid           PRIMARY KEY,
  company_id   uuid           NOT NULL REFERENCES company (id),
  number       varchar(30)    NOT NULL,
  supplier_id  uuid           NOT NULL REFERENCES party (id),
  order_date   date           NOT NULL,
  state        varchar(20)    NOT NULL
    CHECK (state IN ('DRAFT', 'AWAITING_APPROVAL', 'APPROVED', 'REJECTED', 'RECEIVED', 'CLOSED', 'CANCELLED')),
  note         varchar(500)   NOT NULL DEFAULT '',
  net_total    numeric(19, 4) NOT NULL,
  vat_total    numeric(19, 4) NOT NULL,
  gross_total  numeric(19, 4) NOT NULL,
  submitted_by varchar(100)   NOT NULL DEFAULT '',
  decided_by   varchar(100)   NOT NULL DEFAULT '',
  decided_at   timestamptz,
  decision_note varchar(300)  NOT NULL DEFAULT '',
  created_at   timestamptz    NOT NULL,
  created_by   varchar(100)   NOT NULL,
  updated_at   timestamptz    NOT NULL,
  updated_by   varchar(100)   NOT NULL,
  version      bigint         NOT NULL DEFAULT 0,
  UNIQUE (company_id, number)
);
CREATE INDEX purchase_order_date_idx ON purchase_order (company_id, order_date DESC, id DESC);

CREATE TABLE purchase_order_line (
  id           uuid           PRIMARY KEY,
  company_id   uuid           NOT NULL REFERENCES company (id),
  order_id     uuid           NOT NULL REFERENCES purchase_order (id),
  line_no      integer        NOT NULL,
  item_id      uuid           NOT NULL REFERENCES item (id),
  quantity     numeric(19, 6) NOT NULL CHECK (quantity > 0),
  unit_price   numeric(19, 4) NOT NULL CHECK (unit_price >= 0),
  vat_rate     numeric(7, 4)  NOT NULL,
  net          numeric(19, 4) NOT NULL,
  vat          numeric(19, 4) NOT NULL,
  received_qty numeric(19, 6) NOT NULL DEFAULT 0 CHECK (received_qty >= 0),
  billed_qty   numeric(19, 6) NOT NULL DEFAULT 0 CHECK (billed_qty >= 0),
  CHECK (received_qty <= quantity),
  UNIQUE (order_id, line_no)
);

CREATE TABLE goods_receipt (
  id               uuid           PRIMARY KEY,
  company_id       uuid           NOT NULL REFERENCES company (id),
  number           varchar(30)    NOT NULL,
  order_id         uuid           NOT NULL REFERENCES purchase_order (id),
  warehouse_id     uuid           NOT NULL REFERENCES warehouse (id),
  receipt_date     date           NOT NULL,
  movement_id      uuid           NOT NULL REFERENCES stock_movement (id),
  journal_entry_id uuid           REFERENCES journal_entry (id),
  value            numeric(19, 4) NOT NULL,
  posted_at        timestamptz    NOT NULL,
  posted_by        varchar(100)   NOT NULL,
  UNIQUE (company_id, number)
);
CREATE INDEX goods_receipt_order_idx ON goods_receipt (order_id);

CREATE TABLE goods_receipt_line (
  id            uuid           PRIMARY KEY,
  company_id    uuid           NOT NULL REFERENCES company (id),
  receipt_id    uuid           NOT NULL REFERENCES goods_receipt (id),
  order_line_id uuid           NOT NULL REFERENCES purchase_order_line (id),
  lot           varchar(40)    NOT NULL DEFAULT '',
  quantity      numeric(19, 6) NOT NULL CHECK (quantity > 0)
);

CREATE TABLE supplier_bill (
  id                uuid           PRIMARY KEY,
  company_id        uuid           NOT NULL REFERENCES company (id),
  number            varchar(30)    NOT NULL,
  supplier_invoice  varchar(60)    NOT NULL,
  supplier_id       uuid           NOT NULL REFERENCES party (id),
  order_id          uuid           NOT NULL REFERENCES purchase_order (id),
  bill_date         date           NOT NULL,
  due_date          date           NOT NULL,
  net               numeric(19, 4) NOT NULL,
  vat               numeric(19, 4) NOT NULL,
  gross             numeric(19, 4) NOT NULL CHECK (gross >= 0),
  settled           numeric(19, 4) NOT NULL DEFAULT 0 CHECK (settled >= 0),
  journal_entry_id  uuid           REFERENCES journal_entry (id),
  posted_at         timestamptz    NOT NULL,
  posted_by         varchar(100)   NOT NULL,
  CHECK (settled <= gross),
  UNIQUE (company_id, number),
  -- A supplier's invoice is entered once.
  UNIQUE (company_id, supplier_id, supplier_invoice)
);

CREATE TABLE supplier_bill_line (
  id            uuid           PRIMARY KEY,
  company_id    uuid           NOT NULL REFERENCES company (id),
  bill_id       uuid           NOT NULL REFERENCES supplier_bill (id),
  line_no       integer        NOT NULL,
  order_line_id uuid           NOT NULL REFERENCES purchase_order_line (id),
  quantity      numeric(19, 6) NOT NULL CHECK (quantity > 0),
  unit_price    numeric(19, 4) NOT NULL CHECK (unit_price >= 0),
  vat_rate      numeric(7, 4)  NOT NULL,
  net           numeric(19, 4) NOT NULL,
  vat           numeric(19, 4) NOT NULL,
  UNIQUE (bill_id, line_no)
);

CREATE TABLE supplier_payment (
  id               uuid           PRIMARY KEY,
  company_id       uuid           NOT NULL REFERENCES company (id),
  number           varchar(30)    NOT NULL,
  supplier_id      uuid           NOT NULL REFERENCES party (id),
  payment_date     date           NOT NULL,
  amount           numeric(19, 4) NOT NULL CHECK (amount > 0),
  method           varchar(10)    NOT NULL CHECK (method IN ('BANK', 'CASH')),
  reference        varchar(100)   NOT NULL DEFAULT '',
  journal_entry_id uuid           NOT NULL REFERENCES journal_entry (id),
  posted_at        timestamptz    NOT NULL,
  posted_by        varchar(100)   NOT NULL,
  UNIQUE (company_id, number)
);

CREATE TABLE supplier_payment_allocation (
  id          uuid           PRIMARY KEY,
  company_id  uuid           NOT NULL REFERENCES company (id),
  payment_id  uuid           NOT NULL REFERENCES supplier_payment (id),
  bill_id     uuid           NOT NULL REFERENCES supplier_bill (id),
  amount      numeric(19, 4) NOT NULL CHECK (amount > 0)
);

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['purchasing_setting', 'purchase_order', 'purchase_order_line', 'goods_receipt',
                           'goods_receipt_line', 'supplier_bill', 'supplier_bill_line', 'supplier_payment',
                           'supplier_payment_allocation'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY tenant_isolation ON %I USING (company_id = current_company_id())'
                   ' WITH CHECK (company_id = current_company_id())', t);
    EXECUTE format('CREATE POLICY owner_admin ON %I TO CURRENT_USER USING (true) WITH CHECK (true)', t);
  END LOOP;
END $$;

GRANT SELECT, INSERT, UPDATE ON purchasing_setting, purchase_order, purchase_order_line TO ${runtime_role};
GRANT DELETE ON purchase_order_line TO ${runtime_role};
GRANT SELECT, INSERT ON goods_receipt, goods_receipt_line, supplier_bill, supplier_bill_line,
  supplier_payment, supplier_payment_allocation TO ${runtime_role};
GRANT UPDATE (settled) ON supplier_bill TO ${runtime_role};

INSERT INTO role_permission (role_code, permission) VALUES
  ('admin', 'purchasing.read'), ('admin', 'purchasing.order.manage'), ('admin', 'purchasing.order.approve'),
  ('admin', 'purchasing.receipt.post'), ('admin', 'purchasing.bill.post'), ('admin', 'purchasing.payment.post'),
  ('admin', 'purchasing.settings.manage'),
  ('stores', 'purchasing.read'), ('stores', 'purchasing.order.manage'), ('stores', 'purchasing.receipt.post'),
  ('accounts', 'purchasing.read'), ('accounts', 'purchasing.bill.post'), ('accounts', 'purchasing.payment.post');

INSERT INTO purchasing_setting (company_id) SELECT id FROM company;
