-- Generated from src/**/*.queries.ts by test/sql-files.spec.ts; do not edit by hand.
-- Regenerate (in apps/api): UPDATE_SQL=1 npx vitest run test/sql-files.spec.ts

-- courses.allCoursesCount
SELECT count(*)::int AS total
     FROM courses c
    WHERE ($1::text IS NULL OR c.status = $1)
      AND ($2::text IS NULL OR c.slug ILIKE $2
           OR c.title->>'ko' ILIKE $2 OR c.title->>'en' ILIKE $2 OR c.title->>'zh' ILIKE $2);

-- courses.allCoursesPage
SELECT c.id, c.slug, c.status, c.language, c.title, c.summary, c.tags, c.enrolment_policy AS "enrolmentPolicy",
          c.course_code AS "courseCode", c.sequential, c.cover_media_id AS "coverMediaId", c.owner_id AS "ownerId",
          c.revision, c.latest_version AS "latestVersion", c.published_at AS "publishedAt",
          c.content_changed_at AS "contentChangedAt", c.created_at AS "createdAt", c.updated_at AS "updatedAt"
     FROM courses c
    WHERE ($1::text IS NULL OR c.status = $1)
      AND ($2::text IS NULL OR c.slug ILIKE $2
           OR c.title->>'ko' ILIKE $2 OR c.title->>'en' ILIKE $2 OR c.title->>'zh' ILIKE $2)
    ORDER BY c.updated_at DESC, c.id
    LIMIT $3 OFFSET $4;

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

-- courses.instructors
SELECT u.id, u.display_name
     FROM users u
    WHERE u.role IN ('instructor', 'admin') AND u.status = 'active'
      AND ($1::text IS NULL OR u.display_name ILIKE $1)
    ORDER BY u.display_name, u.id
    LIMIT 50;

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

-- courses.taughtCoursesCount
SELECT count(*)::int AS total
     FROM courses c
    WHERE (c.owner_id = $1 OR EXISTS (SELECT 1 FROM course_instructors ci WHERE ci.course_id = c.id AND ci.user_id = $1))
      AND ($2::text IS NULL OR c.status = $2)
      AND ($3::text IS NULL OR c.slug ILIKE $3
           OR c.title->>'ko' ILIKE $3 OR c.title->>'en' ILIKE $3 OR c.title->>'zh' ILIKE $3);

-- courses.taughtCoursesPage
SELECT c.id, c.slug, c.status, c.language, c.title, c.summary, c.tags, c.enrolment_policy AS "enrolmentPolicy",
          c.course_code AS "courseCode", c.sequential, c.cover_media_id AS "coverMediaId", c.owner_id AS "ownerId",
          c.revision, c.latest_version AS "latestVersion", c.published_at AS "publishedAt",
          c.content_changed_at AS "contentChangedAt", c.created_at AS "createdAt", c.updated_at AS "updatedAt"
     FROM courses c
    WHERE (c.owner_id = $1 OR EXISTS (SELECT 1 FROM course_instructors ci WHERE ci.course_id = c.id AND ci.user_id = $1))
      AND ($2::text IS NULL OR c.status = $2)
      AND ($3::text IS NULL OR c.slug ILIKE $3
           OR c.title->>'ko' ILIKE $3 OR c.title->>'en' ILIKE $3 OR c.title->>'zh' ILIKE $3)
    ORDER BY c.updated_at DESC, c.id
    LIMIT $4 OFFSET $5;

-- courses.touchContent
UPDATE courses SET content_changed_at = now() WHERE id = $1;

-- courses.versions
SELECT v.version, v.published_at, v.published_by, u.display_name, v.lesson_count
     FROM course_versions v LEFT JOIN users u ON u.id = v.published_by
    WHERE v.course_id = $1 ORDER BY v.version DESC;
