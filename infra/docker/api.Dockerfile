# syntax=docker/dockerfile:1.7
# The platform image: the API (which also serves the built web client at /), the background-job
# worker and the operator CLI (migrations, backups) from one build. Build from the repository root:
#   docker build -f infra/docker/api.Dockerfile -t lesplein-api .
# Commands:  node apps/api/dist/main.js (default) | node apps/api/dist/worker.js | node apps/api/dist/cli.js <command>
ARG NODE_VERSION=20.19

# ---- deps: every workspace's dependencies, cached while package manifests stay the same ----------
FROM node:${NODE_VERSION}-bookworm-slim AS deps
WORKDIR /app
ENV NPM_CONFIG_UPDATE_NOTIFIER=false NPM_CONFIG_FUND=false NPM_CONFIG_AUDIT=false TURBO_TELEMETRY_DISABLED=1
COPY package.json package-lock.json .npmrc ./
COPY apps/api/package.json apps/api/
COPY apps/web/package.json apps/web/
COPY packages/contracts/package.json packages/contracts/
COPY packages/testing/package.json packages/testing/
COPY packages/tsconfig/package.json packages/tsconfig/
# `npm install` against the lockfile, as .ci/run does: `npm ci` refuses this lockfile because the
# registry the lockfile was made with lacks some non-Linux optional binaries (docs/ENVIRONMENT).
RUN --mount=type=cache,target=/root/.npm npm install --no-audit --no-fund

# ---- build: contracts, API (prisma generate + tsc), web client (vite) ---------------------------------
FROM deps AS build
COPY . .
RUN npx turbo run build --filter=@lesplein/api --filter=@lesplein/web --output-logs=errors-only \
 && npm prune --omit=dev --no-audit --no-fund

# ---- runtime: production dependencies, built output, PostgreSQL 18 client programs for backups --------
FROM node:${NODE_VERSION}-bookworm-slim AS runtime
# pg_dump/pg_restore must be at least the server's major version (PostgreSQL 18): Debian 12 ships 15,
# so the PostgreSQL project's Debian repository is added with Debian's own helper script.
RUN apt-get update \
 && apt-get install -y --no-install-recommends ca-certificates postgresql-common \
 && /usr/share/postgresql-common/pgdg/apt.postgresql.org.sh -y \
 && apt-get install -y --no-install-recommends postgresql-client-18 \
 && rm -rf /var/lib/apt/lists/*
ENV NODE_ENV=production HOST=0.0.0.0 PORT=3000 DATA_DIR=/data WORKER=off
WORKDIR /app
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules node_modules
COPY --from=build /app/packages/contracts/package.json packages/contracts/
COPY --from=build /app/packages/contracts/dist packages/contracts/dist
COPY --from=build /app/apps/api/package.json /app/apps/api/prisma.config.ts apps/api/
COPY --from=build /app/apps/api/prisma apps/api/prisma
COPY --from=build /app/apps/api/dist apps/api/dist
COPY --from=build /app/apps/web/dist apps/web/dist
# Writable only where the platform writes: DATA_DIR (temporary upload files; local storage if used).
RUN mkdir -p /data && chown node:node /data
USER node
EXPOSE 3000
# The worker answers the same /health/live on PORT, so one check fits every command.
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/health/live').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
STOPSIGNAL SIGTERM
CMD ["node", "apps/api/dist/main.js"]
