FROM node:22-slim
WORKDIR /app
COPY package*.json ./
COPY [|.npmrc|] .npmrc
RUN npm ci --omit=dev && npm cache clean --force && rm -f .npmrc
COPY . .
CMD ["node", "server.js"]
