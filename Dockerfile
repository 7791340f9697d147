# The panel itself, for docker-compose. The panel talks to the host's Docker engine through the
# mounted socket.
FROM node:22-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY web ./web
RUN npm run build:web
COPY server ./server
COPY tools ./tools
COPY mcp ./mcp
COPY scripts/build.mjs ./scripts/build.mjs
RUN npm run build

FROM node:22-bookworm-slim
WORKDIR /app
RUN apt-get update && apt-get install -y --no-install-recommends git openssh-client ca-certificates && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund
COPY migrations ./migrations
COPY prompts ./prompts
COPY bin ./bin
COPY scripts/build.mjs ./scripts/build.mjs
# Compiled JavaScript only: no TypeScript is transpiled at start.
COPY --from=build /app/dist ./dist
COPY --from=build /app/web/dist ./web/dist
ENV NODE_ENV=production PORT=3000 DATA_DIR=/data
VOLUME /data
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=3s CMD node -e "fetch('http://127.0.0.1:3000/api/health').then(r=>process.exit(r.ok?0:1)).catch(()=>process.exit(1))"
CMD ["node", "dist/server/cli.js", "start"]
