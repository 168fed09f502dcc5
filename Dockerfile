# syntax=docker/dockerfile:1
#
# The HMRC local sandbox as a container: `docker build -t hmrc-local-sandbox .`, then
# `docker run --rm -p 9090:9090 hmrc-local-sandbox`. See docs/docker.md.
#
# Three stages: `build` compiles the TypeScript and bundles the CLI with the dev dependencies; `prod-deps`
# installs the production dependencies alone; the runtime image holds only those, the compiled `dist/`
# (the bundled CLI in `dist/bundle/`, the page templates) and the fixtures, and runs as the unprivileged
# `node` user. The bundle still reads node_modules for what it leaves out (playwright-core, ajv, yargs' locales,
# better-sqlite3's native addon). The state is kept in the volume /data (HMRC_SANDBOX_DATA_DIR).

ARG NODE_VERSION=24

# ── build: dev dependencies + tsc + esbuild ─────────────────────────────────────────────────────────
FROM node:${NODE_VERSION}-slim AS build
WORKDIR /app
# playwright-core never downloads browsers by itself; say so anyway, and run no install scripts.
ENV PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 \
    npm_config_fund=false \
    npm_config_audit=false \
    npm_config_update_notifier=false
COPY package.json package-lock.json ./
RUN npm ci --ignore-scripts --loglevel=error
COPY tsconfig.json tsconfig.build.json ./
COPY emulator ./emulator
COPY conformance ./conformance
COPY cli ./cli
COPY fixtures ./fixtures
COPY scripts/copy-assets.mjs scripts/bundle-cli.mjs ./scripts/
# tsc, then the page templates copied beside the built modules, then the bundled CLI: dist/ is all the code
# needs at run time, with fixtures/ and node_modules (the same files as the npm package).
RUN npm run build

# ── prod-deps: production dependencies only ───────────────────────────────────────────────────────
FROM node:${NODE_VERSION}-slim AS prod-deps
WORKDIR /app
ENV npm_config_fund=false \
    npm_config_audit=false \
    npm_config_update_notifier=false
# better-sqlite3 (the data directory's SQLite) is the one dependency whose install script must run: it fetches
# its prebuilt addon for this Node version, or compiles it with node-gyp, hence the build tools, in this stage only.
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --ignore-scripts --loglevel=error \
 && npm rebuild better-sqlite3 --loglevel=error

# ── runtime ────────────────────────────────────────────────────────────────────────────────────────
FROM node:${NODE_VERSION}-slim
LABEL org.opencontainers.image.title="HMRC local sandbox" \
      org.opencontainers.image.description="Offline emulator of HMRC's API platform (OAuth 2.0, link-software journey, Making Tax Digital APIs) plus a conformance kit" \
      org.opencontainers.image.licenses="MIT"
WORKDIR /app
# HMRC_SANDBOX_HOST: bind every interface, so the published port and other containers reach it.
# HMRC_SANDBOX_PORT: the health check below reads it too; change the port with it, not with --port.
# HMRC_SANDBOX_BASE_URL: set it to the URL your software uses (see docs/docker.md).
# HMRC_SANDBOX_DATA_DIR: the state (an SQLite database) lives in the volume /data, so it outlives the container.
# NODE_COMPILE_CACHE: compiled code cached at build time, for a faster cold start.
ENV NODE_ENV=production \
    HMRC_SANDBOX_HOST=0.0.0.0 \
    HMRC_SANDBOX_PORT=9090 \
    HMRC_SANDBOX_DATA_DIR=/data \
    NODE_COMPILE_CACHE=/app/.node-compile-cache
COPY --from=prod-deps --chown=root:root /app/node_modules ./node_modules
COPY --chown=root:root package.json ./
COPY --from=build --chown=root:root /app/dist ./dist
COPY --chown=root:root fixtures ./fixtures
# The code and fixtures stay root-owned and read-only to the service; only the compile cache and /data are its own.
RUN mkdir -p /app/.node-compile-cache /data && chown node:node /app/.node-compile-cache /data
USER node
# Loading the CLI loads the emulator's code: warms the compile cache, and fails the build if a file is missing;
# opening an SQLite database in memory fails it if better-sqlite3's addon was not built.
RUN node dist/bundle/cli.mjs --help > /dev/null \
 && node -e "new (require('better-sqlite3'))(':memory:').close()"
# A named volume starts as a copy of /data, owned by `node`; a bind mount must be writable by uid 1000.
VOLUME /data

EXPOSE 9090
# GET /_emulator/health is the one control route that needs no control token (HMRC_SANDBOX_CONTROL_TOKEN) and is
# never journaled, so the check neither fails for want of the token nor fills the journal QA people read.
HEALTHCHECK --interval=10s --timeout=3s --start-period=15s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.HMRC_SANDBOX_PORT || 9090) + '/_emulator/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
ENTRYPOINT ["node", "dist/bundle/cli.mjs"]
CMD ["serve", "--host", "0.0.0.0"]
