FROM node:22-slim
WORKDIR /app
COPY package*.json ./
COPY src/ ./src/
RUN [|chown -R node:node /app|]
USER node
CMD ["node", "src/server.js"]
