# syntax=docker/dockerfile:1
#
# ThucHoc web image: the Angular SPA served by unprivileged nginx on :8080,
# which also proxies /api/ to the api service (upstream api:3000).
# Build from the repository root:
#   docker build -f docker/web.Dockerfile -t thuchoc/web .
#
# The `deps` stage is written the same way in all three Dockerfiles, so
# BuildKit installs the workspace's dependencies once for all of them.

ARG NODE_IMAGE=node:20-bookworm-slim
ARG NGINX_IMAGE=nginxinc/nginx-unprivileged:1.28-alpine

# ---- deps: the whole workspace's dependencies (dev ones are needed to build) ----
FROM ${NODE_IMAGE} AS deps
ENV NX_DAEMON=false NX_NO_CLOUD=true NX_SKIP_NX_CACHE=true NG_CLI_ANALYTICS=false \
    npm_config_update_notifier=false npm_config_fund=false npm_config_audit=false
WORKDIR /workspace
COPY package.json package-lock.json ./
# No install scripts are needed to build (nx's only talks to Nx Cloud, the
# native ones are for the api and worker at runtime).
RUN --mount=type=cache,target=/root/.npm,sharing=locked \
    npm ci --ignore-scripts

# ---- build: the production SPA ----
FROM deps AS build
COPY . .
RUN npx nx build web \
 && test -f dist/apps/web/browser/index.html

# ---- runtime: static files + nginx, no Node ----
FROM ${NGINX_IMAGE} AS runtime
COPY docker/web/nginx.conf /etc/nginx/conf.d/default.conf
COPY --from=build /workspace/dist/apps/web/browser/ /usr/share/nginx/html/
# The unprivileged image already runs as nginx (uid 101); said again here so
# that no later change to this file silently runs as root.
USER 101
EXPOSE 8080
HEALTHCHECK --interval=15s --timeout=3s --start-period=5s --retries=3 \
  CMD ["wget", "-q", "-O", "/dev/null", "http://127.0.0.1:8080/healthz"]
