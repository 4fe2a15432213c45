-- A document number as text (JV-2026-00042: five digits at least), taken from the same
-- per-company sequences as next_document_number. Lets a statement that writes a document take
-- its number in the same round trip (journal entries, ADR 0015).
CREATE FUNCTION next_document_label(p_type text, p_year text) RETURNS text
  LANGUAGE sql VOLATILE SET search_path = public, pg_temp AS $$
  SELECT p_type || '-' || p_year || '-' || CASE WHEN n < 100000 THEN lpad(n::text, 5, '0') ELSE n::text END
  FROM next_document_number(p_type, p_year) AS n
$$;
REVOKE ALL ON FUNCTION next_document_label(text, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION next_document_label(text, text) TO ${runtime_role};

-- Starts a unit of work in one round trip: sets the company (empty: none, as at sign-in), user,
-- statement timeout and plan mode for the rest of the transaction (as set_config(..., true) does)
-- and answers the company's settings, which most work reads. Runs with the caller's rights: the
-- company row comes through row-level security with the company just set.
CREATE FUNCTION begin_work(p_company text, p_user text, p_timeout text, p_plans text)
  RETURNS TABLE (name varchar, currency_code varchar, vat_rate_percent numeric,
                 fiscal_year_start_month integer, time_zone varchar)
  LANGUAGE plpgsql VOLATILE AS $$
BEGIN
  PERFORM pg_catalog.set_config('millstone.company_id', p_company, true),
          pg_catalog.set_config('millstone.user_id', p_user, true),
          pg_catalog.set_config('statement_timeout', p_timeout, true),
          pg_catalog.set_config('plan_cache_mode', p_plans, true);
  RETURN QUERY SELECT c.name, c.currency_code, c.vat_rate_percent, c.fiscal_year_start_month, c.time_zone
    FROM public.company c WHERE c.id = NULLIF(p_company, '')::uuid;
END $$;
REVOKE ALL ON FUNCTION begin_work(text, text, text, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION begin_work(text, text, text, text) TO ${runtime_role};
