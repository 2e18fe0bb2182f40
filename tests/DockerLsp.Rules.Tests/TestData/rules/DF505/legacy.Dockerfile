FROM alpine:3.20
ENV [|APP_HOME|] /app
ENV [|GREETING|] hello world
LABEL [|description|] "A small image"
ENV [|MIXED|] "a b" c
ENV OK=1
ENV [|EMPTY_LOOKING|] x
