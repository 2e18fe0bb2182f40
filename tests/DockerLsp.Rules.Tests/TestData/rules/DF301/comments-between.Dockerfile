FROM alpine:3.20
RUN apk add --no-cache curl

# Users come next.
[|RUN|] addgroup -S app && adduser -S app -G app
