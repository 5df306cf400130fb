CREATE TABLE "external_contact_municipalities" (
	"contact_id" uuid NOT NULL,
	"municipality_id" uuid NOT NULL,
	CONSTRAINT "external_contact_municipalities_contact_id_municipality_id_pk" PRIMARY KEY("contact_id","municipality_id")
);
--> statement-breakpoint
CREATE TABLE "external_contact_technologies" (
	"contact_id" uuid NOT NULL,
	"technology_id" uuid NOT NULL,
	CONSTRAINT "external_contact_technologies_contact_id_technology_id_pk" PRIMARY KEY("contact_id","technology_id")
);
--> statement-breakpoint
CREATE TABLE "external_contacts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"owner_organisation_id" uuid NOT NULL,
	"occurred_on" date NOT NULL,
	"kind" text NOT NULL,
	"actor_kind" text NOT NULL,
	"actor_name" text NOT NULL,
	"supplier_id" uuid,
	"meeting_id" uuid,
	"procurement_id" uuid,
	"topic" text NOT NULL,
	"outcome" text,
	"follow_up" text,
	"follow_up_on" date,
	"follow_up_done_at" timestamp with time zone,
	"search_vector" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('swedish', coalesce(topic, '') || ' ' || coalesce(actor_name, '')), 'A') || setweight(to_tsvector('swedish', coalesce(outcome, '') || ' ' || coalesce(follow_up, '')), 'B')) STORED,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "funding_allocations" (
	"call_id" uuid NOT NULL,
	"municipality_id" uuid NOT NULL,
	"key_value" integer,
	"allocated_sek" bigint NOT NULL,
	"requisitioned_sek" bigint DEFAULT 0 NOT NULL,
	"requisitioned_at" timestamp with time zone,
	"requisitioned_by" uuid,
	"reported_at" timestamp with time zone,
	"reported_by" uuid,
	"report_text" text,
	CONSTRAINT "funding_allocations_call_id_municipality_id_pk" PRIMARY KEY("call_id","municipality_id"),
	CONSTRAINT "funding_allocations_amounts_ck" CHECK ("funding_allocations"."allocated_sek" >= 0 and "funding_allocations"."requisitioned_sek" >= 0 and "funding_allocations"."requisitioned_sek" <= "funding_allocations"."allocated_sek")
);
--> statement-breakpoint
CREATE TABLE "funding_calls" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"title" text NOT NULL,
	"description" text,
	"owner_organisation_id" uuid NOT NULL,
	"scope_organisation_id" uuid NOT NULL,
	"year" smallint NOT NULL,
	"total_sek" bigint NOT NULL,
	"allocation_key" text NOT NULL,
	"requisition_deadline" date NOT NULL,
	"reporting_deadline" date NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "funding_calls_total_ck" CHECK ("funding_calls"."total_sek" >= 0),
	CONSTRAINT "funding_calls_deadlines_ck" CHECK ("funding_calls"."reporting_deadline" >= "funding_calls"."requisition_deadline")
);
--> statement-breakpoint
CREATE TABLE "funding_reminders_sent" (
	"call_id" uuid NOT NULL,
	"municipality_id" uuid NOT NULL,
	"deadline" text NOT NULL,
	"days_before" smallint NOT NULL,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "funding_reminders_sent_call_id_municipality_id_deadline_days_before_pk" PRIMARY KEY("call_id","municipality_id","deadline","days_before")
);
--> statement-breakpoint
CREATE TABLE "procurement_checklist_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"procurement_id" uuid NOT NULL,
	"phase" text NOT NULL,
	"position" smallint NOT NULL,
	"label" text NOT NULL,
	"done_at" timestamp with time zone,
	"done_by" uuid
);
--> statement-breakpoint
CREATE TABLE "procurement_documents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"procurement_id" uuid NOT NULL,
	"municipality_id" uuid,
	"kind" text NOT NULL,
	"file_name" text NOT NULL,
	"media_type" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"sha256" text NOT NULL,
	"content" "bytea" NOT NULL,
	"uploaded_by" uuid,
	"uploaded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "procurement_documents_size_ck" CHECK ("procurement_documents"."size_bytes" > 0)
);
--> statement-breakpoint
CREATE TABLE "procurement_initiatives" (
	"procurement_id" uuid NOT NULL,
	"initiative_id" uuid NOT NULL,
	CONSTRAINT "procurement_initiatives_procurement_id_initiative_id_pk" PRIMARY KEY("procurement_id","initiative_id")
);
--> statement-breakpoint
CREATE TABLE "procurement_needs" (
	"procurement_id" uuid NOT NULL,
	"need_id" uuid NOT NULL,
	CONSTRAINT "procurement_needs_procurement_id_need_id_pk" PRIMARY KEY("procurement_id","need_id")
);
--> statement-breakpoint
CREATE TABLE "procurement_participants" (
	"procurement_id" uuid NOT NULL,
	"municipality_id" uuid NOT NULL,
	"status" text DEFAULT 'invited' NOT NULL,
	"invited_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decision_on" date,
	"power_of_attorney_document_id" uuid,
	"responded_at" timestamp with time zone,
	"responded_by" uuid,
	CONSTRAINT "procurement_participants_procurement_id_municipality_id_pk" PRIMARY KEY("procurement_id","municipality_id")
);
--> statement-breakpoint
CREATE TABLE "procurement_phases" (
	"procurement_id" uuid NOT NULL,
	"phase" text NOT NULL,
	"planned_start" date,
	"planned_end" date,
	"completed_on" date,
	CONSTRAINT "procurement_phases_procurement_id_phase_pk" PRIMARY KEY("procurement_id","phase")
);
--> statement-breakpoint
CREATE TABLE "procurements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"title" text NOT NULL,
	"description" text,
	"lead_organisation_id" uuid NOT NULL,
	"technology_id" uuid NOT NULL,
	"phase" text DEFAULT 'needs_analysis' NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"awarded_supplier_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "contract_alerts_sent" (
	"contract_id" uuid NOT NULL,
	"decision_on" date NOT NULL,
	"months_before" smallint NOT NULL,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "contract_alerts_sent_contract_id_decision_on_months_before_pk" PRIMARY KEY("contract_id","decision_on","months_before")
);
--> statement-breakpoint
CREATE TABLE "contract_documents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"contract_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"file_name" text NOT NULL,
	"media_type" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"sha256" text NOT NULL,
	"content" "bytea" NOT NULL,
	"uploaded_by" uuid,
	"uploaded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "contract_documents_size_ck" CHECK ("contract_documents"."size_bytes" > 0)
);
--> statement-breakpoint
CREATE TABLE "contract_extensions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"contract_id" uuid NOT NULL,
	"position" smallint NOT NULL,
	"months" smallint NOT NULL,
	"decide_by" date NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	CONSTRAINT "contract_extensions_months_ck" CHECK ("contract_extensions"."months" > 0)
);
--> statement-breakpoint
CREATE TABLE "contract_history" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"contract_id" uuid NOT NULL,
	"action" text NOT NULL,
	"changes" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"changed_by" uuid,
	"changed_at" timestamp with time zone DEFAULT clock_timestamp() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "contract_products" (
	"contract_id" uuid NOT NULL,
	"product_id" uuid NOT NULL,
	CONSTRAINT "contract_products_contract_id_product_id_pk" PRIMARY KEY("contract_id","product_id")
);
--> statement-breakpoint
CREATE TABLE "contract_technologies" (
	"contract_id" uuid NOT NULL,
	"technology_id" uuid NOT NULL,
	CONSTRAINT "contract_technologies_contract_id_technology_id_pk" PRIMARY KEY("contract_id","technology_id")
);
--> statement-breakpoint
CREATE TABLE "contracts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"supplier_id" uuid NOT NULL,
	"title" text NOT NULL,
	"external_ref" text,
	"procurement_form" text NOT NULL,
	"framework_name" text,
	"procurement_id" uuid,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"notice_months" smallint,
	"annual_value_sek" bigint,
	"responsible_user_id" uuid,
	"notes" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "contracts_dates_ck" CHECK ("contracts"."ends_on" >= "contracts"."starts_on"),
	CONSTRAINT "contracts_value_ck" CHECK ("contracts"."annual_value_sek" is null or "contracts"."annual_value_sek" >= 0),
	CONSTRAINT "contracts_notice_ck" CHECK ("contracts"."notice_months" is null or "contracts"."notice_months" >= 0)
);
--> statement-breakpoint
ALTER TABLE "import_jobs" ADD COLUMN "kind" text DEFAULT 'staff' NOT NULL;--> statement-breakpoint
ALTER TABLE "initiative_funding" ADD COLUMN "funding_call_id" uuid;--> statement-breakpoint
ALTER TABLE "initiative_funding" ADD COLUMN "recipient_municipality_id" uuid;--> statement-breakpoint
ALTER TABLE "requirement_specifications" ADD COLUMN "procurement_id" uuid;--> statement-breakpoint
ALTER TABLE "external_contact_municipalities" ADD CONSTRAINT "external_contact_municipalities_contact_id_external_contacts_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."external_contacts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "external_contact_municipalities" ADD CONSTRAINT "external_contact_municipalities_municipality_id_organisations_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "external_contact_technologies" ADD CONSTRAINT "external_contact_technologies_contact_id_external_contacts_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."external_contacts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "external_contact_technologies" ADD CONSTRAINT "external_contact_technologies_technology_id_technologies_id_fk" FOREIGN KEY ("technology_id") REFERENCES "public"."technologies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "external_contacts" ADD CONSTRAINT "external_contacts_owner_organisation_id_organisations_id_fk" FOREIGN KEY ("owner_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "external_contacts" ADD CONSTRAINT "external_contacts_supplier_id_suppliers_id_fk" FOREIGN KEY ("supplier_id") REFERENCES "public"."suppliers"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "external_contacts" ADD CONSTRAINT "external_contacts_meeting_id_network_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."network_meetings"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "external_contacts" ADD CONSTRAINT "external_contacts_procurement_id_procurements_id_fk" FOREIGN KEY ("procurement_id") REFERENCES "public"."procurements"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "external_contacts" ADD CONSTRAINT "external_contacts_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_allocations" ADD CONSTRAINT "funding_allocations_call_id_funding_calls_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."funding_calls"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_allocations" ADD CONSTRAINT "funding_allocations_municipality_id_organisations_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_allocations" ADD CONSTRAINT "funding_allocations_requisitioned_by_users_id_fk" FOREIGN KEY ("requisitioned_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_allocations" ADD CONSTRAINT "funding_allocations_reported_by_users_id_fk" FOREIGN KEY ("reported_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_calls" ADD CONSTRAINT "funding_calls_owner_organisation_id_organisations_id_fk" FOREIGN KEY ("owner_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_calls" ADD CONSTRAINT "funding_calls_scope_organisation_id_organisations_id_fk" FOREIGN KEY ("scope_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_calls" ADD CONSTRAINT "funding_calls_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_reminders_sent" ADD CONSTRAINT "funding_reminders_sent_call_id_funding_calls_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."funding_calls"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_reminders_sent" ADD CONSTRAINT "funding_reminders_sent_municipality_id_organisations_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "procurement_checklist_items" ADD CONSTRAINT "procurement_checklist_items_procurement_id_procurements_id_fk" FOREIGN KEY ("procurement_id") REFERENCES "public"."procurements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "procurement_checklist_items" ADD CONSTRAINT "procurement_checklist_items_done_by_users_id_fk" FOREIGN KEY ("done_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "procurement_documents" ADD CONSTRAINT "procurement_documents_procurement_id_procurements_id_fk" FOREIGN KEY ("procurement_id") REFERENCES "public"."procurements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "procurement_documents" ADD CONSTRAINT "procurement_documents_municipality_id_organisations_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "procurement_documents" ADD CONSTRAINT "procurement_documents_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "procurement_initiatives" ADD CONSTRAINT "procurement_initiatives_procurement_id_procurements_id_fk" FOREIGN KEY ("procurement_id") REFERENCES "public"."procurements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "procurement_initiatives" ADD CONSTRAINT "procurement_initiatives_initiative_id_initiatives_id_fk" FOREIGN KEY ("initiative_id") REFERENCES "public"."initiatives"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "procurement_needs" ADD CONSTRAINT "procurement_needs_procurement_id_procurements_id_fk" FOREIGN KEY ("procurement_id") REFERENCES "public"."procurements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "procurement_needs" ADD CONSTRAINT "procurement_needs_need_id_needs_id_fk" FOREIGN KEY ("need_id") REFERENCES "public"."needs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "procurement_participants" ADD CONSTRAINT "procurement_participants_procurement_id_procurements_id_fk" FOREIGN KEY ("procurement_id") REFERENCES "public"."procurements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "procurement_participants" ADD CONSTRAINT "procurement_participants_municipality_id_organisations_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "procurement_participants" ADD CONSTRAINT "procurement_participants_power_of_attorney_document_id_procurement_documents_id_fk" FOREIGN KEY ("power_of_attorney_document_id") REFERENCES "public"."procurement_documents"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "procurement_participants" ADD CONSTRAINT "procurement_participants_responded_by_users_id_fk" FOREIGN KEY ("responded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "procurement_phases" ADD CONSTRAINT "procurement_phases_procurement_id_procurements_id_fk" FOREIGN KEY ("procurement_id") REFERENCES "public"."procurements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "procurements" ADD CONSTRAINT "procurements_lead_organisation_id_organisations_id_fk" FOREIGN KEY ("lead_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "procurements" ADD CONSTRAINT "procurements_technology_id_technologies_id_fk" FOREIGN KEY ("technology_id") REFERENCES "public"."technologies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "procurements" ADD CONSTRAINT "procurements_awarded_supplier_id_suppliers_id_fk" FOREIGN KEY ("awarded_supplier_id") REFERENCES "public"."suppliers"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "procurements" ADD CONSTRAINT "procurements_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contract_alerts_sent" ADD CONSTRAINT "contract_alerts_sent_contract_id_contracts_id_fk" FOREIGN KEY ("contract_id") REFERENCES "public"."contracts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contract_documents" ADD CONSTRAINT "contract_documents_contract_id_contracts_id_fk" FOREIGN KEY ("contract_id") REFERENCES "public"."contracts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contract_documents" ADD CONSTRAINT "contract_documents_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contract_extensions" ADD CONSTRAINT "contract_extensions_contract_id_contracts_id_fk" FOREIGN KEY ("contract_id") REFERENCES "public"."contracts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contract_history" ADD CONSTRAINT "contract_history_contract_id_contracts_id_fk" FOREIGN KEY ("contract_id") REFERENCES "public"."contracts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contract_history" ADD CONSTRAINT "contract_history_changed_by_users_id_fk" FOREIGN KEY ("changed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contract_products" ADD CONSTRAINT "contract_products_contract_id_contracts_id_fk" FOREIGN KEY ("contract_id") REFERENCES "public"."contracts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contract_products" ADD CONSTRAINT "contract_products_product_id_supplier_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."supplier_products"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contract_technologies" ADD CONSTRAINT "contract_technologies_contract_id_contracts_id_fk" FOREIGN KEY ("contract_id") REFERENCES "public"."contracts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contract_technologies" ADD CONSTRAINT "contract_technologies_technology_id_technologies_id_fk" FOREIGN KEY ("technology_id") REFERENCES "public"."technologies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contracts" ADD CONSTRAINT "contracts_municipality_id_organisations_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contracts" ADD CONSTRAINT "contracts_supplier_id_suppliers_id_fk" FOREIGN KEY ("supplier_id") REFERENCES "public"."suppliers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contracts" ADD CONSTRAINT "contracts_procurement_id_procurements_id_fk" FOREIGN KEY ("procurement_id") REFERENCES "public"."procurements"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contracts" ADD CONSTRAINT "contracts_responsible_user_id_users_id_fk" FOREIGN KEY ("responsible_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contracts" ADD CONSTRAINT "contracts_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contracts" ADD CONSTRAINT "contracts_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "external_contact_municipalities_municipality_idx" ON "external_contact_municipalities" USING btree ("municipality_id");--> statement-breakpoint
CREATE INDEX "external_contact_technologies_technology_idx" ON "external_contact_technologies" USING btree ("technology_id");--> statement-breakpoint
CREATE INDEX "external_contacts_owner_idx" ON "external_contacts" USING btree ("owner_organisation_id","occurred_on");--> statement-breakpoint
CREATE INDEX "external_contacts_search_idx" ON "external_contacts" USING gin ("search_vector");--> statement-breakpoint
CREATE INDEX "external_contacts_supplier_idx" ON "external_contacts" USING btree ("supplier_id");--> statement-breakpoint
CREATE INDEX "funding_allocations_municipality_idx" ON "funding_allocations" USING btree ("municipality_id");--> statement-breakpoint
CREATE INDEX "funding_calls_scope_idx" ON "funding_calls" USING btree ("scope_organisation_id","year");--> statement-breakpoint
CREATE INDEX "procurement_checklist_procurement_idx" ON "procurement_checklist_items" USING btree ("procurement_id","phase","position");--> statement-breakpoint
CREATE INDEX "procurement_documents_procurement_idx" ON "procurement_documents" USING btree ("procurement_id");--> statement-breakpoint
CREATE INDEX "procurement_initiatives_initiative_idx" ON "procurement_initiatives" USING btree ("initiative_id");--> statement-breakpoint
CREATE INDEX "procurement_needs_need_idx" ON "procurement_needs" USING btree ("need_id");--> statement-breakpoint
CREATE INDEX "procurement_participants_municipality_idx" ON "procurement_participants" USING btree ("municipality_id");--> statement-breakpoint
CREATE INDEX "procurements_lead_idx" ON "procurements" USING btree ("lead_organisation_id","status");--> statement-breakpoint
CREATE INDEX "procurements_technology_idx" ON "procurements" USING btree ("technology_id");--> statement-breakpoint
CREATE INDEX "contract_documents_contract_idx" ON "contract_documents" USING btree ("contract_id");--> statement-breakpoint
CREATE UNIQUE INDEX "contract_extensions_position_uq" ON "contract_extensions" USING btree ("contract_id","position");--> statement-breakpoint
CREATE INDEX "contract_extensions_decide_idx" ON "contract_extensions" USING btree ("decide_by");--> statement-breakpoint
CREATE INDEX "contract_history_contract_idx" ON "contract_history" USING btree ("contract_id","changed_at");--> statement-breakpoint
CREATE INDEX "contract_technologies_technology_idx" ON "contract_technologies" USING btree ("technology_id");--> statement-breakpoint
CREATE INDEX "contracts_municipality_idx" ON "contracts" USING btree ("municipality_id","ends_on");--> statement-breakpoint
CREATE INDEX "contracts_ends_idx" ON "contracts" USING btree ("ends_on");--> statement-breakpoint
CREATE INDEX "contracts_supplier_idx" ON "contracts" USING btree ("supplier_id");--> statement-breakpoint
CREATE INDEX "contracts_procurement_idx" ON "contracts" USING btree ("procurement_id");--> statement-breakpoint
CREATE UNIQUE INDEX "contracts_external_ref_uq" ON "contracts" USING btree ("municipality_id","external_ref") WHERE "contracts"."external_ref" is not null;--> statement-breakpoint
ALTER TABLE "initiative_funding" ADD CONSTRAINT "initiative_funding_funding_call_id_funding_calls_id_fk" FOREIGN KEY ("funding_call_id") REFERENCES "public"."funding_calls"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative_funding" ADD CONSTRAINT "initiative_funding_recipient_municipality_id_organisations_id_fk" FOREIGN KEY ("recipient_municipality_id") REFERENCES "public"."organisations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "requirement_specifications" ADD CONSTRAINT "requirement_specifications_procurement_id_procurements_id_fk" FOREIGN KEY ("procurement_id") REFERENCES "public"."procurements"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "initiative_funding_call_idx" ON "initiative_funding" USING btree ("funding_call_id","recipient_municipality_id");--> statement-breakpoint
CREATE INDEX "requirement_specifications_procurement_idx" ON "requirement_specifications" USING btree ("procurement_id");