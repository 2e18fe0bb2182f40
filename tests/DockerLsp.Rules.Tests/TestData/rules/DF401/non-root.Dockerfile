FROM alpine:3.20
USER 1000
FROM gcr.io/distroless/static:nonroot
COPY a /a
