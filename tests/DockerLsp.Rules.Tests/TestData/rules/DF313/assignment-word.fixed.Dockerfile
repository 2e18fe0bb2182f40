FROM node:22-slim
WORKDIR /app
RUN --mount=type=secret,id=npmrc,target=/app/.npmrc env NPM_CONFIG_USERCONFIG=/app/.npmrc npm ci
CMD ["node", "server.js"]
