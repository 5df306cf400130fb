CREATE TABLE "identity_provider_memberships" (
	"membership_id" uuid PRIMARY KEY NOT NULL,
	"identity_provider_id" uuid NOT NULL,
	"user_id" uuid NOT NULL
);
--> statement-breakpoint
ALTER TABLE "identity_provider_memberships" ADD CONSTRAINT "identity_provider_memberships_membership_id_memberships_id_fk" FOREIGN KEY ("membership_id") REFERENCES "public"."memberships"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "identity_provider_memberships" ADD CONSTRAINT "identity_provider_memberships_identity_provider_id_identity_providers_id_fk" FOREIGN KEY ("identity_provider_id") REFERENCES "public"."identity_providers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "identity_provider_memberships" ADD CONSTRAINT "identity_provider_memberships_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "identity_provider_memberships_user_idx" ON "identity_provider_memberships" USING btree ("user_id","identity_provider_id");