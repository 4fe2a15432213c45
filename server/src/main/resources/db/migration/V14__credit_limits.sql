-- A customer's credit limit is the accounts office's decision, and "no limit" is said in so many
-- words: until now a limit of 0 meant no limit, so a customer meant to get no credit got all of it.
ALTER TABLE party ADD COLUMN no_credit_limit boolean NOT NULL DEFAULT false;

-- Customers whose 0 meant "no limit" keep what they could do, now stated.
UPDATE party SET no_credit_limit = true WHERE is_customer AND credit_limit = 0;

ALTER TABLE party ADD CONSTRAINT party_no_credit_limit_is_zero
  CHECK (NOT no_credit_limit OR credit_limit = 0);

INSERT INTO role_permission (role_code, permission) VALUES
  ('admin', 'masterdata.customers.credit'),
  ('accounts', 'masterdata.customers.credit');
