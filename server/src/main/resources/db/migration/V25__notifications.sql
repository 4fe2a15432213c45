-- Notifications (issue 15): business events written in the same transaction as the change they
-- announce (an outbox), published once through Redis by one node's relay, and kept for 90 days.
--
-- id orders the outbox (insert order); seq is the id people see, given by the relay when it
-- publishes the row, in publication order: a client that resumes after the last seq it has can
-- miss nothing and get nothing twice. A row with seq NULL is not yet published.
CREATE SEQUENCE notification_seq;

CREATE TABLE notification (
  id                bigint       GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  company_id        uuid         NOT NULL REFERENCES company (id),
  kind              varchar(60)  NOT NULL,
  args              text[]       NOT NULL DEFAULT '{}',
  summary           text         NOT NULL,
  document_type     varchar(40)  NOT NULL DEFAULT '',
  document_id       varchar(60)  NOT NULL DEFAULT '',
  -- The audience: everyone whose roles grant permission in the company, or the one recipient.
  permission        varchar(100),
  recipient_user_id uuid,
  -- Who caused it; they are not told of their own act.
  actor_user_id     uuid,
  actor             varchar(100) NOT NULL,
  occurred_at       timestamptz  NOT NULL DEFAULT now(),
  seq               bigint       UNIQUE,
  published_at      timestamptz,
  CHECK (permission IS NOT NULL OR recipient_user_id IS NOT NULL)
);

CREATE INDEX notification_unpublished_idx ON notification (id) WHERE seq IS NULL;
CREATE INDEX notification_company_seq_idx ON notification (company_id, seq) WHERE seq IS NOT NULL;
CREATE INDEX notification_occurred_idx ON notification (occurred_at);

-- How far each person has read, as the highest seq they marked read.
CREATE TABLE notification_read (
  company_id  uuid        NOT NULL REFERENCES company (id),
  user_id     uuid        NOT NULL REFERENCES app_user (id),
  read_up_to  bigint      NOT NULL,
  updated_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (company_id, user_id)
);

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['notification', 'notification_read'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY tenant_isolation ON %I USING (company_id = current_company_id())'
                   ' WITH CHECK (company_id = current_company_id())', t);
    EXECUTE format('CREATE POLICY owner_admin ON %I TO CURRENT_USER USING (true) WITH CHECK (true)', t);
  END LOOP;
END $$;

-- The relays wait on this channel instead of polling: PostgreSQL sends it only when the
-- transaction that wrote a notification commits, so a rolled-back change wakes nobody.
CREATE FUNCTION notification_written() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('millstone_notification', '');
  RETURN NULL;
END $$;

CREATE TRIGGER notification_written AFTER INSERT ON notification
  FOR EACH STATEMENT EXECUTE FUNCTION notification_written();

-- Business transactions write notifications and read the published ones; the relay (the owner's
-- connection, across companies) numbers, publishes and at last deletes them.
GRANT SELECT, INSERT ON notification TO ${runtime_role};
GRANT SELECT, INSERT, UPDATE ON notification_read TO ${runtime_role};

INSERT INTO role_permission (role_code, permission) VALUES
  ('admin', 'notifications.read'), ('manager', 'notifications.read'), ('sales', 'notifications.read'),
  ('stores', 'notifications.read'), ('accounts', 'notifications.read'), ('engineer', 'notifications.read'),
  ('cane', 'notifications.read'), ('production', 'notifications.read'), ('lab', 'notifications.read');
