CREATE TABLE "action_plan_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"initiative_id" uuid NOT NULL,
	"priority" integer NOT NULL,
	"valid_from" timestamp with time zone DEFAULT now() NOT NULL,
	"valid_to" timestamp with time zone,
	"reason" text,
	"changed_by" uuid,
	"close_reason" text,
	"closed_by" uuid
);
--> statement-breakpoint
CREATE TABLE "action_plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"title" text NOT NULL,
	"description" text,
	"owner_organisation_id" uuid NOT NULL,
	"steering_group_id" uuid,
	"period_start" date NOT NULL,
	"period_end" date NOT NULL,
	"focus_areas" text[] DEFAULT '{}'::text[] NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "need_endorsements" (
	"need_id" uuid NOT NULL,
	"municipality_id" uuid NOT NULL,
	"comment" text,
	"endorsed_by" uuid,
	"endorsed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "need_endorsements_need_id_municipality_id_pk" PRIMARY KEY("need_id","municipality_id")
);
--> statement-breakpoint
CREATE TABLE "needs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"title" text NOT NULL,
	"problem" text NOT NULL,
	"affected" text,
	"desired_outcome" text,
	"technology_id" uuid,
	"proposed_by_organisation_id" uuid NOT NULL,
	"region_id" uuid NOT NULL,
	"status" text DEFAULT 'proposed' NOT NULL,
	"decision_note" text,
	"initiative_id" uuid,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "benefit_indicators" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"initiative_id" uuid NOT NULL,
	"name" text NOT NULL,
	"type" text NOT NULL,
	"unit" text NOT NULL,
	"direction" text NOT NULL,
	"baseline_value" double precision NOT NULL,
	"baseline_on" date NOT NULL,
	"baseline_method" text,
	"target_value" double precision,
	"target_on" date,
	"assumptions" text,
	"uncertainty" text,
	"calculation" jsonb,
	"feed" jsonb,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "benefit_measurements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"indicator_id" uuid NOT NULL,
	"measured_on" date NOT NULL,
	"value" double precision NOT NULL,
	"note" text,
	"source" text DEFAULT 'manual' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "initiative_checklist_items" (
	"initiative_id" uuid NOT NULL,
	"phase" text NOT NULL,
	"item_key" text NOT NULL,
	"done" boolean DEFAULT false NOT NULL,
	"note" text,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "initiative_checklist_items_initiative_id_phase_item_key_pk" PRIMARY KEY("initiative_id","phase","item_key")
);
--> statement-breakpoint
CREATE TABLE "initiative_funding" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"initiative_id" uuid NOT NULL,
	"source" text NOT NULL,
	"year" smallint NOT NULL,
	"applied_sek" bigint DEFAULT 0 NOT NULL,
	"granted_sek" bigint DEFAULT 0 NOT NULL,
	"used_sek" bigint DEFAULT 0 NOT NULL,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "initiative_funding_amounts_check" CHECK ("initiative_funding"."applied_sek" >= 0 and "initiative_funding"."granted_sek" >= 0 and "initiative_funding"."used_sek" >= 0)
);
--> statement-breakpoint
CREATE TABLE "initiative_history" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"initiative_id" uuid NOT NULL,
	"title" text NOT NULL,
	"status" text NOT NULL,
	"phase" text NOT NULL,
	"valid_from" timestamp with time zone DEFAULT now() NOT NULL,
	"valid_to" timestamp with time zone,
	"changed_by" uuid
);
--> statement-breakpoint
CREATE TABLE "initiative_links" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"initiative_id" uuid NOT NULL,
	"title" text NOT NULL,
	"document_id" uuid,
	"url" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "initiative_links_target_check" CHECK (("initiative_links"."document_id" is null) <> ("initiative_links"."url" is null))
);
--> statement-breakpoint
CREATE TABLE "initiative_milestones" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"initiative_id" uuid NOT NULL,
	"title" text NOT NULL,
	"due_on" date NOT NULL,
	"done_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "initiative_municipalities" (
	"initiative_id" uuid NOT NULL,
	"municipality_id" uuid NOT NULL,
	CONSTRAINT "initiative_municipalities_initiative_id_municipality_id_pk" PRIMARY KEY("initiative_id","municipality_id")
);
--> statement-breakpoint
CREATE TABLE "initiative_risks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"initiative_id" uuid NOT NULL,
	"description" text NOT NULL,
	"likelihood" smallint NOT NULL,
	"impact" smallint NOT NULL,
	"mitigation" text,
	"status" text DEFAULT 'open' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "initiative_support_needs" (
	"initiative_id" uuid NOT NULL,
	"need_key" text NOT NULL,
	CONSTRAINT "initiative_support_needs_initiative_id_need_key_pk" PRIMARY KEY("initiative_id","need_key")
);
--> statement-breakpoint
CREATE TABLE "initiative_technologies" (
	"initiative_id" uuid NOT NULL,
	"technology_id" uuid NOT NULL,
	CONSTRAINT "initiative_technologies_initiative_id_technology_id_pk" PRIMARY KEY("initiative_id","technology_id")
);
--> statement-breakpoint
ALTER TABLE "initiatives" ADD COLUMN "phase" text DEFAULT 'prepare' NOT NULL;--> statement-breakpoint
ALTER TABLE "initiatives" ADD COLUMN "responsible_user_id" uuid;--> statement-breakpoint
ALTER TABLE "initiatives" ADD COLUMN "responsible_name" text;--> statement-breakpoint
ALTER TABLE "initiatives" ADD COLUMN "starts_on" date;--> statement-breakpoint
ALTER TABLE "initiatives" ADD COLUMN "ends_on" date;--> statement-breakpoint
ALTER TABLE "initiatives" ADD COLUMN "budget_sek" bigint;--> statement-breakpoint
ALTER TABLE "action_plan_items" ADD CONSTRAINT "action_plan_items_plan_id_action_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."action_plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_plan_items" ADD CONSTRAINT "action_plan_items_initiative_id_initiatives_id_fk" FOREIGN KEY ("initiative_id") REFERENCES "public"."initiatives"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_plan_items" ADD CONSTRAINT "action_plan_items_changed_by_users_id_fk" FOREIGN KEY ("changed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_plan_items" ADD CONSTRAINT "action_plan_items_closed_by_users_id_fk" FOREIGN KEY ("closed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_plans" ADD CONSTRAINT "action_plans_owner_organisation_id_organisations_id_fk" FOREIGN KEY ("owner_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_plans" ADD CONSTRAINT "action_plans_steering_group_id_networks_id_fk" FOREIGN KEY ("steering_group_id") REFERENCES "public"."networks"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_plans" ADD CONSTRAINT "action_plans_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "need_endorsements" ADD CONSTRAINT "need_endorsements_need_id_needs_id_fk" FOREIGN KEY ("need_id") REFERENCES "public"."needs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "need_endorsements" ADD CONSTRAINT "need_endorsements_municipality_id_organisations_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "need_endorsements" ADD CONSTRAINT "need_endorsements_endorsed_by_users_id_fk" FOREIGN KEY ("endorsed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "needs" ADD CONSTRAINT "needs_technology_id_technologies_id_fk" FOREIGN KEY ("technology_id") REFERENCES "public"."technologies"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "needs" ADD CONSTRAINT "needs_proposed_by_organisation_id_organisations_id_fk" FOREIGN KEY ("proposed_by_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "needs" ADD CONSTRAINT "needs_region_id_organisations_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "needs" ADD CONSTRAINT "needs_initiative_id_initiatives_id_fk" FOREIGN KEY ("initiative_id") REFERENCES "public"."initiatives"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "needs" ADD CONSTRAINT "needs_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "needs" ADD CONSTRAINT "needs_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "benefit_indicators" ADD CONSTRAINT "benefit_indicators_initiative_id_initiatives_id_fk" FOREIGN KEY ("initiative_id") REFERENCES "public"."initiatives"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "benefit_indicators" ADD CONSTRAINT "benefit_indicators_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "benefit_measurements" ADD CONSTRAINT "benefit_measurements_indicator_id_benefit_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."benefit_indicators"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "benefit_measurements" ADD CONSTRAINT "benefit_measurements_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative_checklist_items" ADD CONSTRAINT "initiative_checklist_items_initiative_id_initiatives_id_fk" FOREIGN KEY ("initiative_id") REFERENCES "public"."initiatives"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative_checklist_items" ADD CONSTRAINT "initiative_checklist_items_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative_funding" ADD CONSTRAINT "initiative_funding_initiative_id_initiatives_id_fk" FOREIGN KEY ("initiative_id") REFERENCES "public"."initiatives"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative_history" ADD CONSTRAINT "initiative_history_initiative_id_initiatives_id_fk" FOREIGN KEY ("initiative_id") REFERENCES "public"."initiatives"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative_history" ADD CONSTRAINT "initiative_history_changed_by_users_id_fk" FOREIGN KEY ("changed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative_links" ADD CONSTRAINT "initiative_links_initiative_id_initiatives_id_fk" FOREIGN KEY ("initiative_id") REFERENCES "public"."initiatives"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative_links" ADD CONSTRAINT "initiative_links_document_id_governing_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."governing_documents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative_milestones" ADD CONSTRAINT "initiative_milestones_initiative_id_initiatives_id_fk" FOREIGN KEY ("initiative_id") REFERENCES "public"."initiatives"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative_municipalities" ADD CONSTRAINT "initiative_municipalities_initiative_id_initiatives_id_fk" FOREIGN KEY ("initiative_id") REFERENCES "public"."initiatives"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative_municipalities" ADD CONSTRAINT "initiative_municipalities_municipality_id_organisations_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative_risks" ADD CONSTRAINT "initiative_risks_initiative_id_initiatives_id_fk" FOREIGN KEY ("initiative_id") REFERENCES "public"."initiatives"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative_support_needs" ADD CONSTRAINT "initiative_support_needs_initiative_id_initiatives_id_fk" FOREIGN KEY ("initiative_id") REFERENCES "public"."initiatives"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative_technologies" ADD CONSTRAINT "initiative_technologies_initiative_id_initiatives_id_fk" FOREIGN KEY ("initiative_id") REFERENCES "public"."initiatives"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative_technologies" ADD CONSTRAINT "initiative_technologies_technology_id_technologies_id_fk" FOREIGN KEY ("technology_id") REFERENCES "public"."technologies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "action_plan_items_plan_idx" ON "action_plan_items" USING btree ("plan_id","valid_from");--> statement-breakpoint
CREATE INDEX "action_plan_items_initiative_idx" ON "action_plan_items" USING btree ("initiative_id");--> statement-breakpoint
CREATE UNIQUE INDEX "action_plan_items_current_idx" ON "action_plan_items" USING btree ("plan_id","initiative_id") WHERE "action_plan_items"."valid_to" is null;--> statement-breakpoint
CREATE INDEX "action_plans_owner_idx" ON "action_plans" USING btree ("owner_organisation_id");--> statement-breakpoint
CREATE INDEX "needs_region_idx" ON "needs" USING btree ("region_id","status");--> statement-breakpoint
CREATE INDEX "benefit_indicators_initiative_idx" ON "benefit_indicators" USING btree ("initiative_id");--> statement-breakpoint
CREATE INDEX "benefit_measurements_indicator_idx" ON "benefit_measurements" USING btree ("indicator_id","measured_on");--> statement-breakpoint
CREATE INDEX "initiative_funding_initiative_idx" ON "initiative_funding" USING btree ("initiative_id");--> statement-breakpoint
CREATE INDEX "initiative_history_initiative_idx" ON "initiative_history" USING btree ("initiative_id","valid_from");--> statement-breakpoint
CREATE UNIQUE INDEX "initiative_history_current_idx" ON "initiative_history" USING btree ("initiative_id") WHERE "initiative_history"."valid_to" is null;--> statement-breakpoint
CREATE INDEX "initiative_links_initiative_idx" ON "initiative_links" USING btree ("initiative_id");--> statement-breakpoint
CREATE INDEX "initiative_milestones_initiative_idx" ON "initiative_milestones" USING btree ("initiative_id","due_on");--> statement-breakpoint
CREATE INDEX "initiative_municipalities_municipality_idx" ON "initiative_municipalities" USING btree ("municipality_id");--> statement-breakpoint
CREATE INDEX "initiative_risks_initiative_idx" ON "initiative_risks" USING btree ("initiative_id");--> statement-breakpoint
CREATE INDEX "initiative_technologies_technology_idx" ON "initiative_technologies" USING btree ("technology_id");--> statement-breakpoint
ALTER TABLE "initiatives" ADD CONSTRAINT "initiatives_responsible_user_id_users_id_fk" FOREIGN KEY ("responsible_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiatives" ADD CONSTRAINT "initiatives_budget_check" CHECK ("initiatives"."budget_sek" is null or "initiatives"."budget_sek" >= 0);--> statement-breakpoint
INSERT INTO "initiative_history" ("initiative_id", "title", "status", "phase", "valid_from", "changed_by")
SELECT "id", "title", "status", "phase", "created_at", "created_by" FROM "initiatives";
