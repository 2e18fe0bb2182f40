FROM alpine:3.20
COPY --[|form|]=build /a /a
WORKDIR --[|foo|] /x
