-- Identity, company settings and the audit chain.
--
-- Company isolation: every table with company_id has row-level security ENABLED and FORCED.
-- The runtime role (${runtime_role}) sees only the rows of the company set for the current
-- transaction with set_config('millstone.company_id', ..., true); a missing setting matches
-- nothing. The owner (who runs these migrations and the admin commands) gets an explicit
-- policy of its own, so admin commands such as verify-audit can read every company.

CREATE FUNCTION current_company_id() RETURNS uuid
  LANGUAGE sql STABLE PARALLEL SAFE
  AS $$ SELECT NULLIF(current_setting('millstone.company_id', true), '')::uuid $$;

CREATE FUNCTION current_app_user_id() RETURNS uuid
  LANGUAGE sql STABLE PARALLEL SAFE
  AS $$ SELECT NULLIF(current_setting('millstone.user_id', true), '')::uuid $$;

-- Global: roles and the permissions they grant. Changed only by migrations.
CREATE TABLE role (
  code        varchar(32)  PRIMARY KEY,
  name        varchar(100) NOT NULL,
  description text         NOT NULL
);

CREATE TABLE role_permission (
  role_code  varchar(32)  NOT NULL REFERENCES role (code),
  permission varchar(100) NOT NULL,
  PRIMARY KEY (role_code, permission)
);

INSERT INTO role (code, name, description) VALUES
  ('admin',    'Administrator', 'Manages users, roles and company settings; may do everything.'),
  ('sales',    'Sales office',  'Quotations, orders, deliveries, invoices and collections.'),
  ('stores',   'Stores',        'Receipts, issues, transfers and stock counts.'),
  ('accounts', 'Accounts',      'Journals, VAT registers, receivables, payables and period close.');

INSERT INTO role_permission (role_code, permission) VALUES
  ('admin', 'identity.users.read'),
  ('admin', 'identity.users.manage'),
  ('admin', 'identity.company.read'),
  ('admin', 'identity.company.manage'),
  ('sales', 'identity.company.read'),
  ('stores', 'identity.company.read'),
  ('accounts', 'identity.company.read'),
  ('accounts', 'identity.users.read');

