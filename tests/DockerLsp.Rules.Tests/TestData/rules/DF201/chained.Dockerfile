FROM node:22
WORKDIR /app
ENTRYPOINT [|cd /app \
  && node server.js|]
