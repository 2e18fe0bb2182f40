FROM golang:1.23 AS build
RUN go build -o /app
FROM [|scratch|]
COPY --from=build /app /app
ENTRYPOINT ["/app"]
