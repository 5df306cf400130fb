CREATE TABLE "cmi5_registrations" (
	"registration" uuid PRIMARY KEY NOT NULL,
	"course_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"actor" jsonb NOT NULL,
	"actor_key" text NOT NULL,
	"user_id" uuid,
	"enrolment_id" uuid,
	"progress" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cmi5_sessions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"registration" uuid NOT NULL,
	"au_index" integer NOT NULL,
	"au_id" text NOT NULL,
	"activity_id" text NOT NULL,
	"launch_mode" text NOT NULL,
	"mastery_score" jsonb,
	"api_client_id" uuid,
	"secret_hash" text,
	"verbs" text[] DEFAULT '{}'::text[] NOT NULL,
	"launched_at" timestamp with time zone DEFAULT now() NOT NULL,
	"fetched_at" timestamp with time zone,
	"initialized_at" timestamp with time zone,
	"last_statement_at" timestamp with time zone,
	"terminated_at" timestamp with time zone,
	"abandoned_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "cmi5_registrations" ADD CONSTRAINT "cmi5_registrations_course_id_courses_id_fk" FOREIGN KEY ("course_id") REFERENCES "public"."courses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cmi5_registrations" ADD CONSTRAINT "cmi5_registrations_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cmi5_registrations" ADD CONSTRAINT "cmi5_registrations_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cmi5_registrations" ADD CONSTRAINT "cmi5_registrations_enrolment_id_enrolments_id_fk" FOREIGN KEY ("enrolment_id") REFERENCES "public"."enrolments"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cmi5_sessions" ADD CONSTRAINT "cmi5_sessions_registration_cmi5_registrations_registration_fk" FOREIGN KEY ("registration") REFERENCES "public"."cmi5_registrations"("registration") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cmi5_sessions" ADD CONSTRAINT "cmi5_sessions_api_client_id_api_clients_id_fk" FOREIGN KEY ("api_client_id") REFERENCES "public"."api_clients"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "cmi5_registrations_course_actor_idx" ON "cmi5_registrations" USING btree ("course_id","actor_key");--> statement-breakpoint
CREATE INDEX "cmi5_registrations_user_idx" ON "cmi5_registrations" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "cmi5_registrations_enrolment_idx" ON "cmi5_registrations" USING btree ("enrolment_id");--> statement-breakpoint
CREATE INDEX "cmi5_sessions_registration_idx" ON "cmi5_sessions" USING btree ("registration","launched_at");