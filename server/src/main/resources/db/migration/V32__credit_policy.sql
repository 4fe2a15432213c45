-- The company's credit-limit policy (issue 16): what happens to an order that would take a customer
-- past their credit limit. REFUSE: it is refused, naming the figures (ADR 0022, the behaviour so
-- far and the default). OFF: the company does not control credit; limits are not checked.
ALTER TABLE company
  ADD COLUMN credit_policy varchar(16) NOT NULL DEFAULT 'REFUSE'
    CONSTRAINT company_credit_policy CHECK (credit_policy IN ('REFUSE', 'OFF'));
