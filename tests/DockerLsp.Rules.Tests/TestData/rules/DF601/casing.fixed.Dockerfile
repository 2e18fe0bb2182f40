FROM alpine:3.20
RUN true
COPY a /a
WORKDIR /x
