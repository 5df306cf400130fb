CREATE TABLE "document_files" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"document_id" uuid NOT NULL,
	"file_name" text NOT NULL,
	"media_type" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"sha256" text NOT NULL,
	"content" "bytea" NOT NULL,
	"uploaded_by" uuid,
	"uploaded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "document_files_document_id_unique" UNIQUE("document_id"),
	CONSTRAINT "document_files_size_ck" CHECK ("document_files"."size_bytes" > 0)
);
--> statement-breakpoint
CREATE TABLE "governing_documents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"title" text NOT NULL,
	"kind" text NOT NULL,
	"level" text NOT NULL,
	"owner_organisation_id" uuid NOT NULL,
	"status" text NOT NULL,
	"adopted_on" date,
	"valid_until" date,
	"review_on" date,
	"focus_areas" text[] DEFAULT '{}'::text[] NOT NULL,
	"summary" text,
	"url" text,
	"body_text" text,
	"search_vector" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('swedish', coalesce(title, '')), 'A') || setweight(to_tsvector('swedish', coalesce(summary, '')), 'B') || setweight(to_tsvector('swedish', coalesce(body_text, '')), 'C')) STORED,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "event_registrations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"meeting_id" uuid NOT NULL,
	"name" text NOT NULL,
	"email" text NOT NULL,
	"organisation_name" text,
	"attendance" text DEFAULT 'on_site' NOT NULL,
	"user_id" uuid,
	"registered_at" timestamp with time zone DEFAULT now() NOT NULL,
	"cancelled_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "network_meeting_attendance" (
	"meeting_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"present" boolean NOT NULL,
	CONSTRAINT "network_meeting_attendance_meeting_id_member_id_pk" PRIMARY KEY("meeting_id","member_id")
);
--> statement-breakpoint
CREATE TABLE "network_meetings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"network_id" uuid NOT NULL,
	"title" text NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone,
	"location" text,
	"online_url" text,
	"agenda" text,
	"minutes" text,
	"decisions" text[] DEFAULT '{}'::text[] NOT NULL,
	"is_open_event" boolean DEFAULT false NOT NULL,
	"description" text,
	"capacity" integer,
	"registration_closes_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "network_members" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"network_id" uuid NOT NULL,
	"user_id" uuid,
	"external_name" text,
	"email" text,
	"represents_organisation_id" uuid,
	"represents_name" text,
	"role_in_group" text NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"invitation_token_hash" text,
	"invited_at" timestamp with time zone,
	"joined_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "network_members_who_ck" CHECK ("network_members"."user_id" is not null or "network_members"."external_name" is not null)
);
--> statement-breakpoint
CREATE TABLE "networks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"level" text NOT NULL,
	"owner_organisation_id" uuid NOT NULL,
	"purpose" text,
	"coverage_organisation_id" uuid,
	"representatives_min" smallint,
	"representatives_max" smallint,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "document_files" ADD CONSTRAINT "document_files_document_id_governing_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."governing_documents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_files" ADD CONSTRAINT "document_files_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "governing_documents" ADD CONSTRAINT "governing_documents_owner_organisation_id_organisations_id_fk" FOREIGN KEY ("owner_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "governing_documents" ADD CONSTRAINT "governing_documents_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "governing_documents" ADD CONSTRAINT "governing_documents_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_registrations" ADD CONSTRAINT "event_registrations_meeting_id_network_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."network_meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_registrations" ADD CONSTRAINT "event_registrations_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_meeting_attendance" ADD CONSTRAINT "network_meeting_attendance_meeting_id_network_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."network_meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_meeting_attendance" ADD CONSTRAINT "network_meeting_attendance_member_id_network_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."network_members"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_meetings" ADD CONSTRAINT "network_meetings_network_id_networks_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."networks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_meetings" ADD CONSTRAINT "network_meetings_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_members" ADD CONSTRAINT "network_members_network_id_networks_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."networks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_members" ADD CONSTRAINT "network_members_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_members" ADD CONSTRAINT "network_members_represents_organisation_id_organisations_id_fk" FOREIGN KEY ("represents_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "networks" ADD CONSTRAINT "networks_owner_organisation_id_organisations_id_fk" FOREIGN KEY ("owner_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "networks" ADD CONSTRAINT "networks_coverage_organisation_id_organisations_id_fk" FOREIGN KEY ("coverage_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "networks" ADD CONSTRAINT "networks_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "governing_documents_owner_idx" ON "governing_documents" USING btree ("owner_organisation_id");--> statement-breakpoint
CREATE INDEX "governing_documents_review_idx" ON "governing_documents" USING btree ("review_on");--> statement-breakpoint
CREATE INDEX "governing_documents_search_idx" ON "governing_documents" USING gin ("search_vector");--> statement-breakpoint
CREATE INDEX "event_registrations_meeting_idx" ON "event_registrations" USING btree ("meeting_id");--> statement-breakpoint
CREATE UNIQUE INDEX "event_registrations_email_uq" ON "event_registrations" USING btree ("meeting_id",lower("email"));--> statement-breakpoint
CREATE INDEX "network_meetings_network_idx" ON "network_meetings" USING btree ("network_id","starts_at");--> statement-breakpoint
CREATE INDEX "network_members_network_idx" ON "network_members" USING btree ("network_id");--> statement-breakpoint
CREATE INDEX "network_members_represents_idx" ON "network_members" USING btree ("represents_organisation_id");--> statement-breakpoint
CREATE UNIQUE INDEX "network_members_user_uq" ON "network_members" USING btree ("network_id","user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "network_members_token_uq" ON "network_members" USING btree ("invitation_token_hash");--> statement-breakpoint
CREATE INDEX "networks_owner_idx" ON "networks" USING btree ("owner_organisation_id");--> statement-breakpoint
CREATE UNIQUE INDEX "networks_owner_name_uq" ON "networks" USING btree ("owner_organisation_id","name");