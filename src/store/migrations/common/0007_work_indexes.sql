-- Indexes that keep the officers' pages fast with a million dossiers (bench/inbox.sh).
-- The inbox reads only index entries: its conditions (state, workflow, unit, assignee, due mark,
-- procedure, the applicant's folded name for a search) and its order (due time, id) are all in these covering indexes, so counting the work
-- and finding a page's ids never touches the table; the page's rows are then read by id.
DROP INDEX dossiers_inbox;
DROP INDEX dossiers_partner;
CREATE INDEX dossiers_work ON dossiers
  (agency_code, status, workflow, unit_key, assignee, due_flag, procedure_code, due_at, id, applicant_folded);
CREATE INDEX dossiers_work_partner ON dossiers
  (partner_agency, status, workflow, partner_unit, assignee, due_flag, procedure_code, due_at, id,
   applicant_folded);
-- An agency's list, newest submission first: the ids of a page from the index alone.
CREATE INDEX dossiers_agency_recent ON dossiers (agency_code, submitted_at, id, status);
DROP INDEX dossiers_agency;
CREATE INDEX dossiers_agency ON dossiers (agency_code, status, submitted_at, id);
