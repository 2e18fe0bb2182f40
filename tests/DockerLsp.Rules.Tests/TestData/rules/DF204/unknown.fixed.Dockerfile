FROM golang:1.23 AS builder
RUN go build -o /app .
FROM alpine:3.20
COPY --from=builder /app /app
COPY --from=nginx:1.27 /etc/nginx /etc/nginx
COPY --from=composer /usr/bin/composer /usr/bin/composer
COPY --from=0 /app /app2
