CREATE TABLE "module_feedback" (
	"enrolment_id" uuid NOT NULL,
	"course_id" uuid NOT NULL,
	"module_key" text NOT NULL,
	"rating" smallint NOT NULL,
	"comment" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "module_feedback_enrolment_id_module_key_pk" PRIMARY KEY("enrolment_id","module_key")
);
--> statement-breakpoint
ALTER TABLE "module_feedback" ADD CONSTRAINT "module_feedback_enrolment_id_enrolments_id_fk" FOREIGN KEY ("enrolment_id") REFERENCES "public"."enrolments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "module_feedback" ADD CONSTRAINT "module_feedback_course_id_courses_id_fk" FOREIGN KEY ("course_id") REFERENCES "public"."courses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "module_feedback_course_idx" ON "module_feedback" USING btree ("course_id");