FROM alpine:3.20 AS build
FROM alpine:3.20 AS [|build|]
FROM alpine:3.20 AS [|scratch|]
FROM alpine:3.20 AS [|1abc|]
