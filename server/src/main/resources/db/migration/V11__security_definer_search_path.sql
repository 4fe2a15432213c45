-- Every SECURITY DEFINER function runs with the owner's rights, so nothing in it may be found
-- through a schema the caller can write to: each is redefined with every table and function it
-- uses schema-qualified and its search_path pinned to pg_catalog, then pg_temp (last, so a
-- temporary object can never shadow anything). CREATE OR REPLACE keeps the owner and the grants.
-- Issue 13; a test asserts every SECURITY DEFINER function of the schema keeps this setting.

CREATE OR REPLACE FUNCTION public.find_login_user(p_username text)
  RETURNS TABLE (id uuid, password_hash varchar)
  LANGUAGE sql STABLE SECURITY DEFINER
  SET search_path = pg_catalog, pg_temp
  AS $$ SELECT u.id, u.password_hash FROM public.app_user u
        WHERE pg_catalog.lower(u.username) = pg_catalog.lower(p_username) $$;

CREATE OR REPLACE FUNCTION public.find_device_by_enrollment(p_hash bytea)
  RETURNS TABLE (id uuid, company_id uuid, enrollment_expires_at timestamptz)
  LANGUAGE sql STABLE SECURITY DEFINER
  SET search_path = pg_catalog, pg_temp
  AS $$ SELECT d.id, d.company_id, d.enrollment_expires_at FROM public.device d
        WHERE d.enrollment_token_hash = p_hash AND d.state = 'ENROLLMENT_PENDING' $$;

CREATE OR REPLACE FUNCTION public.find_device_for_uplink(p_id uuid)
  RETURNS TABLE (company_id uuid, secret_hash bytea, state varchar)
  LANGUAGE sql STABLE SECURITY DEFINER
  SET search_path = pg_catalog, pg_temp
  AS $$ SELECT d.company_id, d.secret_hash, d.state FROM public.device d WHERE d.id = p_id $$;

-- The per-company sequences live in public, named and reached only with the schema.
CREATE OR REPLACE FUNCTION public.next_document_number(p_type text, p_year text) RETURNS bigint
  LANGUAGE plpgsql SECURITY DEFINER
  SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  c   uuid := public.current_company_id();
  seq text;
BEGIN
  IF c IS NULL THEN
    RAISE EXCEPTION 'no company is set for this transaction';
  END IF;
  IF p_type OPERATOR(pg_catalog.!~) '^[A-Z]{1,10}$' OR p_year OPERATOR(pg_catalog.!~) '^[0-9]{4}$' THEN
    RAISE EXCEPTION 'bad document type % or year %', p_type, p_year;
  END IF;
  seq := pg_catalog.format('public.%I',
           pg_catalog.format('docseq_%s_%s_%s', pg_catalog.replace(c::text, '-', ''),
                             pg_catalog.lower(p_type), p_year));
  IF pg_catalog.to_regclass(seq) IS NULL THEN
    BEGIN
      EXECUTE pg_catalog.format('CREATE SEQUENCE IF NOT EXISTS %s', seq);
    EXCEPTION WHEN unique_violation OR duplicate_table THEN
      NULL; -- another transaction made it at the same moment
    END;
  END IF;
  RETURN pg_catalog.nextval(seq::regclass);
END $$;
