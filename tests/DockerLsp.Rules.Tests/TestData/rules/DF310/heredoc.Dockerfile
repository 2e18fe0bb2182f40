# syntax=docker/dockerfile:1
FROM debian:12-slim
RUN <<EOT
set -eux
apt-get update
[|apt-get install|] -y --no-install-recommends curl
EOT
CMD ["curl", "--version"]
