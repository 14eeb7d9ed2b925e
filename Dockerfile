# syntax=docker/dockerfile:1
#
# One Dockerfile for every deployable. Targets:
#   gateway   docker build --target gateway -t kinerja/gateway .
#   subgraph  docker build --target subgraph --build-arg SERVICE=identity --build-arg PORT=4001 -t kinerja/identity .
# A new subgraph needs no change here: build the `subgraph` target with its SERVICE and PORT.
#
# Runtime images hold compiled JavaScript and production dependencies only, run as uid 10001 and
# write nothing outside /tmp, so they run with a read-only root filesystem.

ARG NODE_IMAGE=node:20-bookworm-slim

# ---------------------------------------------------------------------------------------------
# build: the whole workspace, compiled (tsc -b) with the Prisma clients generated.
FROM ${NODE_IMAGE} AS build
WORKDIR /app
ENV CHECKPOINT_DISABLE=1 \
    APOLLO_TELEMETRY_DISABLED=1 \
    NPM_CONFIG_UPDATE_NOTIFIER=false
# Copying everything before `npm ci` costs the layer cache on source changes; the npm cache mount
# keeps that cheap and avoids listing every workspace manifest here (which adding a service would break).
COPY . .
# --ignore-scripts: the node:20 image ships npm 10, which (unlike the npm 11 used locally) would run
# dependencies' install scripts, e.g. Prisma's native engine download. Nothing here needs them.
RUN --mount=type=cache,target=/root/.npm npm ci --ignore-scripts --no-audit --no-fund
# The Prisma CLI needs some postgres URL to stay on its JS engine; nothing connects to it.
RUN DATABASE_URL=postgresql://build@localhost:5432/build npm run build
# /out mirrors the repository layout with compiled output only: package.json + dist per workspace,
# plus the files the processes read at run time (migrations, the committed supergraph).
# /manifests holds just the lockfile and package.json files, for the per-deployable `npm ci` below.
# The workspaces are read from the root package.json (the shell expands its globs), so /manifests
# always matches the lockfile, whatever workspace is added.
RUN set -eu; \
    mkdir -p /manifests; \
    cp package.json package-lock.json /manifests/; \
    for ws in $(node -p "require('./package.json').workspaces.join(' ')"); do \
      [ -f "$ws/package.json" ] || continue; \
      mkdir -p "/out/$ws" "/manifests/$ws"; \
      cp "$ws/package.json" "/out/$ws/"; \
      cp "$ws/package.json" "/manifests/$ws/"; \
      cp -R "$ws/dist" "/out/$ws/dist"; \
      if [ -d "$ws/prisma/migrations" ]; then mkdir -p "/out/$ws/prisma" && cp -R "$ws/prisma/migrations" "/out/$ws/prisma/"; fi; \
    done; \
    cp gateway/supergraph.graphql /out/gateway/; \
    find /out \( -name '*.d.ts' -o -name '*.d.ts.map' -o -name '.tsbuildinfo' -o -name '*.spec.js' -o -name '*.spec.js.map' \) -delete

# ---------------------------------------------------------------------------------------------
# manifests: `npm ci --workspace` installs one deployable's production dependencies from these.
FROM ${NODE_IMAGE} AS manifests
WORKDIR /prod
COPY --from=build /manifests/ ./

# --omit=optional as well: npm marks the Prisma CLI and TypeScript "devOptional" (optional peers of
# @prisma/client), so --omit=dev alone would ship them. The generated client needs neither.
FROM manifests AS gateway-deps
RUN --mount=type=cache,target=/root/.npm \
    npm ci --omit=dev --omit=optional --ignore-scripts --no-audit --no-fund \
      --workspace gateway --include-workspace-root=false

FROM manifests AS subgraph-deps
ARG SERVICE
RUN test -n "${SERVICE}" || { echo 'build-arg SERVICE is required (e.g. SERVICE=identity)' >&2; exit 1; }
RUN --mount=type=cache,target=/root/.npm \
    npm ci --omit=dev --omit=optional --ignore-scripts --no-audit --no-fund \
      --workspace "services/${SERVICE}" --include-workspace-root=false

# ---------------------------------------------------------------------------------------------
# runtime-base: what every process image shares.
FROM ${NODE_IMAGE} AS runtime-base
# METRICS_PORT: /metrics on a port of its own, so that the scraper is never let in on a GraphQL port.
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    METRICS_PORT=9464 \
    LOG_LEVEL=info \
    APOLLO_TELEMETRY_DISABLED=1 \
    NPM_CONFIG_UPDATE_NOTIFIER=false
RUN groupadd --gid 10001 kinerja \
    && useradd --uid 10001 --gid 10001 --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin kinerja
WORKDIR /app
# Shared libraries (compiled); the workspace symlinks in node_modules/@kinerja point here.
COPY --from=build /out/packages ./packages
COPY --from=build /app/package.json ./package.json

# ---------------------------------------------------------------------------------------------
FROM runtime-base AS gateway
COPY --from=gateway-deps /prod/node_modules ./node_modules
COPY --from=build /out/gateway ./gateway
# The gateway holds the supergraph, its query plans and requests in flight, nothing that grows
# with the data: a fixed old-space budget makes V8 collect instead of growing the heap under load
# (peak resident memory about half of what the default heap sizing reaches; bench:gateway runs
# ours with this same setting, read from here).
ENV PORT=4000 \
    SUPERGRAPH_PATH=gateway/supergraph.graphql \
    NODE_OPTIONS=--max-old-space-size=192
EXPOSE 4000 9464
USER 10001:10001
# Slim images have no curl; Node's fetch does the check. PORT is read at check time.
HEALTHCHECK --interval=10s --timeout=3s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+process.env.PORT+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
CMD ["node", "gateway/dist/main.js"]

# ---------------------------------------------------------------------------------------------
# subgraph: one image per service, chosen by SERVICE. Migrations run from the same image:
#   node services/<name>/dist/migrate.js
FROM runtime-base AS subgraph
ARG SERVICE
ARG PORT=4001
COPY --from=subgraph-deps /prod/node_modules ./node_modules
COPY --from=build /out/services/${SERVICE} ./services/${SERVICE}
ENV SERVICE=${SERVICE} \
    PORT=${PORT} \
    OTEL_SERVICE_NAME=${SERVICE}
EXPOSE ${PORT} 9464
USER 10001:10001
HEALTHCHECK --interval=10s --timeout=3s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+process.env.PORT+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# `exec` makes node PID 1, so SIGTERM reaches the process's graceful shutdown.
CMD ["/bin/sh", "-c", "exec node \"services/${SERVICE}/dist/main.js\""]
