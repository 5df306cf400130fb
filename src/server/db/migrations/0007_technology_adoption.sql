CREATE TABLE "technologies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"key" text NOT NULL,
	"category" text NOT NULL,
	"name_sv" text NOT NULL,
	"name_en" text NOT NULL,
	"description_sv" text NOT NULL,
	"description_en" text NOT NULL,
	"sort_order" smallint DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "technologies_key_unique" UNIQUE("key")
);
--> statement-breakpoint
CREATE TABLE "technology_adoption_history" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"municipality_id" uuid NOT NULL,
	"technology_id" uuid NOT NULL,
	"changed_by" uuid,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"before" jsonb,
	"after" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "technology_adoptions" (
	"municipality_id" uuid NOT NULL,
	"technology_id" uuid NOT NULL,
	"status" text NOT NULL,
	"since" date,
	"scope" text,
	"users_served" integer,
	"eligible_users" integer,
	"contact_name" text,
	"contact_email" text,
	"comment" text,
	"evidence_url" text,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "technology_adoptions_municipality_id_technology_id_pk" PRIMARY KEY("municipality_id","technology_id")
);
--> statement-breakpoint
ALTER TABLE "technology_adoption_history" ADD CONSTRAINT "technology_adoption_history_municipality_id_organisations_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "technology_adoption_history" ADD CONSTRAINT "technology_adoption_history_technology_id_technologies_id_fk" FOREIGN KEY ("technology_id") REFERENCES "public"."technologies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "technology_adoption_history" ADD CONSTRAINT "technology_adoption_history_changed_by_users_id_fk" FOREIGN KEY ("changed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "technology_adoptions" ADD CONSTRAINT "technology_adoptions_municipality_id_organisations_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "technology_adoptions" ADD CONSTRAINT "technology_adoptions_technology_id_technologies_id_fk" FOREIGN KEY ("technology_id") REFERENCES "public"."technologies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "technology_adoptions" ADD CONSTRAINT "technology_adoptions_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "technology_adoption_history_idx" ON "technology_adoption_history" USING btree ("municipality_id","technology_id","changed_at");--> statement-breakpoint
CREATE INDEX "technology_adoptions_technology_idx" ON "technology_adoptions" USING btree ("technology_id","status");