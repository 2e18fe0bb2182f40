# The RUN uses the copied files.
FROM debian:12-slim AS uses
COPY scripts/ /opt/scripts/
RUN chmod +x /opt/scripts/setup.sh

# A config file copied into /etc configures what the RUN does.
FROM debian:12-slim AS config
COPY sources.list /etc/apt/sources.list
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*

# An ENV between them may change what the RUN does.
FROM debian:12-slim AS env
COPY app/ /app/
ENV DEBIAN_FRONTEND=noninteractive
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*

# A build step between them may be what the RUN relies on.
FROM debian:12-slim AS build
COPY . /src
RUN make -C /src install
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*

# A copy into / overlays a whole filesystem (tools the RUN may use).
FROM alpine:3.20 AS overlay
COPY --from=tonistiigi/xx:1.5.0 / /
RUN apk add --no-cache file git
