FROM node:22
WORKDIR /app
ENTRYPOINT cd /app \
  && exec node server.js
