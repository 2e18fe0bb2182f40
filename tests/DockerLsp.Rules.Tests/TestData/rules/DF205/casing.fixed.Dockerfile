FROM alpine:3.20 AS builder
RUN true
FROM alpine:3.20
COPY --from=builder /a /a
COPY --from=builder /b /b
