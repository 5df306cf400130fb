-- Lesson resources may only link to http(s) addresses (issue 14): drop any other link stored before
-- the contracts said so, in drafts and in published versions alike, so every stored course parses.
CREATE FUNCTION "vn_web_resources_only"(content jsonb) RETURNS jsonb LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN jsonb_typeof(content -> 'modules') = 'array' THEN jsonb_set(content, '{modules}', (
    SELECT coalesce(jsonb_agg(
      CASE WHEN jsonb_typeof(m -> 'lessons') = 'array' THEN jsonb_set(m, '{lessons}', (
        SELECT coalesce(jsonb_agg(
          CASE WHEN jsonb_typeof(l -> 'resources') = 'array' THEN jsonb_set(l, '{resources}', (
            SELECT coalesce(jsonb_agg(r ORDER BY ri), '[]'::jsonb)
            FROM jsonb_array_elements(l -> 'resources') WITH ORDINALITY AS rs(r, ri)
            WHERE r ->> 'url' ~* '^https?://[^[:space:][:cntrl:]/?#]+([/?#][^[:cntrl:]]*)?$'
          )) ELSE l END ORDER BY li), '[]'::jsonb)
        FROM jsonb_array_elements(m -> 'lessons') WITH ORDINALITY AS ls(l, li)
      )) ELSE m END ORDER BY mi), '[]'::jsonb)
    FROM jsonb_array_elements(content -> 'modules') WITH ORDINALITY AS ms(m, mi)
  )) ELSE content END
$$;
--> statement-breakpoint
UPDATE "courses" SET "draft" = "vn_web_resources_only"("draft") WHERE "vn_web_resources_only"("draft") <> "draft";
--> statement-breakpoint
UPDATE "course_versions" SET "content" = "vn_web_resources_only"("content") WHERE "vn_web_resources_only"("content") <> "content";
--> statement-breakpoint
DROP FUNCTION "vn_web_resources_only"(jsonb);
