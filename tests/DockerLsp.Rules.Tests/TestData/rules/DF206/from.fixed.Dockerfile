ARG TAG=3.20
FROM alpine:$TAG
FROM alpine:$NOPE
FROM --platform=$BUILDPLATFORM alpine:${TAG}
