ALTER TABLE "memberships" ADD COLUMN "sort_name" text COLLATE "C" DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "memberships" ADD COLUMN "municipality_id" uuid;--> statement-breakpoint
CREATE FUNCTION memberships_denormalise() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.sort_name := (SELECT u.sort_name FROM users u WHERE u.id = NEW.user_id);
  NEW.municipality_id := (
    SELECT CASE o.kind WHEN 'municipality' THEN o.id WHEN 'unit' THEN o.parent_id END
    FROM organisations o WHERE o.id = NEW.organisation_id
  );
  RETURN NEW;
END
$$;--> statement-breakpoint
CREATE TRIGGER memberships_denormalise BEFORE INSERT OR UPDATE OF user_id, organisation_id ON memberships
  FOR EACH ROW EXECUTE FUNCTION memberships_denormalise();--> statement-breakpoint
CREATE FUNCTION users_sort_name_to_memberships() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.sort_name IS DISTINCT FROM OLD.sort_name THEN
    UPDATE memberships SET sort_name = NEW.sort_name WHERE user_id = NEW.id;
  END IF;
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER users_sort_name_to_memberships AFTER UPDATE OF name ON users
  FOR EACH ROW EXECUTE FUNCTION users_sort_name_to_memberships();--> statement-breakpoint
UPDATE memberships m SET
  sort_name = u.sort_name,
  municipality_id = CASE o.kind WHEN 'municipality' THEN o.id WHEN 'unit' THEN o.parent_id END
FROM users u, organisations o
WHERE u.id = m.user_id AND o.id = m.organisation_id;--> statement-breakpoint
CREATE INDEX "memberships_org_sort_idx" ON "memberships" USING btree ("organisation_id","sort_name","id");--> statement-breakpoint
CREATE INDEX "memberships_municipality_sort_idx" ON "memberships" USING btree ("municipality_id","sort_name","id");
