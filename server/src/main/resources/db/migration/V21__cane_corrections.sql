-- Cane corrections (issue 14 leftovers, ADR 0025 amendment): what weigh-out does with a load above
-- its permit's quota (per season: MARK or REFUSE) and the excess on the ticket; voiding a ticket
-- weighed in but not out (its permit is issued again); reversing a cane bill and a payment run.
-- No new tables: columns on the V19 ones, which keep their RLS policies.

ALTER TABLE cane_season
  ADD COLUMN over_quota varchar(6) NOT NULL DEFAULT 'MARK' CHECK (over_quota IN ('MARK', 'REFUSE'));

-- The state checks of V19 are dropped (by what they say, their names being PostgreSQL's) and said
-- again with VOIDED: a voided ticket never had a tare.
DO $$
DECLARE k text;
BEGIN
  FOR k IN SELECT conname FROM pg_constraint
           WHERE conrelid = 'weighbridge_ticket'::regclass AND contype = 'c'
             AND pg_get_constraintdef(oid) LIKE '%state%' LOOP
    EXECUTE format('ALTER TABLE weighbridge_ticket DROP CONSTRAINT %I', k);
  END LOOP;
END $$;

ALTER TABLE weighbridge_ticket
  -- Kg of the net above the permit's quota (quintals * 100); 0 within it; null until weighed out.
  ADD COLUMN over_quota_kg numeric(12, 3) CHECK (over_quota_kg >= 0),
  ADD COLUMN void_reason   varchar(300)   NOT NULL DEFAULT '',
  ADD COLUMN voided_at     timestamptz,
  ADD COLUMN voided_by     varchar(100)   NOT NULL DEFAULT '',
  ADD CONSTRAINT weighbridge_ticket_state_check CHECK (state IN ('OPEN', 'COMPLETED', 'VOIDED')),
  ADD CONSTRAINT weighbridge_ticket_completed_check CHECK (state <> 'COMPLETED'
    OR (tare_kg IS NOT NULL AND net_kg = gross_kg - tare_kg AND value IS NOT NULL)),
  ADD CONSTRAINT weighbridge_ticket_voided_check CHECK ((state = 'VOIDED') = (voided_at IS NOT NULL)
    AND (state <> 'VOIDED' OR (void_reason <> '' AND tare_kg IS NULL AND bill_id IS NULL)));

UPDATE weighbridge_ticket tk SET over_quota_kg = greatest(tk.net_kg - p.quota_quintals * 100, 0)
  FROM cane_permit p WHERE p.id = tk.permit_id AND tk.state = 'COMPLETED';

-- A permit is used by one ticket that is not voided: a voided ticket gives its permit back.
ALTER TABLE weighbridge_ticket DROP CONSTRAINT weighbridge_ticket_permit_id_key;
CREATE UNIQUE INDEX weighbridge_ticket_permit_idx ON weighbridge_ticket (permit_id) WHERE state <> 'VOIDED';

ALTER TABLE cane_bill
  ADD COLUMN state               varchar(10)  NOT NULL DEFAULT 'POSTED' CHECK (state IN ('POSTED', 'REVERSED')),
  ADD COLUMN reverse_reason      varchar(300) NOT NULL DEFAULT '',
  ADD COLUMN reversed_at         timestamptz,
  ADD COLUMN reversed_by         varchar(100) NOT NULL DEFAULT '',
  ADD COLUMN reversal_entry_id   uuid         REFERENCES journal_entry (id),
  ADD CHECK ((state = 'REVERSED') = (reversed_at IS NOT NULL)),
  ADD CHECK (state = 'POSTED' OR (paid = 0 AND reverse_reason <> ''));

ALTER TABLE cane_payment_run
  ADD COLUMN state               varchar(10)  NOT NULL DEFAULT 'POSTED' CHECK (state IN ('POSTED', 'REVERSED')),
  ADD COLUMN reverse_reason      varchar(300) NOT NULL DEFAULT '',
  ADD COLUMN reversed_at         timestamptz,
  ADD COLUMN reversed_by         varchar(100) NOT NULL DEFAULT '',
  ADD COLUMN reversal_entry_id   uuid         REFERENCES journal_entry (id),
  ADD CHECK ((state = 'REVERSED') = (reversed_at IS NOT NULL AND reversal_entry_id IS NOT NULL));

-- A bill is paid once by a run that stands: after its run is reversed it may be paid again.
ALTER TABLE cane_payment ADD COLUMN reversed boolean NOT NULL DEFAULT false;
ALTER TABLE cane_payment DROP CONSTRAINT cane_payment_bill_id_key;
CREATE UNIQUE INDEX cane_payment_bill_idx ON cane_payment (bill_id) WHERE NOT reversed;

GRANT UPDATE (max_weight_kg) ON cane_centre TO ${runtime_role};
GRANT UPDATE (over_quota_kg, void_reason, voided_at, voided_by) ON weighbridge_ticket TO ${runtime_role};
GRANT UPDATE (state, reverse_reason, reversed_at, reversed_by, reversal_entry_id) ON cane_bill
  TO ${runtime_role};
GRANT UPDATE (state, reverse_reason, reversed_at, reversed_by, reversal_entry_id) ON cane_payment_run
  TO ${runtime_role};
GRANT UPDATE (reversed) ON cane_payment TO ${runtime_role};

-- The cane office voids the tickets its clerks weigh in; reversing a bill or a payment run is for
-- those who may post them today (cane.bill.manage: admin, cane; cane.pay: admin, cane, accounts).
INSERT INTO role_permission (role_code, permission) VALUES
  ('admin', 'cane.ticket.void'), ('cane', 'cane.ticket.void'),
  ('admin', 'cane.bill.reverse'), ('cane', 'cane.bill.reverse'),
  ('admin', 'cane.pay.reverse'), ('cane', 'cane.pay.reverse'), ('accounts', 'cane.pay.reverse');
