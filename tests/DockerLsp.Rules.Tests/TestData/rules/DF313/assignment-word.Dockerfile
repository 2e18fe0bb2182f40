FROM node:22-slim
WORKDIR /app
COPY [|.npmrc|] /app/.npmrc
RUN env NPM_CONFIG_USERCONFIG=/app/.npmrc npm ci && rm /app/.npmrc
CMD ["node", "server.js"]
