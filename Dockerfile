# syntax=docker/dockerfile:1
# sweep-tracker: build with the dev toolchain, run with production dependencies only.
# The service always runs against DATABASE_URL in a container; the embedded PostgreSQL package is a
# production dependency (large) that stays unused here.

FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json nest-cli.json ./
COPY src ./src
COPY migrations ./migrations
RUN npm run build

FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production \
    PORT=3000
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force
# Compiled code and migrations (run at start); owned by root, so the service cannot rewrite itself.
COPY --from=build /app/dist ./dist
# The unprivileged user of the node image (uid 1000).
USER node
EXPOSE 3000
# Ready means the database answers (/health/ready); slim images have no curl, node has fetch.
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/health/ready').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "dist/src/main.js"]
