CREATE TABLE "xapi_activities" (
	"organisation_id" uuid NOT NULL,
	"activity_id" text NOT NULL,
	"definition" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "xapi_activities_organisation_id_activity_id_pk" PRIMARY KEY("organisation_id","activity_id")
);
--> statement-breakpoint
CREATE TABLE "xapi_attachments" (
	"sha2" text PRIMARY KEY NOT NULL,
	"content_type" text NOT NULL,
	"length" integer NOT NULL,
	"content" "bytea" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "xapi_documents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"activity_id" text DEFAULT '' NOT NULL,
	"agent_key" text DEFAULT '' NOT NULL,
	"agent" jsonb,
	"user_id" uuid,
	"registration" text DEFAULT '' NOT NULL,
	"document_id" text NOT NULL,
	"content_type" text NOT NULL,
	"content" "bytea" NOT NULL,
	"etag" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "learning_statements" ALTER COLUMN "user_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "learning_statements" ADD COLUMN "object_type" text DEFAULT 'Activity' NOT NULL;--> statement-breakpoint
ALTER TABLE "learning_statements" ADD COLUMN "statement" jsonb;--> statement-breakpoint
ALTER TABLE "learning_statements" ADD COLUMN "registration" uuid;--> statement-breakpoint
ALTER TABLE "learning_statements" ADD COLUMN "agent_keys" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "learning_statements" ADD COLUMN "related_agent_keys" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "learning_statements" ADD COLUMN "related_activity_ids" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "learning_statements" ADD COLUMN "voided" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "learning_statements" ADD COLUMN "organisation_id" uuid;--> statement-breakpoint
ALTER TABLE "learning_statements" ADD COLUMN "api_client_id" uuid;--> statement-breakpoint
ALTER TABLE "xapi_activities" ADD CONSTRAINT "xapi_activities_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "xapi_documents" ADD CONSTRAINT "xapi_documents_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "xapi_documents" ADD CONSTRAINT "xapi_documents_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "xapi_documents_key_uq" ON "xapi_documents" USING btree ("organisation_id","kind","activity_id","agent_key","registration","document_id");--> statement-breakpoint
CREATE INDEX "xapi_documents_user_idx" ON "xapi_documents" USING btree ("user_id");--> statement-breakpoint
ALTER TABLE "learning_statements" ADD CONSTRAINT "learning_statements_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "learning_statements" ADD CONSTRAINT "learning_statements_api_client_id_api_clients_id_fk" FOREIGN KEY ("api_client_id") REFERENCES "public"."api_clients"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
-- A lesson statement of the platform's own (no stored xAPI statement) gets the keys /xapi queries filter
-- on here, whichever way it is written (the learning service, demo data, the bench generator): its
-- registration (the enrolment), the activities it relates to, and StatementRef for a voiding statement.
CREATE FUNCTION own_statement_keys() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."statement" IS NULL THEN
    NEW."registration" := coalesce(NEW."registration",
      CASE WHEN NEW."context"->>'registration' ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'
           THEN (NEW."context"->>'registration')::uuid END,
      NEW."enrolment_id");
    IF NEW."verb" = 'http://adlnet.gov/expapi/verbs/voided' AND NEW."object_id" LIKE 'urn:uuid:%' THEN
      NEW."object_type" := 'StatementRef';
      NEW."related_activity_ids" := '{}'::text[];
    ELSE
      NEW."related_activity_ids" := ARRAY[NEW."object_id"] || coalesce(
        (SELECT array_agg(DISTINCT a->>'id') FROM jsonb_path_query(coalesce(NEW."context", '{}'::jsonb), 'lax $.contextActivities.*[*]') AS a
         WHERE a->>'id' IS NOT NULL), '{}'::text[]);
    END IF;
  END IF;
  -- A voiding statement voids its target (never another voiding statement), however it was written.
  IF NEW."verb" = 'http://adlnet.gov/expapi/verbs/voided' AND NEW."object_id" LIKE 'urn:uuid:%' THEN
    UPDATE "learning_statements" SET "voided" = true
    WHERE "id" = substr(NEW."object_id", 10)::uuid AND "verb" <> 'http://adlnet.gov/expapi/verbs/voided';
  END IF;
  RETURN NEW;
END
$$;--> statement-breakpoint
CREATE TRIGGER own_statement_keys BEFORE INSERT ON "learning_statements"
  FOR EACH ROW EXECUTE FUNCTION own_statement_keys();--> statement-breakpoint
-- The lesson statements stored so far: the same keys (an update through a no-op insert is not possible,
-- so the trigger's rule is repeated here once), and the targets of voiding statements marked voided.
UPDATE "learning_statements" SET
  "registration" = coalesce(CASE WHEN "context"->>'registration' ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'
                                 THEN ("context"->>'registration')::uuid END, "enrolment_id"),
  "object_type" = CASE WHEN "verb" = 'http://adlnet.gov/expapi/verbs/voided' AND "object_id" LIKE 'urn:uuid:%'
                       THEN 'StatementRef' ELSE 'Activity' END,
  "related_activity_ids" =
    CASE WHEN "verb" = 'http://adlnet.gov/expapi/verbs/voided' AND "object_id" LIKE 'urn:uuid:%' THEN '{}'::text[]
    ELSE ARRAY["object_id"] || coalesce(
      (SELECT array_agg(DISTINCT a->>'id') FROM jsonb_path_query(coalesce("context", '{}'::jsonb), 'lax $.contextActivities.*[*]') AS a
       WHERE a->>'id' IS NOT NULL), '{}'::text[]) END;--> statement-breakpoint
UPDATE "learning_statements" t SET "voided" = true
WHERE t."verb" <> 'http://adlnet.gov/expapi/verbs/voided'
  AND EXISTS (SELECT 1 FROM "learning_statements" v
              WHERE v."verb" = 'http://adlnet.gov/expapi/verbs/voided' AND v."object_id" = 'urn:uuid:' || t."id"::text);
--> statement-breakpoint
-- Indexes last: the updates above then rewrite the rows without maintaining them.
CREATE INDEX "learning_statements_stored_idx" ON "learning_statements" USING btree ("stored","seq");
--> statement-breakpoint
CREATE INDEX "learning_statements_registration_idx" ON "learning_statements" USING btree ("registration","stored");
--> statement-breakpoint
CREATE INDEX "learning_statements_org_idx" ON "learning_statements" USING btree ("organisation_id","stored");
--> statement-breakpoint
CREATE INDEX "learning_statements_verb_idx" ON "learning_statements" USING btree ("verb","stored");
--> statement-breakpoint
CREATE INDEX "learning_statements_object_idx" ON "learning_statements" USING btree ("object_id","stored");
--> statement-breakpoint
CREATE INDEX "learning_statements_agents_idx" ON "learning_statements" USING gin ("agent_keys");
--> statement-breakpoint
CREATE INDEX "learning_statements_related_agents_idx" ON "learning_statements" USING gin ("related_agent_keys");
--> statement-breakpoint
CREATE INDEX "learning_statements_related_activities_idx" ON "learning_statements" USING gin ("related_activity_ids");
