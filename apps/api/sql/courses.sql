-- Generated from src/**/*.queries.ts by test/sql-files.spec.ts; do not edit by hand.
-- Regenerate (in apps/api): UPDATE_SQL=1 npx vitest run test/sql-files.spec.ts

-- courses.bumpRevision
UPDATE courses SET revision = revision + 1, content_changed_at = now(), updated_at = now() WHERE id = $1;

-- courses.contentPublished
UPDATE courses SET content_changed_at = least(content_changed_at, $2) WHERE id = $1;

-- courses.courseMediaIds
SELECT id FROM media WHERE course_id = $1;

-- courses.courseMinutes
SELECT coalesce(sum(estimated_minutes), 0)::int AS minutes FROM lessons WHERE course_id = $1;

-- courses.coursePeople
SELECT u.id, u.display_name, u.id = $2 AS is_owner FROM users u
    WHERE u.id = $2 OR u.id IN (SELECT user_id FROM course_instructors WHERE course_id = $1)
    ORDER BY u.display_name;

-- courses.isCoInstructor
SELECT 1 AS one FROM course_instructors WHERE course_id = $1 AND user_id = $2;

-- courses.isCourseMedia
SELECT 1 AS one FROM media WHERE id = $1 AND course_id = $2;

-- courses.lessonForCaller
SELECT l.id, coalesce(c.owner_id = $2 OR EXISTS (SELECT 1 FROM course_instructors ci WHERE ci.course_id = c.id AND ci.user_id = $2), false) AS teaches
     FROM (SELECT $1::uuid AS wanted) w
     LEFT JOIN lessons l ON l.id = w.wanted
     LEFT JOIN courses c ON c.id = l.course_id;

-- courses.nextLessonPosition
SELECT coalesce(max(position), -1) + 1 AS next FROM lessons WHERE module_id = $1;

-- courses.nextModulePosition
SELECT coalesce(max(position), -1) + 1 AS next FROM course_modules WHERE course_id = $1;

-- courses.renumberLessons
UPDATE lessons l SET position = r.rn - 1
     FROM (SELECT id, row_number() OVER (PARTITION BY module_id ORDER BY position) AS rn FROM lessons WHERE course_id = $1) r
    WHERE l.id = r.id;

-- courses.renumberModules
UPDATE course_modules cm SET position = r.rn - 1
     FROM (SELECT id, row_number() OVER (ORDER BY position) AS rn FROM course_modules WHERE course_id = $1) r
    WHERE cm.id = r.id;

-- courses.takenSlugs
SELECT slug FROM courses WHERE slug = ANY($1);

-- courses.touchContent
UPDATE courses SET content_changed_at = now() WHERE id = $1;

-- courses.versions
SELECT v.version, v.published_at, v.published_by, u.display_name, v.lesson_count
     FROM course_versions v LEFT JOIN users u ON u.id = v.published_by
    WHERE v.course_id = $1 ORDER BY v.version DESC;
