FROM alpine:3.20
ENTRYPOINT exec /usr/bin/app "$@"
CMD --port 80
