FROM alpine:3.20
ENV DIR=$HOME/x
COPY ${UNKNOWN:-default} /x
FROM scratch
COPY [|$NOTHING|] /
