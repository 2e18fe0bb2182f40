# A builder stage: its layers are discarded.
FROM debian:12-slim AS build
RUN apt-get update && apt-get install -y --no-install-recommends gcc
RUN rm -rf /var/lib/apt/lists/*

FROM debian:12-slim
COPY --from=build /usr/bin/gcc /usr/bin/gcc
# Removing a base image file is configuration, not cleanup.
RUN rm /etc/nginx/conf.d/default.conf
# Cleaning a cache mount is not a layer.
RUN --mount=type=cache,target=/var/cache/apt rm -rf /var/cache/apt/archives/partial
