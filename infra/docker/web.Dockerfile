# syntax=docker/dockerfile:1.7
# Optional: the built web client from its own web server (nginx, unprivileged), for deployments that
# serve static files apart from the API (a CDN origin, or to take static traffic off the API pods).
# By default the API image serves the same files itself. Build from the repository root:
#   docker build -f infra/docker/web.Dockerfile -t lesplein-web .
ARG NODE_VERSION=20.19

FROM node:${NODE_VERSION}-bookworm-slim AS build
WORKDIR /app
ENV NPM_CONFIG_UPDATE_NOTIFIER=false TURBO_TELEMETRY_DISABLED=1
COPY package.json package-lock.json .npmrc ./
COPY apps/api/package.json apps/api/
COPY apps/web/package.json apps/web/
COPY packages/contracts/package.json packages/contracts/
COPY packages/testing/package.json packages/testing/
COPY packages/tsconfig/package.json packages/tsconfig/
# `npm install`, not `npm ci`: see api.Dockerfile.
RUN --mount=type=cache,target=/root/.npm npm install --no-audit --no-fund
COPY . .
RUN npx turbo run build --filter=@lesplein/web --output-logs=errors-only

FROM nginxinc/nginx-unprivileged:1.29-alpine AS runtime
COPY infra/docker/web-nginx.conf /etc/nginx/conf.d/default.conf
COPY --from=build /app/apps/web/dist /usr/share/nginx/html
# The image's user (uid 101), never root; listens on 8080.
USER 101
EXPOSE 8080
HEALTHCHECK --interval=15s --timeout=5s CMD ["wget", "-q", "-O", "/dev/null", "http://127.0.0.1:8080/healthz"]
