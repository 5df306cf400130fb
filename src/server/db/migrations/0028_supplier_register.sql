CREATE TABLE "supplier_contacts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"supplier_id" uuid NOT NULL,
	"name" text NOT NULL,
	"role" text,
	"email" text,
	"phone" text
);
--> statement-breakpoint
CREATE TABLE "supplier_product_technologies" (
	"product_id" uuid NOT NULL,
	"technology_id" uuid NOT NULL,
	CONSTRAINT "supplier_product_technologies_product_id_technology_id_pk" PRIMARY KEY("product_id","technology_id")
);
--> statement-breakpoint
CREATE TABLE "supplier_products" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"supplier_id" uuid NOT NULL,
	"name" text NOT NULL,
	"standards" text[] DEFAULT '{}'::text[] NOT NULL,
	"interoperability" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "supplier_technologies" (
	"supplier_id" uuid NOT NULL,
	"technology_id" uuid NOT NULL,
	CONSTRAINT "supplier_technologies_supplier_id_technology_id_pk" PRIMARY KEY("supplier_id","technology_id")
);
--> statement-breakpoint
CREATE TABLE "suppliers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"org_number" text NOT NULL,
	"website" text,
	"sort_name" text GENERATED ALWAYS AS (translate(lower(name), 'ÅÄÖåäöÉÈÊËéèêëÜüÁÀáàÆæØø', '{|}{|}eeeeeeeeyyaaaa||}}')) STORED NOT NULL,
	"merged_into" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "supplier_contacts" ADD CONSTRAINT "supplier_contacts_supplier_id_suppliers_id_fk" FOREIGN KEY ("supplier_id") REFERENCES "public"."suppliers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supplier_product_technologies" ADD CONSTRAINT "supplier_product_technologies_product_id_supplier_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."supplier_products"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supplier_product_technologies" ADD CONSTRAINT "supplier_product_technologies_technology_id_technologies_id_fk" FOREIGN KEY ("technology_id") REFERENCES "public"."technologies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supplier_products" ADD CONSTRAINT "supplier_products_supplier_id_suppliers_id_fk" FOREIGN KEY ("supplier_id") REFERENCES "public"."suppliers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supplier_technologies" ADD CONSTRAINT "supplier_technologies_supplier_id_suppliers_id_fk" FOREIGN KEY ("supplier_id") REFERENCES "public"."suppliers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supplier_technologies" ADD CONSTRAINT "supplier_technologies_technology_id_technologies_id_fk" FOREIGN KEY ("technology_id") REFERENCES "public"."technologies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "suppliers" ADD CONSTRAINT "suppliers_merged_into_suppliers_id_fk" FOREIGN KEY ("merged_into") REFERENCES "public"."suppliers"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "suppliers" ADD CONSTRAINT "suppliers_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "supplier_contacts_supplier_idx" ON "supplier_contacts" USING btree ("supplier_id");--> statement-breakpoint
CREATE INDEX "supplier_product_technologies_technology_idx" ON "supplier_product_technologies" USING btree ("technology_id");--> statement-breakpoint
CREATE INDEX "supplier_products_supplier_idx" ON "supplier_products" USING btree ("supplier_id");--> statement-breakpoint
CREATE INDEX "supplier_technologies_technology_idx" ON "supplier_technologies" USING btree ("technology_id");--> statement-breakpoint
CREATE UNIQUE INDEX "suppliers_org_number_uq" ON "suppliers" USING btree ("org_number");--> statement-breakpoint
CREATE INDEX "suppliers_sort_idx" ON "suppliers" USING btree ("sort_name","id");--> statement-breakpoint
CREATE INDEX "suppliers_name_search_idx" ON "suppliers" USING gin (to_tsvector('simple', "name"));