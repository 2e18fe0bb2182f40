FROM golang:1.23 AS build
WORKDIR /src
RUN apt-get update && apt-get install -y --no-install-recommends git && rm -rf /var/lib/apt/lists/*
COPY go.mod go.sum ./
RUN go mod download
COPY . .
ARG VERSION
RUN go build -ldflags "-X main.version=${VERSION}" -o /out/app ./cmd/app
