FROM node:22-slim
WORKDIR /app
RUN apt-get update && apt-get install -y --no-install-recommends tini && rm -rf /var/lib/apt/lists/*
COPY package*.json ./
RUN npm ci
COPY . .
ENTRYPOINT ["tini", "--"]
CMD ["node", "server.js"]
