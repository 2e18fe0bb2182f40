FROM golang:1.23 AS build
WORKDIR /src
COPY . .
RUN [|go mod download|] && CGO_ENABLED=0 go build -o /out/server ./cmd/server

FROM gcr.io/distroless/static-debian12
COPY --from=build /out/server /server
ENTRYPOINT ["/server"]
