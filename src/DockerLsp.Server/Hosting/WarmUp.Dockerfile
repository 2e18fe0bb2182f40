# syntax=docker/dockerfile:1
# The server's warm-up document (Hosting/ServerWarmUp.cs): opened and edited by a private in-memory server after `initialized`, never
# shown to the client. It touches the instruction kinds, flags and rule paths an ordinary keystroke does.
ARG BASE_REGISTRY=docker.io
ARG NODE_VERSION=20

FROM --platform=$BUILDPLATFORM ${BASE_REGISTRY}/library/node:${NODE_VERSION}-bookworm AS deps
MAINTAINER someone@example.com
WORKDIR /app
ENV NODE_ENV=production \
    NPM_CONFIG_LOGLEVEL=warn
COPY package.json package-lock.json ./
RUN --mount=type=cache,target=/root/.npm npm ci --omit=dev
RUN apt-get update && apt-get install -y --no-install-recommends \
      curl \
      ca-certificates \
    && rm -rf /var/lib/apt/lists/*

FROM golang:1.22-alpine as build
WORKDIR src
RUN apk add --no-cache git make
COPY --link . .
RUN set -eux; \
    go mod download; \
    CGO_ENABLED=0 go build -o /out/app ./cmd/app
RUN <<EOF
set -e
echo "built"
EOF

FROM debian:bookworm-slim
LABEL org.opencontainers.image.title="warm-up" \
      org.opencontainers.image.version="1.0"
ADD https://example.com/archive.tar.gz /tmp/
COPY --from=build --chown=app:app --chmod=755 /out/app /usr/local/bin/app
COPY --from=deps /app/node_modules /app/node_modules
RUN useradd --create-home app && cd /tmp && ls
env APP_MODE=server
USER app
EXPOSE 8080/tcp
VOLUME ["/data"]
STOPSIGNAL SIGTERM
HEALTHCHECK --interval=30s --timeout=3s \
  CMD ["curl", "-f", "http://localhost:8080/health"]
ENTRYPOINT ["/usr/local/bin/app"]
CMD app --serve
