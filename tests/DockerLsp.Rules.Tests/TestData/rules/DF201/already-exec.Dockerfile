FROM alpine:3.20
CMD exec /usr/bin/app --port 80
