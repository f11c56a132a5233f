-- The activity page filtered by who reads one user's events of a project,
-- newest first, from here instead of every event of the project. user_id
-- leads, so a user's events in every project are at hand as well.
CREATE INDEX events_user ON events (user_id, project_id, id);
