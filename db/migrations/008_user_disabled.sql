-- An admin disables the account of someone who leaves the team: their
-- logins, sessions and API tokens stop working, their annotations stay.
-- NULL is an active account.
ALTER TABLE users ADD COLUMN disabled_at TEXT;
