-- Groundwork for the crushing season (issue 14), shared by the cane and production domains: the
-- accounts their postings use and the roles of the people who do the work. Each domain's own
-- tables and permissions come in its own migration (V16 cane, V17 production and lab).

-- The default chart grows by the accounts a season needs. One definition still: the function is
-- replaced, and the companies that exist get the new accounts.
CREATE OR REPLACE FUNCTION seed_default_chart(p_company uuid) RETURNS void
  LANGUAGE sql AS $$
  INSERT INTO account (id, company_id, code, name, type)
  SELECT gen_random_uuid(), p_company, a.code, a.name, a.type FROM (VALUES
    ('1000', 'Cash in hand', 'ASSET'),
    ('1010', 'Bank', 'ASSET'),
    ('1020', 'Mobile money (bKash, Nagad)', 'ASSET'),
    ('1100', 'Accounts receivable', 'ASSET'),
    ('1150', 'Advances and loans to growers', 'ASSET'),
    ('1200', 'Inventory: raw materials', 'ASSET'),
    ('1210', 'Inventory: finished goods', 'ASSET'),
    ('1220', 'Inventory: stores and consumables', 'ASSET'),
    ('1230', 'Work in progress', 'ASSET'),
    ('1300', 'VAT input credit', 'ASSET'),
    ('1310', 'VAT deducted at source, receivable', 'ASSET'),
    ('1500', 'Plant and machinery', 'ASSET'),
    ('1590', 'Accumulated depreciation', 'ASSET'),
    ('2000', 'Accounts payable', 'LIABILITY'),
    ('2010', 'Goods received, not yet billed', 'LIABILITY'),
    ('2020', 'Cane payable to growers', 'LIABILITY'),
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
    -- Credited when a production run takes its conversion cost (wages, power, repairs of the
    -- factory at the work centre's rate) into work in progress; it offsets those expenses.
    ('5600', 'Production overheads absorbed', 'EXPENSE'),
    -- Loss beyond what the bill of materials expects; expected loss stays in the outputs' cost.
    ('5700', 'Abnormal process loss', 'EXPENSE'),
    ('5900', 'Stock adjustments', 'EXPENSE'),
    ('6000', 'Administrative expenses', 'EXPENSE')
  ) AS a (code, name, type)
  ON CONFLICT (company_id, code) DO NOTHING
$$;
SELECT seed_default_chart(id) FROM company;

INSERT INTO role (code, name, description) VALUES
  ('cane',       'Cane office',  'Growers, supply permits, weighbridge tickets, cane bills and grower payments.'),
  ('production', 'Production',   'Bills of materials, production runs per shift, consumption, outputs and stops.'),
  ('lab',        'Laboratory',   'Samples of each stream: brix, pol, purity and sugar tests.');
