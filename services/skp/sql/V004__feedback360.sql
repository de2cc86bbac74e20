-- 360° feedback (DOMAIN §2): one request per SKP, period and rater; the answer kept with it.
-- `answer` holds the 6/2022 ratings of the seven BerAKHLAK values in their order (1 di bawah,
-- 2 sesuai, 3 di atas ekspektasi) or the PP 46 aspect scores (0-100), `comments` the 6/2022
-- comments per value.
CREATE TABLE feedback360 (
  tenant_id text NOT NULL,
  id bigint GENERATED ALWAYS AS IDENTITY,
  skp_id bigint NOT NULL,
  period text NOT NULL,
  rated_nip text NOT NULL,
  rater_nip text NOT NULL,
  rater_group text NOT NULL CHECK (rater_group IN ('ATASAN', 'REKAN', 'BAWAHAN', 'SELF')),
  requested_by text NOT NULL,
  create_time timestamptz NOT NULL DEFAULT now(),
  answer int[],
  comments text[],
  answer_time timestamptz,
  PRIMARY KEY (tenant_id, id),
  UNIQUE (tenant_id, skp_id, period, rater_nip),
  FOREIGN KEY (tenant_id, skp_id) REFERENCES skps (tenant_id, id)
);
CREATE INDEX feedback360_by_rater ON feedback360 (tenant_id, rater_nip, id);
