ARG TAG=3.20
FROM alpine:[|$TGA|]
FROM alpine:[|$NOPE|]
FROM --platform=$BUILDPLATFORM alpine:${TAG}
