FROM [|golang:1.23|]
WORKDIR /src
COPY . .
RUN go build -o /usr/local/bin/server ./cmd/server
CMD ["server"]
