# syntax=docker/dockerfile:1
FROM debian:12-slim
RUN <<EOT
set -eux
apt-get update
apt-get install -y --no-install-recommends curl
rm -rf /var/lib/apt/lists/*
EOT
CMD ["curl", "--version"]
