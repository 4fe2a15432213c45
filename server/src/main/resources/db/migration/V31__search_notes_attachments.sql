-- Finding anything and every record's side panel (issue 16, ADR 0036): word indexes over master
-- data and documents, trigram indexes over document numbers, notes and attachments on any record,
-- and a way for the runtime role to read one record's history from the audit trail.

-- Trigrams find a partial number anywhere in it ("00042"). pg_trgm is a trusted extension, so the
-- database's owner may create it where the server's PostgreSQL ships it; where it does not, the
-- numbers get prefix indexes instead and the search matches numbers by their start (RecordKinds).
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'pg_trgm') THEN
    BEGIN
      CREATE EXTENSION IF NOT EXISTS pg_trgm;
    EXCEPTION WHEN OTHERS THEN
      RAISE NOTICE 'pg_trgm could not be created (%); numbers are matched by their start', SQLERRM;
    END;
  END IF;
END $$;

DO $$
DECLARE
  t text;
  trgm boolean := EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm');
BEGIN
  FOREACH t IN ARRAY ARRAY['sales_order', 'delivery', 'sales_invoice', 'customer_payment',
                           'purchase_order', 'goods_receipt', 'supplier_bill', 'supplier_payment',
                           'journal_entry', 'cane_permit', 'weighbridge_ticket', 'cane_bill',
                           'cane_payment_run', 'grower_loan', 'production_run'] LOOP
    IF trgm THEN
      EXECUTE format('CREATE INDEX %I ON %I USING gin (upper(number) gin_trgm_ops)',
                     t || '_number_trgm_idx', t);
    ELSE
      EXECUTE format('CREATE INDEX %I ON %I (upper(number) text_pattern_ops)',
                     t || '_number_prefix_idx', t);
    END IF;
  END LOOP;
  IF trgm THEN
    CREATE INDEX grower_number_trgm_idx ON grower USING gin (upper(grower_number) gin_trgm_ops);
  END IF;
END $$;

-- Words: the 'simple' configuration (no stemming: Bangla has no stemmer, and codes must stay as
-- typed). The expressions here are repeated exactly by the search's SQL (RecordKinds).
CREATE INDEX item_words_idx ON item
  USING gin (to_tsvector('simple'::regconfig, code || ' ' || name));
CREATE INDEX party_words_idx ON party
  USING gin (to_tsvector('simple'::regconfig, code || ' ' || name || ' ' || address || ' ' || phone));
CREATE INDEX warehouse_words_idx ON warehouse
  USING gin (to_tsvector('simple'::regconfig, code || ' ' || name || ' ' || address));
CREATE INDEX machine_words_idx ON machine
  USING gin (to_tsvector('simple'::regconfig, code || ' ' || name || ' ' || area));
CREATE INDEX grower_words_idx ON grower
  USING gin (to_tsvector('simple'::regconfig, grower_number || ' ' || village));
CREATE INDEX sales_order_words_idx ON sales_order
  USING gin (to_tsvector('simple'::regconfig, number || ' ' || note || ' ' || quote_number));
CREATE INDEX sales_invoice_words_idx ON sales_invoice
  USING gin (to_tsvector('simple'::regconfig, number || ' ' || reason));
CREATE INDEX customer_payment_words_idx ON customer_payment
  USING gin (to_tsvector('simple'::regconfig, number || ' ' || reference));
CREATE INDEX purchase_order_words_idx ON purchase_order
  USING gin (to_tsvector('simple'::regconfig, number || ' ' || note));
CREATE INDEX supplier_bill_words_idx ON supplier_bill
  USING gin (to_tsvector('simple'::regconfig, number || ' ' || supplier_invoice));
CREATE INDEX supplier_payment_words_idx ON supplier_payment
  USING gin (to_tsvector('simple'::regconfig, number || ' ' || reference));
CREATE INDEX journal_entry_words_idx ON journal_entry
  USING gin (to_tsvector('simple'::regconfig, number || ' ' || memo));
CREATE INDEX weighbridge_ticket_words_idx ON weighbridge_ticket
  USING gin (to_tsvector('simple'::regconfig, number || ' ' || vehicle_number));
CREATE INDEX grower_loan_words_idx ON grower_loan
  USING gin (to_tsvector('simple'::regconfig, number || ' ' || note));
CREATE INDEX production_run_words_idx ON production_run
  USING gin (to_tsvector('simple'::regconfig, number || ' ' || note));
