-- Document numbers that may have gaps (orders, deliveries, receipts, journal vouchers) come from
-- PostgreSQL sequences, one per company, document type and fiscal year: taking a number never
-- waits for another transaction. Tax invoices and credit notes keep the gapless counter rows of
-- doc_sequence. The runtime role can neither create nor use these sequences itself; it calls this
-- function, which only ever touches the sequences of the company set for the transaction.
CREATE FUNCTION next_document_number(p_type text, p_year text) RETURNS bigint
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  c   uuid := current_company_id();
  seq text;
BEGIN
  IF c IS NULL THEN
    RAISE EXCEPTION 'no company is set for this transaction';
  END IF;
  IF p_type !~ '^[A-Z]{1,10}$' OR p_year !~ '^[0-9]{4}$' THEN
    RAISE EXCEPTION 'bad document type % or year %', p_type, p_year;
  END IF;
  seq := format('docseq_%s_%s_%s', replace(c::text, '-', ''), lower(p_type), p_year);
  IF to_regclass(seq) IS NULL THEN
    BEGIN
      EXECUTE format('CREATE SEQUENCE IF NOT EXISTS %I', seq);
    EXCEPTION WHEN unique_violation OR duplicate_table THEN
      NULL; -- another transaction made it at the same moment
    END;
  END IF;
  RETURN nextval(seq);
END $$;
REVOKE ALL ON FUNCTION next_document_number(text, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION next_document_number(text, text) TO ${runtime_role};
