# syntax=docker/dockerfile:1.7
# The dashboard image: Next.js standalone output and the custom server (consoles, precompressed
# chunks, metrics). CI runs the same steps without Docker (scripts/assemble-standalone.sh and
# scripts/serve-replicas.sh), so every stage below is exercised on each run.
ARG NODE_IMAGE=node:24-bookworm-slim

FROM ${NODE_IMAGE} AS deps
WORKDIR /src
COPY package.json package-lock.json ./
# Scripts skipped: nothing here needs a postinstall, and the browser for tests is not in the image.
RUN npm ci --no-audit --no-fund --ignore-scripts

FROM deps AS build
ENV NEXT_TELEMETRY_DISABLED=1
COPY . .
RUN npm run build && bash scripts/assemble-standalone.sh /app

FROM ${NODE_IMAGE} AS run
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1 HOSTNAME=0.0.0.0 PORT=3000 \
    STRATUS_METRICS_PORT=9464 STRATUS_METRICS_HOSTNAME=0.0.0.0
WORKDIR /app
# Owned by root, run as an unprivileged user: the app cannot change its own code. The chart mounts
# the root filesystem read-only and an emptyDir at /tmp.
COPY --from=build --chown=root:root /app /app
USER 65532:65532
EXPOSE 3000 9464
# Probes live in the chart (/api/healthz, /api/readyz), not in the image.
CMD ["node", "server.mjs"]