-- Documents found through their party's name.
CREATE INDEX customer_payment_customer_idx ON customer_payment (customer_id);
CREATE INDEX purchase_order_supplier_idx ON purchase_order (supplier_id);
CREATE INDEX supplier_bill_supplier_idx ON supplier_bill (supplier_id);
CREATE INDEX supplier_payment_supplier_idx ON supplier_payment (supplier_id);

-- One search function per kind of record. PostgreSQL uses an index only for leakproof conditions
-- under row-level security, and neither @@ nor LIKE is leakproof: run as the runtime role, every
-- search would read the company's whole table. So each kind's search runs as the owner (whose
-- policy is "true") and names the company itself, like record_history; the server calls only the
-- kinds the caller may read (RecordKinds). Parameters: the words as a prefix tsquery (NULL: none),
-- the typed text in upper case, the same as a prefix pattern, as a "contains" pattern, the pattern
-- numbers are matched with (contains with trigrams, prefix without), and the limit.
-- A document is also found by its party's words: customer, supplier, or grower (through party).
DO $do$
DECLARE
  k record;
  rank text;
  cond text;
  party_match text;
  party_words constant text :=
    $s$pg_catalog.to_tsvector('simple'::regconfig, pq.code || ' ' || pq.name || ' ' || pq.address || ' ' || pq.phone)$s$;
