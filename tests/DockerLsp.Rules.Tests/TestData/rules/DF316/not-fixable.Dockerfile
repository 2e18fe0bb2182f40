FROM node:22-slim
WORKDIR /app
COPY . .
RUN npm ci --omit=dev && npm cache clean --force
# node_modules was created by the RUN above: COPY --chown would not cover it.
RUN [|chown -R node:node /app|]
USER node
CMD ["node", "server.js"]
