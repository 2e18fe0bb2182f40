FROM [|ubuntu|]
FROM [|ubuntu|] AS base
FROM base
FROM scratch
FROM alpine@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef
ARG IMG=debian:12
FROM $IMG
