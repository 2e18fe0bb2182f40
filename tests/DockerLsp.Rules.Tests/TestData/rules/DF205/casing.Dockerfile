FROM alpine:3.20 AS [|Builder|]
RUN true
FROM alpine:3.20
COPY --from=Builder /a /a
COPY --from=builder /b /b
