-- Client request ids (AIP-155) are keys of one caller's calls of one RPC, matched exactly
-- (issue 8): an employee's CreateAbsence "X#2" no longer answers an admin's ImportAbsences "X",
-- and two employees may both use "1". `result` is what a retry answers: the id of the absence or
-- correction created, or the number of rows an import wrote. The request_id columns of V001 stay
-- for the rows written before; new rows leave them NULL.
CREATE TABLE request_keys (
  tenant_id text NOT NULL,
  caller text NOT NULL,
  rpc text NOT NULL,
  request_id text NOT NULL,
  result bigint NOT NULL,
  create_time timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, caller, rpc, request_id)
);

-- Earlier single requests keep answering their retries. Import rows ("<id>#<line>") cannot be
-- told from an employee's own id with '#', so they become CreateAbsence keys too: retrying such an
-- import finds its rows by the overlap check and writes nothing.
INSERT INTO request_keys (tenant_id, caller, rpc, request_id, result)
SELECT tenant_id, created_by, 'CreateAbsence', request_id, id FROM absences
WHERE request_id IS NOT NULL
ON CONFLICT DO NOTHING;
INSERT INTO request_keys (tenant_id, caller, rpc, request_id, result)
SELECT tenant_id, created_by, 'CreateCorrection', request_id, id FROM corrections
WHERE request_id IS NOT NULL
ON CONFLICT DO NOTHING;
