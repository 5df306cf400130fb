CREATE TABLE "enrolment_months" (
	"enrolment_id" uuid NOT NULL,
	"month" date NOT NULL,
	"statements" integer DEFAULT 0 NOT NULL,
	"seconds" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "enrolment_months_enrolment_id_month_pk" PRIMARY KEY("enrolment_id","month")
);
--> statement-breakpoint
ALTER TABLE "enrolment_months" ADD CONSTRAINT "enrolment_months_enrolment_id_enrolments_id_fk" FOREIGN KEY ("enrolment_id") REFERENCES "public"."enrolments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- Seconds in an xAPI duration (PT#H#M#S); the same rule as `durationSeconds` in course-content.ts.
CREATE FUNCTION xapi_duration_seconds(d text) RETURNS integer LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN d ~ '^PT(\d+H)?(\d+M)?(\d+(\.\d+)?S)?$' THEN round(
      coalesce(substring(d from '(\d+)H')::numeric, 0) * 3600
    + coalesce(substring(d from '(\d+)M')::numeric, 0) * 60
    + coalesce(substring(d from '([0-9.]+)S')::numeric, 0))::int ELSE 0 END
$$;--> statement-breakpoint
-- Reports count calendar months in Swedish time, whatever the server's time zone.
CREATE FUNCTION swedish_month(t timestamptz) RETURNS date LANGUAGE sql STABLE AS $$
  SELECT date_trunc('month', t AT TIME ZONE 'Europe/Stockholm')::date
$$;--> statement-breakpoint
CREATE FUNCTION learning_statements_to_months() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO enrolment_months AS em (enrolment_id, month, statements, seconds)
  SELECT enrolment_id, swedish_month("timestamp"), count(*), coalesce(sum(xapi_duration_seconds(result->>'duration')), 0)
  FROM new_rows
  WHERE enrolment_id IS NOT NULL AND verb <> 'http://adlnet.gov/expapi/verbs/voided'
  GROUP BY 1, 2
  ON CONFLICT (enrolment_id, month) DO UPDATE
    SET statements = em.statements + excluded.statements, seconds = em.seconds + excluded.seconds;

  -- A voiding statement takes its target's share back out, once, however often the target is voided.
  IF EXISTS (SELECT 1 FROM new_rows WHERE verb = 'http://adlnet.gov/expapi/verbs/voided') THEN
    UPDATE enrolment_months em
    SET statements = em.statements - v.n, seconds = em.seconds - v.s
    FROM (
      SELECT t.enrolment_id, swedish_month(t."timestamp") AS month, count(*) AS n,
             coalesce(sum(xapi_duration_seconds(t.result->>'duration')), 0) AS s
      FROM learning_statements t
      WHERE t.id IN (SELECT substr(object_id, 10)::uuid FROM new_rows
                     WHERE verb = 'http://adlnet.gov/expapi/verbs/voided'
                       AND object_id ~ '^urn:uuid:[0-9a-fA-F-]{36}$')
        AND t.enrolment_id IS NOT NULL AND t.verb <> 'http://adlnet.gov/expapi/verbs/voided'
        AND NOT EXISTS (
          SELECT 1 FROM learning_statements p
          WHERE p.enrolment_id = t.enrolment_id AND p.verb = 'http://adlnet.gov/expapi/verbs/voided'
            AND p.object_id = 'urn:uuid:' || t.id::text AND p.id NOT IN (SELECT id FROM new_rows))
      GROUP BY 1, 2
    ) v
    WHERE em.enrolment_id = v.enrolment_id AND em.month = v.month;
  END IF;
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER learning_statements_to_months AFTER INSERT ON learning_statements
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION learning_statements_to_months();--> statement-breakpoint
-- Existing history: live statements (not voided) per enrolment and month.
INSERT INTO enrolment_months (enrolment_id, month, statements, seconds)
SELECT s.enrolment_id, swedish_month(s."timestamp"), count(*), coalesce(sum(xapi_duration_seconds(s.result->>'duration')), 0)
FROM learning_statements s
WHERE s.enrolment_id IS NOT NULL AND s.verb <> 'http://adlnet.gov/expapi/verbs/voided'
  AND 'urn:uuid:' || s.id::text NOT IN (
    SELECT object_id FROM learning_statements WHERE verb = 'http://adlnet.gov/expapi/verbs/voided')
GROUP BY 1, 2;
