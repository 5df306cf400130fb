CREATE TABLE "requirement_lessons" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"requirement_id" uuid NOT NULL,
	"version" smallint NOT NULL,
	"organisation_id" uuid NOT NULL,
	"rating" text NOT NULL,
	"body" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "requirement_lessons_rating_ck" CHECK ("requirement_lessons"."rating" in ('worked', 'partly', 'did_not_work'))
);
--> statement-breakpoint
CREATE TABLE "requirement_specification_items" (
	"specification_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"requirement_id" uuid NOT NULL,
	"version" smallint NOT NULL,
	"level" text NOT NULL,
	CONSTRAINT "requirement_specification_items_specification_id_position_pk" PRIMARY KEY("specification_id","position"),
	CONSTRAINT "requirement_specification_items_level_ck" CHECK ("requirement_specification_items"."level" in ('must', 'should'))
);
--> statement-breakpoint
CREATE TABLE "requirement_specifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"owner_organisation_id" uuid NOT NULL,
	"technology_id" uuid NOT NULL,
	"title" text NOT NULL,
	"introduction" text DEFAULT '' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "requirement_technologies" (
	"requirement_id" uuid NOT NULL,
	"technology_id" uuid NOT NULL,
	CONSTRAINT "requirement_technologies_requirement_id_technology_id_pk" PRIMARY KEY("requirement_id","technology_id")
);
--> statement-breakpoint
CREATE TABLE "requirement_versions" (
	"requirement_id" uuid NOT NULL,
	"version" smallint NOT NULL,
	"text_sv" text NOT NULL,
	"text_en" text,
	"level" text NOT NULL,
	"category" text NOT NULL,
	"source" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"search_vector" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('swedish', coalesce(text_sv, '')), 'A') || setweight(to_tsvector('swedish', coalesce(source, '')), 'C')) STORED,
	CONSTRAINT "requirement_versions_requirement_id_version_pk" PRIMARY KEY("requirement_id","version"),
	CONSTRAINT "requirement_versions_level_ck" CHECK ("requirement_versions"."level" in ('must', 'should'))
);
--> statement-breakpoint
CREATE TABLE "requirements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"owner_organisation_id" uuid NOT NULL,
	"current_version" smallint DEFAULT 1 NOT NULL,
	"derived_from_id" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "requirement_lessons" ADD CONSTRAINT "requirement_lessons_requirement_id_requirements_id_fk" FOREIGN KEY ("requirement_id") REFERENCES "public"."requirements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "requirement_lessons" ADD CONSTRAINT "requirement_lessons_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "requirement_lessons" ADD CONSTRAINT "requirement_lessons_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "requirement_specification_items" ADD CONSTRAINT "requirement_specification_items_specification_id_requirement_specifications_id_fk" FOREIGN KEY ("specification_id") REFERENCES "public"."requirement_specifications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "requirement_specification_items" ADD CONSTRAINT "requirement_specification_items_requirement_id_version_requirement_versions_requirement_id_version_fk" FOREIGN KEY ("requirement_id","version") REFERENCES "public"."requirement_versions"("requirement_id","version") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "requirement_specifications" ADD CONSTRAINT "requirement_specifications_owner_organisation_id_organisations_id_fk" FOREIGN KEY ("owner_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "requirement_specifications" ADD CONSTRAINT "requirement_specifications_technology_id_technologies_id_fk" FOREIGN KEY ("technology_id") REFERENCES "public"."technologies"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "requirement_specifications" ADD CONSTRAINT "requirement_specifications_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "requirement_specifications" ADD CONSTRAINT "requirement_specifications_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "requirement_technologies" ADD CONSTRAINT "requirement_technologies_requirement_id_requirements_id_fk" FOREIGN KEY ("requirement_id") REFERENCES "public"."requirements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "requirement_technologies" ADD CONSTRAINT "requirement_technologies_technology_id_technologies_id_fk" FOREIGN KEY ("technology_id") REFERENCES "public"."technologies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "requirement_versions" ADD CONSTRAINT "requirement_versions_requirement_id_requirements_id_fk" FOREIGN KEY ("requirement_id") REFERENCES "public"."requirements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "requirement_versions" ADD CONSTRAINT "requirement_versions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "requirements" ADD CONSTRAINT "requirements_owner_organisation_id_organisations_id_fk" FOREIGN KEY ("owner_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "requirements" ADD CONSTRAINT "requirements_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "requirements" ADD CONSTRAINT "requirements_derived_from_id_requirements_id_fk" FOREIGN KEY ("derived_from_id") REFERENCES "public"."requirements"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "requirement_lessons_requirement_idx" ON "requirement_lessons" USING btree ("requirement_id","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE UNIQUE INDEX "requirement_specification_items_requirement_uq" ON "requirement_specification_items" USING btree ("specification_id","requirement_id");--> statement-breakpoint
CREATE INDEX "requirement_specification_items_used_idx" ON "requirement_specification_items" USING btree ("requirement_id");--> statement-breakpoint
CREATE INDEX "requirement_specifications_owner_idx" ON "requirement_specifications" USING btree ("owner_organisation_id","updated_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "requirement_technologies_technology_idx" ON "requirement_technologies" USING btree ("technology_id");--> statement-breakpoint
CREATE INDEX "requirement_versions_search_idx" ON "requirement_versions" USING gin ("search_vector");--> statement-breakpoint
CREATE INDEX "requirements_owner_idx" ON "requirements" USING btree ("owner_organisation_id");