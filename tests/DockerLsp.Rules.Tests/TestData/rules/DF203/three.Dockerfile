FROM alpine:3.20
[|ENTRYPOINT ["a"]|]
[|ENTRYPOINT ["b"]|]
ENTRYPOINT ["c"]
