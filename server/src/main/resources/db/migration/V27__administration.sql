-- Administration in the client (issue 16).
--
-- A password an administrator gave (a new user's first one, or a reset) is a one-time password:
-- the user must change it at their next sign-in, and until they do their session may do nothing
-- else. The flag lives with the user (passwords are global, not per company).
ALTER TABLE app_user ADD COLUMN must_change_password boolean NOT NULL DEFAULT false;

-- What a company prints on its documents besides its name: the Business Identification Number
-- (NBR) and the postal address. Empty until an administrator sets them.
ALTER TABLE company
  ADD COLUMN bin varchar(32) NOT NULL DEFAULT '',
  ADD COLUMN address varchar(500) NOT NULL DEFAULT '';