BEGIN
  FOR k IN SELECT * FROM (VALUES
    -- kind, from, filter, reference, is a number, title, words, party column (via), date, amount, state
    ('item', 'public.item x', NULL, 'x.code', false, 'x.name',
     'x.code || '' '' || x.name', NULL, NULL, NULL, NULL),
    ('customer', 'public.party x', 'x.is_customer', 'x.code', false, 'x.name',
     'x.code || '' '' || x.name || '' '' || x.address || '' '' || x.phone', NULL, NULL, NULL, NULL),
    ('supplier', 'public.party x', 'x.is_supplier', 'x.code', false, 'x.name',
     'x.code || '' '' || x.name || '' '' || x.address || '' '' || x.phone', NULL, NULL, NULL, NULL),
    ('warehouse', 'public.warehouse x', NULL, 'x.code', false, 'x.name',
     'x.code || '' '' || x.name || '' '' || x.address', NULL, NULL, NULL, NULL),
    ('machine', 'public.machine x', NULL, 'x.code', false, 'x.name',
     'x.code || '' '' || x.name || '' '' || x.area', NULL, NULL, NULL, NULL),
    ('grower', 'public.grower x LEFT JOIN public.party p ON p.id = x.party_id', NULL,
     'x.grower_number', true, 'p.name', 'x.grower_number || '' '' || x.village',
     'party:x.party_id', NULL, NULL, NULL),
    ('sales_order', 'public.sales_order x LEFT JOIN public.party p ON p.id = x.customer_id', NULL,
     'x.number', true, 'p.name', 'x.number || '' '' || x.note || '' '' || x.quote_number',
     'party:x.customer_id', 'x.order_date', 'x.gross_total', 'x.state'),
    ('delivery', 'public.delivery x', NULL, 'x.number', true, 'NULL', NULL, NULL,
     'x.delivery_date', NULL, NULL),
    ('sales_invoice', 'public.sales_invoice x LEFT JOIN public.party p ON p.id = x.customer_id', NULL,
     'x.number', true, 'p.name', 'x.number || '' '' || x.reason', 'party:x.customer_id',
     'x.invoice_date', 'x.gross', 'x.kind'),
    ('customer_payment', 'public.customer_payment x LEFT JOIN public.party p ON p.id = x.customer_id',
     NULL, 'x.number', true, 'p.name', 'x.number || '' '' || x.reference', 'party:x.customer_id',
     'x.payment_date', 'x.amount', 'x.method'),
    ('purchase_order', 'public.purchase_order x LEFT JOIN public.party p ON p.id = x.supplier_id',
     NULL, 'x.number', true, 'p.name', 'x.number || '' '' || x.note', 'party:x.supplier_id',
     'x.order_date', 'x.gross_total', 'x.state'),
    ('goods_receipt', 'public.goods_receipt x', NULL, 'x.number', true, 'NULL', NULL, NULL,
     'x.receipt_date', NULL, NULL),
    ('supplier_bill', 'public.supplier_bill x LEFT JOIN public.party p ON p.id = x.supplier_id', NULL,
     'x.number', true, 'p.name', 'x.number || '' '' || x.supplier_invoice', 'party:x.supplier_id',
     'x.bill_date', 'x.gross', NULL),
    ('supplier_payment', 'public.supplier_payment x LEFT JOIN public.party p ON p.id = x.supplier_id',
     NULL, 'x.number', true, 'p.name', 'x.number || '' '' || x.reference', 'party:x.supplier_id',
     'x.payment_date', 'x.amount', 'x.method'),
    ('journal_entry', 'public.journal_entry x', NULL, 'x.number', true, 'NULL',
     'x.number || '' '' || x.memo', NULL, 'x.entry_date', NULL, 'x.source'),
    ('cane_permit', 'public.cane_permit x LEFT JOIN public.grower g ON g.id = x.grower_id'
     ' LEFT JOIN public.party p ON p.id = g.party_id', NULL, 'x.number', true, 'p.name', NULL,
     'grower:x.grower_id', 'x.permit_date', NULL, 'x.state'),
    ('weighbridge_ticket', 'public.weighbridge_ticket x LEFT JOIN public.grower g ON g.id = x.grower_id'
     ' LEFT JOIN public.party p ON p.id = g.party_id', NULL, 'x.number', true, 'p.name',
     'x.number || '' '' || x.vehicle_number', 'grower:x.grower_id', 'x.ticket_date', 'x.value',
     'x.state'),
    ('cane_bill', 'public.cane_bill x LEFT JOIN public.grower g ON g.id = x.grower_id'
     ' LEFT JOIN public.party p ON p.id = g.party_id', NULL, 'x.number', true, 'p.name', NULL,
     'grower:x.grower_id', 'x.bill_date', 'x.net_payable', NULL),
    ('cane_payment_run', 'public.cane_payment_run x', NULL, 'x.number', true, 'NULL', NULL, NULL,
     'x.payment_date', 'x.total', NULL),
    ('grower_loan', 'public.grower_loan x LEFT JOIN public.grower g ON g.id = x.grower_id'
     ' LEFT JOIN public.party p ON p.id = g.party_id', NULL, 'x.number', true, 'p.name',
     'x.number || '' '' || x.note', 'grower:x.grower_id', 'x.loan_date', 'x.amount', 'x.kind'),
    ('production_run', 'public.production_run x', NULL, 'x.number', true, 'NULL',
     'x.number || '' '' || x.note', NULL, 'x.run_date', NULL, 'x.state')
  ) AS v (kind, from_, filter, ref, is_number, title, words, party, date_, amount, state)
  LOOP
    IF k.is_number THEN
      rank := format('CASE WHEN upper(%1$s) = $2 THEN 100 WHEN upper(%1$s) LIKE $3 THEN 50'
                     ' WHEN upper(%1$s) LIKE $4 THEN 20 ELSE 0 END', k.ref);
      cond := format('upper(%s) LIKE $5', k.ref);
    ELSE
      rank := format('CASE WHEN upper(%s) = $2 THEN 100 ELSE 0 END', k.ref);
      cond := 'false';
    END IF;
    IF k.words IS NOT NULL THEN
      rank := rank || format(' + CASE WHEN pg_catalog.to_tsvector(''simple''::regconfig, %1$s) @@ $1'
                             ' THEN 5 + 10 * ts_rank(pg_catalog.to_tsvector(''simple''::regconfig, %1$s), $1)'
                             ' ELSE 0 END', k.words);
      cond := cond || format(' OR pg_catalog.to_tsvector(''simple''::regconfig, %s) @@ $1', k.words);
    END IF;
    IF k.party IS NOT NULL THEN
      IF split_part(k.party, ':', 1) = 'party' THEN
        party_match := format('%s = ANY (ARRAY(SELECT pq.id FROM public.party pq'
                              ' WHERE pq.company_id = public.current_company_id() AND %s @@ $1))',
                              split_part(k.party, ':', 2), party_words);
      ELSE
        party_match := format('%s = ANY (ARRAY(SELECT gq.id FROM public.grower gq'
                              ' WHERE gq.company_id = public.current_company_id()'
                              ' AND gq.party_id = ANY (ARRAY(SELECT pq.id FROM public.party pq'
                              ' WHERE pq.company_id = public.current_company_id() AND %s @@ $1))))',
                              split_part(k.party, ':', 2), party_words);
      END IF;
      rank := rank || format(' + CASE WHEN %s THEN 1 ELSE 0 END', party_match);
      cond := cond || ' OR ' || party_match;
    END IF;
    EXECUTE format(
      'CREATE FUNCTION public.%I(tsquery, text, text, text, text, integer)'
      ' RETURNS TABLE (kind text, id text, reference text, title text, date date, amount numeric,'
      ' state text, rank double precision)'
      ' LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS %L',
      'search_' || k.kind,
      format('SELECT %L::text, x.id::text, %s::text, %s::text, %s::date, %s::numeric, %s::text,'
             ' (%s)::double precision AS rank FROM %s'
             ' WHERE x.company_id = public.current_company_id()%s AND (%s)'
             ' ORDER BY rank DESC, 3 LIMIT $6',
             k.kind, k.ref, k.title, coalesce(k.date_, 'NULL'), coalesce(k.amount, 'NULL'),
             coalesce(k.state, 'NULL'), rank, k.from_,
             CASE WHEN k.filter IS NULL THEN '' ELSE ' AND ' || k.filter END, cond));
    EXECUTE format('REVOKE ALL ON FUNCTION public.%I(tsquery, text, text, text, text, integer) FROM PUBLIC',
                   'search_' || k.kind);
    EXECUTE format('GRANT EXECUTE ON FUNCTION public.%I(tsquery, text, text, text, text, integer) TO %I',
                   'search_' || k.kind, '${runtime_role}');
  END LOOP;
