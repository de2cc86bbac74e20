-- The version of each tenant's org (issue 9, item 8). Every replica caches the org index it builds
-- from a tenant's snapshot (org units, positions, assignments, supervisor overrides) per day, and
-- uses a cached index only while its version is the tenant's current one: one single-row read per
-- call instead of loading the whole snapshot.
--
-- Triggers bump the version in the same transaction as the change, whichever statement makes it
-- (an RPC, the import, a migration, an operator's psql), so no writer can forget to. They are
-- statement-level with transition tables: an import of 20,000 rows bumps once per statement, not
-- once per row. Versions come from a sequence, which a rollback does not rewind: a number seen
-- inside a transaction that rolled back is never the current version of anything, so an index a
-- replica built from uncommitted rows can never be taken for a committed one.
CREATE SEQUENCE org_version_seq;

CREATE TABLE org_versions (
  tenant_id  text PRIMARY KEY REFERENCES tenants,
  version    bigint NOT NULL
);

CREATE FUNCTION bump_org_version() RETURNS trigger LANGUAGE plpgsql
SET search_path FROM CURRENT AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    INSERT INTO org_versions (tenant_id, version)
    SELECT t.tenant_id, nextval('org_version_seq') FROM (SELECT DISTINCT tenant_id FROM old_rows) t
    ON CONFLICT (tenant_id) DO UPDATE SET version = EXCLUDED.version;
  ELSE
    INSERT INTO org_versions (tenant_id, version)
    SELECT t.tenant_id, nextval('org_version_seq') FROM (SELECT DISTINCT tenant_id FROM new_rows) t
    ON CONFLICT (tenant_id) DO UPDATE SET version = EXCLUDED.version;
  END IF;
  RETURN NULL;
END $$;

-- An employee's status: not read by supervisor resolution today, but it is the org's state (an
-- employee leaving), and bumping on it costs nothing on the read path. Other employee columns
-- (name, golongan) leave the org alone.
CREATE FUNCTION bump_org_version_on_status() RETURNS trigger LANGUAGE plpgsql
SET search_path FROM CURRENT AS $$
BEGIN
  INSERT INTO org_versions (tenant_id, version)
  SELECT t.tenant_id, nextval('org_version_seq')
  FROM (SELECT DISTINCT n.tenant_id FROM new_rows n JOIN old_rows o USING (tenant_id, nip)
        WHERE n.status IS DISTINCT FROM o.status) t
  ON CONFLICT (tenant_id) DO UPDATE SET version = EXCLUDED.version;
  RETURN NULL;
END $$;

-- Postgres allows transition tables only on single-event triggers: three per table.
DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['org_units', 'positions', 'assignments', 'supervisor_overrides'] LOOP
    EXECUTE format('CREATE TRIGGER %I AFTER INSERT ON %I REFERENCING NEW TABLE AS new_rows '
                   'FOR EACH STATEMENT EXECUTE FUNCTION bump_org_version()', t || '_org_version_i', t);
    EXECUTE format('CREATE TRIGGER %I AFTER UPDATE ON %I REFERENCING NEW TABLE AS new_rows '
                   'FOR EACH STATEMENT EXECUTE FUNCTION bump_org_version()', t || '_org_version_u', t);
    EXECUTE format('CREATE TRIGGER %I AFTER DELETE ON %I REFERENCING OLD TABLE AS old_rows '
                   'FOR EACH STATEMENT EXECUTE FUNCTION bump_org_version()', t || '_org_version_d', t);
  END LOOP;
END $$;

CREATE TRIGGER employees_org_version_u AFTER UPDATE ON employees
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION bump_org_version_on_status();
