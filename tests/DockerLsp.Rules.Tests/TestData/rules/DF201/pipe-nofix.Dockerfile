FROM alpine:3.20
CMD [|/app | tee /log|]
ENTRYPOINT ["/app"]
