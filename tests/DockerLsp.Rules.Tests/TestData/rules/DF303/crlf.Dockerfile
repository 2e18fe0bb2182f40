FROM node:22-slim
ARG [|BUILD_DATE|]
WORKDIR /app
RUN apt-get update && apt-get install -y --no-install-recommends tini && rm -rf /var/lib/apt/lists/*
COPY . .
RUN echo "$BUILD_DATE" > /app/BUILD_DATE
CMD ["node", "server.js"]
