-- The statement that starts a unit of work also answers how the company groups the digits of
-- amounts (V13), so that a refusal leaving the work shows its money as the office writes it
-- (3,00,000.00 or 300,000.00) without another round trip (issue 13, ADR 0023). A function's result
-- columns cannot be changed in place: it is dropped and made again, with its grants.
DROP FUNCTION begin_work(text, text, text, text);

CREATE FUNCTION begin_work(p_company text, p_user text, p_timeout text, p_plans text)
  RETURNS TABLE (name varchar, currency_code varchar, vat_rate_percent numeric,
                 fiscal_year_start_month integer, time_zone varchar, number_grouping varchar)
  LANGUAGE plpgsql VOLATILE AS $$
BEGIN
  PERFORM pg_catalog.set_config('millstone.company_id', p_company, true),
          pg_catalog.set_config('millstone.user_id', p_user, true),
          pg_catalog.set_config('statement_timeout', p_timeout, true),
          pg_catalog.set_config('plan_cache_mode', p_plans, true);
  RETURN QUERY SELECT c.name, c.currency_code, c.vat_rate_percent, c.fiscal_year_start_month,
                      c.time_zone, c.number_grouping
    FROM public.company c WHERE c.id = NULLIF(p_company, '')::uuid;
END $$;
REVOKE ALL ON FUNCTION begin_work(text, text, text, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION begin_work(text, text, text, text) TO ${runtime_role};