-- Global: a person who can sign in. Which companies they work in, and with which roles, is in
-- company_member. Readable by the runtime role only for the signed-in user and the members of
-- the current company; sign-in looks users up through find_login_user() below.
CREATE TABLE app_user (
  id                  uuid         PRIMARY KEY,
  username            varchar(64)  NOT NULL,
  display_name        varchar(200) NOT NULL,
  password_hash       varchar(255) NOT NULL,
  password_changed_at timestamptz  NOT NULL,
  created_at          timestamptz  NOT NULL,
  version             bigint       NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX app_user_username_key ON app_user (lower(username));

CREATE TABLE company (
  id                      uuid          PRIMARY KEY,
  name                    varchar(200)  NOT NULL,
  currency_code           varchar(3)    NOT NULL DEFAULT 'BDT' CHECK (currency_code ~ '^[A-Z]{3}$'),
  vat_rate_percent        numeric(7, 4) NOT NULL DEFAULT 15 CHECK (vat_rate_percent >= 0 AND vat_rate_percent <= 100),
  fiscal_year_start_month integer       NOT NULL DEFAULT 7 CHECK (fiscal_year_start_month BETWEEN 1 AND 12),
  time_zone               varchar(64)   NOT NULL DEFAULT 'Asia/Dhaka',
  created_at              timestamptz   NOT NULL,
  updated_at              timestamptz   NOT NULL,
  updated_by              varchar(64)   NOT NULL,
  version                 bigint        NOT NULL DEFAULT 0
);

CREATE TABLE company_member (
  id           uuid         PRIMARY KEY,
  company_id   uuid         NOT NULL REFERENCES company (id),
  user_id      uuid         NOT NULL REFERENCES app_user (id),
  roles        varchar(32)[] NOT NULL DEFAULT '{}',
  active       boolean      NOT NULL DEFAULT true,
  created_at   timestamptz  NOT NULL,
  updated_at   timestamptz  NOT NULL,
  updated_by   varchar(64)  NOT NULL,
  version      bigint       NOT NULL DEFAULT 0,
  UNIQUE (company_id, user_id)
);
CREATE INDEX company_member_user_idx ON company_member (user_id);

-- A create request's idempotency key, remembered with the id it created.
CREATE TABLE idempotency_key (
  company_id   uuid         NOT NULL REFERENCES company (id),
  key          varchar(100) NOT NULL,
  operation    varchar(100) NOT NULL,
  request_hash bytea        NOT NULL,
  result_id    uuid         NOT NULL,
  created_at   timestamptz  NOT NULL DEFAULT now(),
  PRIMARY KEY (company_id, key)
);

-- The audit trail: append-only, chained by SHA-256 per company (see AuditLog).
CREATE TABLE audit_event (
  company_id  uuid         NOT NULL REFERENCES company (id),
  seq         bigint       NOT NULL,
  id          uuid         NOT NULL,
  occurred_at timestamptz  NOT NULL,
  user_id     uuid,
  actor       varchar(100) NOT NULL,
  action      varchar(100) NOT NULL,
  entity_type varchar(100) NOT NULL,
  entity_id   varchar(100) NOT NULL,
  summary     text         NOT NULL,
  request_id  varchar(100) NOT NULL,
  prev_hash   bytea        NOT NULL,
  hash        bytea        NOT NULL,
  PRIMARY KEY (company_id, seq)
);

CREATE TABLE audit_chain_head (
  company_id uuid   PRIMARY KEY REFERENCES company (id),
  last_seq   bigint NOT NULL,
  last_hash  bytea  NOT NULL
);

-- Row-level security --------------------------------------------------------------------------

ALTER TABLE company ENABLE ROW LEVEL SECURITY;
ALTER TABLE company FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON company
  USING (id = current_company_id()) WITH CHECK (id = current_company_id());
-- At sign-in a user must see the names of the companies they belong to.
CREATE POLICY member_can_read ON company FOR SELECT
  USING (EXISTS (SELECT 1 FROM company_member m
                 WHERE m.company_id = company.id AND m.user_id = current_app_user_id()));

ALTER TABLE company_member ENABLE ROW LEVEL SECURITY;
ALTER TABLE company_member FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON company_member
  USING (company_id = current_company_id()) WITH CHECK (company_id = current_company_id());
CREATE POLICY own_membership_readable ON company_member FOR SELECT
  USING (user_id = current_app_user_id());

ALTER TABLE idempotency_key ENABLE ROW LEVEL SECURITY;
ALTER TABLE idempotency_key FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON idempotency_key
  USING (company_id = current_company_id()) WITH CHECK (company_id = current_company_id());

ALTER TABLE audit_event ENABLE ROW LEVEL SECURITY;
ALTER TABLE audit_event FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON audit_event
  USING (company_id = current_company_id()) WITH CHECK (company_id = current_company_id());

ALTER TABLE audit_chain_head ENABLE ROW LEVEL SECURITY;
ALTER TABLE audit_chain_head FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON audit_chain_head
  USING (company_id = current_company_id()) WITH CHECK (company_id = current_company_id());

-- app_user is global (no company_id): RLS on, not forced, so find_login_user() below, which
-- runs as the owner, can look up any username at sign-in.
ALTER TABLE app_user ENABLE ROW LEVEL SECURITY;
CREATE POLICY self_or_colleague ON app_user
  USING (id = current_app_user_id()
         OR EXISTS (SELECT 1 FROM company_member m
                    WHERE m.user_id = app_user.id AND m.company_id = current_company_id()));
-- A new user is created before their membership exists.
CREATE POLICY create_user ON app_user FOR INSERT WITH CHECK (current_company_id() IS NOT NULL);

-- The owner's admin commands (verify-audit, backups) read across companies.
CREATE POLICY owner_admin ON company TO CURRENT_USER USING (true) WITH CHECK (true);
CREATE POLICY owner_admin ON company_member TO CURRENT_USER USING (true) WITH CHECK (true);
CREATE POLICY owner_admin ON idempotency_key TO CURRENT_USER USING (true) WITH CHECK (true);
CREATE POLICY owner_admin ON audit_event TO CURRENT_USER USING (true) WITH CHECK (true);
CREATE POLICY owner_admin ON audit_chain_head TO CURRENT_USER USING (true) WITH CHECK (true);

-- Sign-in: the only way the runtime role reads a password hash of a user it cannot otherwise see.
CREATE FUNCTION find_login_user(p_username text)
  RETURNS TABLE (id uuid, password_hash varchar)
  LANGUAGE sql STABLE SECURITY DEFINER
  SET search_path = pg_catalog, public, pg_temp
  AS $$ SELECT u.id, u.password_hash FROM public.app_user u WHERE lower(u.username) = lower(p_username) $$;
REVOKE ALL ON FUNCTION find_login_user(text) FROM PUBLIC;

-- Grants to the runtime role --------------------------------------------------------------------

GRANT USAGE ON SCHEMA public TO ${runtime_role};
GRANT EXECUTE ON FUNCTION find_login_user(text) TO ${runtime_role};
GRANT EXECUTE ON FUNCTION current_company_id() TO ${runtime_role};
GRANT EXECUTE ON FUNCTION current_app_user_id() TO ${runtime_role};
GRANT SELECT ON role, role_permission TO ${runtime_role};
GRANT SELECT, INSERT, UPDATE ON app_user TO ${runtime_role};
GRANT SELECT, INSERT, UPDATE ON company TO ${runtime_role};
GRANT SELECT, INSERT, UPDATE ON company_member TO ${runtime_role};
GRANT SELECT, INSERT ON idempotency_key TO ${runtime_role};
-- The trail itself is write-once for the runtime role: no SELECT, UPDATE or DELETE.
GRANT INSERT ON audit_event TO ${runtime_role};
GRANT SELECT, INSERT, UPDATE ON audit_chain_head TO ${runtime_role};
