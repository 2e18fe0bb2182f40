FROM alpine:3.20
RUN apk add --no-cache curl && \
# Users come next.
    addgroup -S app && adduser -S app -G app
