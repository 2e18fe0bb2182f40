# Multi-stage already.
FROM golang:1.23 AS build
WORKDIR /src
COPY . .
RUN go build -o /out/server ./cmd/server

FROM alpine:3.20
# Build dependencies removed in the same RUN do not ship.
RUN apk add --no-cache --virtual .build-deps gcc musl-dev && apk del .build-deps
COPY --from=build /out/server /usr/local/bin/server
CMD ["server"]
