FROM node:22-slim
WORKDIR /app
COPY package*.json ./
RUN --mount=type=secret,id=npmrc,target=/app/.npmrc npm ci --omit=dev && npm cache clean --force
COPY . .
CMD ["node", "server.js"]
