-- The relay now commits a notification's number before it publishes it (ADR 0029, amended), so
-- that a person told of it always finds it when their client asks. A row numbered in a round whose
-- publishing failed (seq set, published_at still NULL) goes out again first; this finds them.
CREATE INDEX notification_numbered_unpublished_idx ON notification (seq)
  WHERE seq IS NOT NULL AND published_at IS NULL;