END $do$;

-- Notes on any record, append-only: a note is a record of what someone said, like the trail.
CREATE TABLE record_note (
  id          uuid          PRIMARY KEY,
  company_id  uuid          NOT NULL REFERENCES company (id),
  record_kind varchar(40)   NOT NULL,
  record_id   uuid          NOT NULL,
  body        varchar(2000) NOT NULL CHECK (body <> ''),
  created_at  timestamptz   NOT NULL,
  created_by  varchar(100)  NOT NULL
);
CREATE INDEX record_note_record_idx ON record_note (company_id, record_kind, record_id, created_at DESC);

-- Files on any record, kept in the database (bytea) so that the backup, which copies every table,
-- keeps them and a restore brings them back; the size limit is the server's (attachment.max.bytes).
CREATE TABLE record_attachment (
  id           uuid          PRIMARY KEY,
  company_id   uuid          NOT NULL REFERENCES company (id),
  record_kind  varchar(40)   NOT NULL,
  record_id    uuid          NOT NULL,
  file_name    varchar(200)  NOT NULL CHECK (file_name <> ''),
  content_type varchar(100)  NOT NULL,
  size_bytes   bigint        NOT NULL CHECK (size_bytes > 0),
  sha256       bytea         NOT NULL,
  content      bytea         NOT NULL,
  created_at   timestamptz   NOT NULL,
  created_by   varchar(100)  NOT NULL,
  CHECK (octet_length(content) = size_bytes)
);
CREATE INDEX record_attachment_record_idx ON record_attachment (company_id, record_kind, record_id, created_at DESC);

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['record_note', 'record_attachment'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY tenant_isolation ON %I USING (company_id = current_company_id())'
                   ' WITH CHECK (company_id = current_company_id())', t);
    EXECUTE format('CREATE POLICY owner_admin ON %I TO CURRENT_USER USING (true) WITH CHECK (true)', t);
  END LOOP;
END $$;

GRANT SELECT, INSERT ON record_note, record_attachment TO ${runtime_role};

-- One record's history. The runtime role still cannot read the trail (V1): this function answers
-- only the current company's events about one record, newest first.
CREATE INDEX audit_event_entity_idx ON audit_event (company_id, entity_type, entity_id, seq DESC);

CREATE FUNCTION public.record_history(p_entity_type text, p_entity_id text, p_limit integer)
  RETURNS TABLE (occurred_at timestamptz, actor varchar, action varchar, summary text)
  LANGUAGE sql STABLE SECURITY DEFINER
  SET search_path = pg_catalog, pg_temp
  AS $$ SELECT e.occurred_at, e.actor, e.action, e.summary FROM public.audit_event e
        WHERE e.company_id = public.current_company_id()
          AND e.entity_type = p_entity_type AND e.entity_id = p_entity_id
        ORDER BY e.seq DESC LIMIT p_limit $$;
REVOKE ALL ON FUNCTION public.record_history(text, text, integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION public.record_history(text, text, integer) TO ${runtime_role};

INSERT INTO role_permission (role_code, permission)
SELECT r, p FROM unnest(ARRAY['admin', 'sales', 'stores', 'accounts', 'cane', 'production', 'lab',
                              'engineer', 'manager']) AS r,
               unnest(ARRAY['records.read', 'records.annotate']) AS p;
