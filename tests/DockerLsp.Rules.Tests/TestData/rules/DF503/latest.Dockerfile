FROM nginx:[|latest|]
FROM nginx:latest@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef
FROM alpine:3.20
COPY --from=busybox:[|latest|] /bin/sh /sh
