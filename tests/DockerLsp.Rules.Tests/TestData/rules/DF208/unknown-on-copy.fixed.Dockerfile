FROM alpine:3.20
COPY --from=build /a /a
WORKDIR /x
