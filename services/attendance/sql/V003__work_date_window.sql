-- Each tenant's window of work dates (issue 8): dates outside it are refused as typing errors.
-- Tenants keep the deployment's former window until they set their own.
ALTER TABLE rules
  ADD COLUMN first_work_date date NOT NULL DEFAULT '2000-01-01',
  ADD COLUMN last_work_date date NOT NULL DEFAULT '2100-12-31',
  ADD CONSTRAINT rules_work_date_window CHECK (first_work_date <= last_work_date);
