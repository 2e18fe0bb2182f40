FROM debian:12-slim AS build
# Builder stages do not ship.
COPY .npmrc /root/.npmrc

FROM debian:12-slim
# Certificates are public.
COPY corporate-ca.pem /usr/local/share/ca-certificates/corporate-ca.crt
COPY fullchain.pem /etc/nginx/certs/fullchain.pem
COPY id_ed25519.pub /root/.ssh/authorized_keys
COPY .env.example /app/.env.example
COPY config.yaml /app/config.yaml
