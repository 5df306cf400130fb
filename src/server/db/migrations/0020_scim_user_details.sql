ALTER TABLE "scim_group_members" ADD COLUMN "membership_given" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "scim_users" ADD COLUMN "given_name" text;--> statement-breakpoint
ALTER TABLE "scim_users" ADD COLUMN "family_name" text;--> statement-breakpoint
ALTER TABLE "scim_users" ADD COLUMN "department" text;--> statement-breakpoint
ALTER TABLE "scim_users" ADD COLUMN "staff_organisation_id" uuid;--> statement-breakpoint
ALTER TABLE "scim_users" ADD CONSTRAINT "scim_users_staff_organisation_id_organisations_id_fk" FOREIGN KEY ("staff_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE set null ON UPDATE no action;