FROM node:22-slim
LABEL org.opencontainers.image.source="https://example.com/app"
# The app listens here.
EXPOSE 3000
WORKDIR /app
COPY package*.json ./
RUN npm ci --omit=dev
ENV NODE_ENV=production
COPY . .
USER node
CMD ["node", "server.js"]
