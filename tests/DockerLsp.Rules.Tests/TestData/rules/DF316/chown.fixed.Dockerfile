FROM node:22-slim
WORKDIR /app
COPY --chown=node:node package*.json ./
COPY --chown=node:node src/ ./src/
RUN chown node:node /app
USER node
CMD ["node", "src/server.js"]
