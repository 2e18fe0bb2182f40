FROM node:22-slim
WORKDIR /app
COPY package*.json ./
[|RUN|] apt-get update && apt-get install -y --no-install-recommends tini && rm -rf /var/lib/apt/lists/*
RUN npm ci
COPY . .
ENTRYPOINT ["tini", "--"]
CMD ["node", "server.js"]
