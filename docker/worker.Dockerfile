# syntax=docker/dockerfile:1
#
# ThucHoc worker image (BullMQ processors and the outbox relay; no HTTP).
# Build from the repository root:
#   docker build -f docker/worker.Dockerfile -t thuchoc/worker .
# Needs DATABASE_URL, REDIS_URL and JWT_ACCESS_SECRET, like the api.
#
# The `deps` stage is written the same way in all three Dockerfiles, so
# BuildKit installs the workspace's dependencies once for all of them.

ARG NODE_IMAGE=node:20-bookworm-slim

# ---- deps: the whole workspace's dependencies (dev ones are needed to build) ----
FROM ${NODE_IMAGE} AS deps
ENV NX_DAEMON=false NX_NO_CLOUD=true NX_SKIP_NX_CACHE=true NG_CLI_ANALYTICS=false \
    npm_config_update_notifier=false npm_config_fund=false npm_config_audit=false
WORKDIR /workspace
COPY package.json package-lock.json ./
# No install scripts are needed to build (nx's only talks to Nx Cloud, the
# native ones are for runtime and are rebuilt in prod-deps below).
RUN --mount=type=cache,target=/root/.npm,sharing=locked \
    npm ci --ignore-scripts

# ---- build: compile the app with Nx ----
FROM deps AS build
COPY . .
# The webpack build also writes dist/apps/worker/package.json and a lockfile
# pruned to the bundle's runtime dependencies (generatePackageJson).
RUN npx nx build worker \
 && test -f dist/apps/worker/main.js \
 && test -f dist/apps/worker/package.json \
 && test -f dist/apps/worker/package-lock.json

# ---- prod-deps: only the runtime dependencies, from the pruned lockfile ----
FROM ${NODE_IMAGE} AS prod-deps
# argon2 0.45's prebuilt Linux binary targets Node-API 10, which Node 20 lacks
# (it crashes on load), so argon2 is compiled here; this toolchain stays in
# this stage and never reaches the runtime image.
# hadolint ignore=DL3008
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
ENV npm_config_update_notifier=false npm_config_fund=false npm_config_audit=false \
    npm_config_nodedir=/usr/local
WORKDIR /app
COPY --from=build /workspace/dist/apps/worker/package.json /workspace/dist/apps/worker/package-lock.json ./
RUN --mount=type=cache,target=/root/.npm,sharing=locked \
    npm ci --omit=dev --ignore-scripts \
 && if [ -d node_modules/argon2 ]; then \
      npm_config_build_from_source=true npm rebuild argon2 \
      && rm -rf node_modules/argon2/build/Release/obj.target node_modules/argon2/build/Release/.deps \
      && node -e "require('argon2').hash('check').then(() => console.log('argon2 ok'))"; \
    fi

# ---- runtime ----
FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production \
    DATA_DIR=/home/node/data
WORKDIR /app
# Files stay owned by root: the app cannot rewrite its own code.
COPY --from=prod-deps /app/node_modules ./node_modules
COPY --from=build /workspace/dist/apps/worker/ ./
COPY docker/worker/healthcheck.js ./healthcheck.js
USER node
# The worker has no HTTP port. Healthy = this container holds at least one
# live BullMQ worker connection on Redis (see docker/worker/healthcheck.js).
HEALTHCHECK --interval=30s --timeout=10s --start-period=30s --retries=3 \
  CMD ["node", "healthcheck.js"]
# A 256 MB heap keeps a worker's peak near 256 MB during a 50,000-row import
# (its live data is ~12 MB; uncapped, V8 lets garbage pile up to 3–4× that).
ENTRYPOINT ["node", "--max-old-space-size=256", "main.js"]
CMD []
