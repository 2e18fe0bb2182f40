# Tool versions are not per-build values.
FROM debian:12 AS tools
ARG NODE_VERSION=22.11.0
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*
RUN curl -fsSL https://nodejs.org/dist/v${NODE_VERSION}/node-v${NODE_VERSION}-linux-x64.tar.xz | tar -xJ -C /usr/local

# Already just before its first use.
FROM golang:1.23 AS build
RUN go install golang.org/x/tools/cmd/stringer@v0.26.0
ARG VERSION
RUN go build -ldflags "-X main.version=${VERSION}" ./...

# A script that may read it comes first.
FROM debian:12 AS script
ARG GIT_COMMIT
COPY build.sh /build.sh
RUN /build.sh
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*

# A version name with a real default pins a tool; checksums are not commits.
FROM debian:12 AS pinned
ARG VERSION=1.9.1
ARG LUAROCKS_SHA=4f2a3c7d1e
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*
RUN curl -fsSLo /tmp/tool.tgz "https://example.com/tool-${VERSION}.tgz" && echo "${LUAROCKS_SHA}  /tmp/tool.tgz" | sha256sum -c -
